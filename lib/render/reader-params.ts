/**
 * The reader's view and columns live in the URL (?view=interlinear&cols=en,ru)
 * so a reading can be shared. Parsing is forgiving: unknown values fall back
 * to the defaults rather than failing, since they come from hand-edited links.
 */
import type { Witness } from '@/lib/alignment/types';

export type ReaderView = 'parallel' | 'interlinear' | 'single';
export const READER_VIEWS: readonly ReaderView[] = ['parallel', 'interlinear', 'single'];

export const VIEW_LABELS: Record<ReaderView, string> = {
  parallel: 'Facing pages',
  interlinear: 'Interlinear',
  single: 'Single text',
};

export interface ReaderChoice {
  view: ReaderView;
  /** Chosen columns, in order (for the single view, the first is shown). */
  witnessIds: number[];
}

type SearchParams = Record<string, string | string[] | undefined>;

/** How a witness is named in URLs: its language, or language-position when two share a language. */
export function witnessHandle(witness: Witness, all: readonly Witness[]): string {
  const sameLang = all.filter((w) => w.lang.toLowerCase() === witness.lang.toLowerCase());
  return sameLang.length > 1 ? `${witness.lang}-${witness.position}` : witness.lang;
}

/** Default columns: every witness in its stored order (source first). */
export function defaultWitnessIds(witnesses: readonly Witness[], view: ReaderView): number[] {
  const ordered = [...witnesses].sort((a, b) => a.position - b.position);
  if (view === 'single') {
    // Read alone, the translation is the text people came for (the source may be placeholders).
    const translation = ordered.find((w) => w.role === 'translation') ?? ordered[0];
    return translation ? [translation.id] : [];
  }
  return ordered.map((w) => w.id);
}

function values(param: string | string[] | undefined): string[] {
  const list = Array.isArray(param) ? param : param === undefined ? [] : [param];
  return list
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

export function parseReaderParams(params: SearchParams, witnesses: readonly Witness[]): ReaderChoice {
  const viewParam = values(params.view)[0];
  const view = READER_VIEWS.find((v) => v === viewParam) ?? 'parallel';
  const byHandle = new Map(witnesses.map((w) => [witnessHandle(w, witnesses).toLowerCase(), w.id]));
  const chosen: number[] = [];
  for (const handle of values(params.cols)) {
    const id = byHandle.get(handle.toLowerCase());
    if (id !== undefined && !chosen.includes(id)) chosen.push(id);
  }
  return { view, witnessIds: chosen.length ? chosen : defaultWitnessIds(witnesses, view) };
}

/** The reader URL for a choice, leaving out whatever is the default. */
export function readerHref(slug: string, choice: ReaderChoice, witnesses: readonly Witness[], hash?: string): string {
  const parts: string[] = [];
  if (choice.view !== 'parallel') parts.push(`view=${choice.view}`);
  const defaults = defaultWitnessIds(witnesses, choice.view);
  const cols = choice.view === 'single' ? choice.witnessIds.slice(0, 1) : choice.witnessIds;
  if (cols.length > 0 && cols.join(',') !== defaults.join(',')) {
    const handles = cols.flatMap((id) => {
      const w = witnesses.find((x) => x.id === id);
      return w ? [encodeURIComponent(witnessHandle(w, witnesses))] : [];
    });
    // Commas stay literal so shared links read naturally: ?cols=en,ru
    parts.push(`cols=${handles.join(',')}`);
  }
  const query = parts.join('&');
  return `/documents/${encodeURIComponent(slug)}${query ? `?${query}` : ''}${hash ? `#${hash}` : ''}`;
}

/**
 * Correcting a document's details as a pure step: the current metadata
 * version and an edit-metadata op give the next version and a summary
 * naming what changed, or an AlignmentError (nothing changed, a date that
 * does not exist, a language tag that is not one, a witness of another
 * document).
 */
import type { VersionedMetadata } from '@/lib/document/from-state';
import { AlignmentError } from '../errors';
import type { EditMetadataOp } from '../op-schema';

export type MetadataVersion = Omit<VersionedMetadata, 'revFrom'>;

const FIELD_NAMES: Record<keyof EditMetadataOp['metadata'], string> = {
  title: 'title',
  date: 'date',
  place: 'place',
  participants: 'participants',
  archiveRef: 'archive reference',
  translator: 'translator',
  publisher: 'publisher',
  sourceNote: 'source note',
};

function checkDate(date: string | null): void {
  if (date === null) return;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) {
    throw new AlignmentError('bad-metadata', `The date ${date} does not exist.`);
  }
}

function canonicalLang(tag: string): string {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    if (canonical && /^[a-z]{2,3}(?:-|$)/.test(canonical)) return canonical;
  } catch {
    // fall through to the message
  }
  throw new AlignmentError('bad-metadata', `“${tag}” is not a language tag (for example ru, en, fr-CA).`);
}

export interface MetadataChange {
  /** What an editor calls it: "translator", "column “English translation”". */
  field: string;
  before: string;
  after: string;
}

function shown(value: string | string[] | boolean | null): string {
  if (Array.isArray(value)) return value.join('; ');
  if (value === null || value === '') return '—';
  return String(value);
}

/** What differs between two versions of the details, in form order. */
export function metadataChanges(a: MetadataVersion, b: MetadataVersion): MetadataChange[] {
  const changes: MetadataChange[] = [];
  for (const key of Object.keys(FIELD_NAMES) as (keyof EditMetadataOp['metadata'])[]) {
    if (JSON.stringify(a[key]) !== JSON.stringify(b[key]))
      changes.push({ field: FIELD_NAMES[key], before: shown(a[key]), after: shown(b[key]) });
  }
  for (const w of a.witnesses) {
    const other = b.witnesses.find((x) => x.id === w.id);
    if (other && (other.lang !== w.lang || other.label !== w.label)) {
      changes.push({ field: `column “${w.label}”`, before: `${w.label} (${w.lang})`, after: `${other.label} (${other.lang})` });
    }
  }
  return changes;
}

export function editMetadata(current: MetadataVersion, op: EditMetadataOp): { next: MetadataVersion; summary: string } {
  checkDate(op.metadata.date);
  const witnesses = current.witnesses.map((w) => ({ ...w }));
  for (const entry of op.languages) {
    const witness = witnesses.find((w) => w.id === entry.witnessId);
    if (!witness) throw new AlignmentError('not-found', 'That column is not part of this document; reload the page.');
    witness.lang = canonicalLang(entry.lang);
    witness.label = entry.label;
  }
  const next: MetadataVersion = { ...current, ...op.metadata, witnesses };
  const changes = metadataChanges(current, next);
  if (changes.length === 0) throw new AlignmentError('no-change', 'These details are the same as before; nothing was changed.');
  return { next, summary: `Corrected the document’s ${changes.map((c) => c.field).join(', ')}` };
}

const COMPARED = [
  'title',
  'date',
  'place',
  'participants',
  'archiveRef',
  'translator',
  'publisher',
  'sourceNote',
  'isExcerpt',
  'frontMatter',
] as const;

/** Same details (what undo and revert compare). */
export function sameMetadata(a: MetadataVersion, b: MetadataVersion): boolean {
  const print = (m: MetadataVersion) =>
    JSON.stringify([COMPARED.map((k) => m[k]), [...m.witnesses].sort((x, y) => x.id - y.id).map((w) => [w.id, w.lang, w.label])]);
  return print(a) === print(b);
}

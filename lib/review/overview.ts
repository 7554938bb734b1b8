/**
 * Review at a glance: for every row, its status (placeholder when its
 * source is still a placeholder), its source and translation lengths, and
 * how far their ratio is from what the language pair predicts: the
 * Gale–Church deviate delta = (l2 - c l1) / sqrt(l s2), with c the
 * document's own translation/source ratio over rows with real text on both
 * sides and s2 Gale and Church's 6.8. |delta| beyond FLAG_AT (a 1 %
 * chance under the model) flags the row; an omission (one side empty) is
 * flagged too. The review queue walks the unverified rows, most suspicious
 * first.
 */
import { GALE_CHURCH_VARIANCE, lengthCost } from '@/lib/align/length-model';
import { rowLabel } from '@/lib/alignment/labels';
import { rowAnchor } from '@/lib/alignment/row-refs';
import type { AlignmentState, RowStatus } from '@/lib/alignment/types';

export type ReviewStatus = RowStatus | 'placeholder';

export interface ReviewRow {
  key: string;
  index: number;
  label: string;
  /** The id of the row's element in the editor (rowAnchor). */
  anchor: string;
  status: ReviewStatus;
  /** The stored status (set-row-status keeps the note, so it is passed along). */
  rowStatus: RowStatus;
  note: string | null;
  sourceLength: number;
  translationLength: number;
  /** Gale–Church deviate of the lengths; null for a placeholder row. */
  delta: number | null;
  flagged: boolean;
  /** -log P of the lengths under the model: the queue's order (higher first). */
  suspicion: number;
}

export interface ReviewOverview {
  rows: ReviewRow[];
  /** Translation characters per source character, as the document's rows with text show. */
  ratio: number;
  counts: Record<ReviewStatus, number>;
  flagged: number;
  sourceLang: string | null;
  translationLang: string | null;
}

/** |delta| above this has a chance below 1 % under the length model. */
export const FLAG_AT = 2.58;

export function reviewOverview(state: AlignmentState): ReviewOverview {
  const source = state.witnesses.find((w) => w.role === 'source');
  const translation = state.witnesses.find((w) => w.role === 'translation');
  const cells = state.rows.map((row) => {
    const side = (id: number | undefined) => (id === undefined ? [] : (row.members[id] ?? []).flatMap((k) => state.segments[k] ?? []));
    const src = side(source?.id);
    const tgt = side(translation?.id);
    return {
      row,
      placeholder: src.some((s) => s.isPlaceholder),
      sourceLength: src.filter((s) => !s.isPlaceholder).reduce((a, s) => a + s.text.trim().length, 0),
      translationLength: tgt.reduce((a, s) => a + s.text.trim().length, 0),
    };
  });
  let sumS = 0;
  let sumT = 0;
  for (const c of cells) {
    if (!c.placeholder && c.sourceLength > 0 && c.translationLength > 0) {
      sumS += c.sourceLength;
      sumT += c.translationLength;
    }
  }
  const ratio = sumS > 0 ? sumT / sumS : 1;
  const model = { ratio, variance: GALE_CHURCH_VARIANCE };
  const counts: Record<ReviewStatus, number> = { placeholder: 0, auto: 0, unverified: 0, verified: 0 };
  const rows = cells.map((c, index): ReviewRow => {
    const status: ReviewStatus = c.placeholder ? 'placeholder' : c.row.status;
    counts[status]++;
    let delta: number | null = null;
    let suspicion = 0;
    if (!c.placeholder) {
      const l = Math.max(1, (c.sourceLength + c.translationLength / ratio) / 2);
      delta = (c.translationLength - c.sourceLength * ratio) / Math.sqrt(l * GALE_CHURCH_VARIANCE);
      suspicion = lengthCost(c.sourceLength, c.translationLength, model);
    }
    const omission = !c.placeholder && (c.sourceLength === 0 || c.translationLength === 0);
    return {
      key: c.row.key,
      index,
      label: rowLabel(c.row, state),
      anchor: rowAnchor(c.row, state),
      status,
      rowStatus: c.row.status,
      note: c.row.note,
      sourceLength: c.sourceLength,
      translationLength: c.translationLength,
      delta,
      flagged: omission || (delta !== null && Math.abs(delta) > FLAG_AT),
      suspicion,
    };
  });
  return {
    rows,
    ratio,
    counts,
    flagged: rows.filter((r) => r.flagged).length,
    sourceLang: source?.lang ?? null,
    translationLang: translation?.lang ?? null,
  };
}

/** Rows still to review (auto or unverified, with real text), most suspicious first; ties in reading order. */
export function reviewQueue(overview: ReviewOverview): ReviewRow[] {
  return overview.rows
    .filter((r) => r.status === 'auto' || r.status === 'unverified')
    .sort((a, b) => b.suspicion - a.suspicion || a.index - b.index);
}

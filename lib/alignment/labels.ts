/**
 * How edit messages and revision summaries name places: passages by the
 * translation's refs ("T4–T5"), segments by ref and column ("T4 (Russian)").
 */
import { languageName } from '@/lib/render/lang';
import { refRangeLabel, rowRefs } from './row-refs';
import { segmentRef, type AlignmentRow, type AlignmentState, type Segment, type Witness } from './types';

type Lookup = Pick<AlignmentState, 'witnesses' | 'segments'>;

/** "Russian" for a witness in 'ru': the column's name in messages. */
export function columnName(witness: Pick<Witness, 'lang'>): string {
  return languageName(witness.lang);
}

/** A row's passage: "T4", "T4–T5", or, for a row without translation text, its other refs ("Russian T4"). */
export function rowLabel(row: AlignmentRow, state: Lookup): string {
  const refs = rowRefs(row, state);
  if (refs.length) return refRangeLabel(refs);
  for (const witness of state.witnesses) {
    const keys = row.members[witness.id] ?? [];
    const segments = keys.flatMap((k) => state.segments[k] ?? []);
    if (segments.length) return `${columnName(witness)} ${refRangeLabel(segments.map(segmentRef))}`;
  }
  return 'an empty row';
}

/** Several rows as one passage, in order: "T4–T6". */
export function passageLabel(rows: readonly AlignmentRow[], state: Lookup): string {
  const labels = rows.map((r) => rowLabel(r, state));
  if (labels.length <= 1) return labels[0] ?? 'the passage';
  const firstRefs = rows[0] ? rowRefs(rows[0], state) : [];
  const lastRefs = rows[rows.length - 1] ? rowRefs(rows[rows.length - 1]!, state) : [];
  const first = firstRefs[0];
  const last = lastRefs[lastRefs.length - 1];
  if (first && last) return refRangeLabel([first, last]);
  return labels.join(', ');
}

/** A segment with its column: "T4.2 (Russian)". */
export function segmentLabel(segment: Omit<Segment, 'revFrom'>, state: Pick<AlignmentState, 'witnesses'>): string {
  const witness = state.witnesses.find((w) => w.id === segment.witnessId);
  const ref = segmentRef(segment);
  return witness ? `${ref} (${columnName(witness)})` : ref;
}

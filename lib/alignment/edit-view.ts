/**
 * What the edit page shows for each row: labels, the segments of each
 * column with the edits each allows (join with the next sentence, proposed
 * sentence boundaries), and the neighbours that row edits act on. Pure, so
 * the page stays thin and the choices are unit-tested.
 */
import { columnName, rowLabel, segmentLabel } from './labels';
import { witnessSequence } from './invariants';
import { rowAnchorIds, rowRefs } from './row-refs';
import { sentenceProposals } from './sentences';
import { segmentRef, type AlignmentState, type RowStatus } from './types';

export interface EditSegmentView {
  key: string;
  ref: string;
  /** "T4 (Russian)" */
  label: string;
  text: string;
  /** The revision this version of the segment was written in: a text correction names it (op.segmentRev). */
  rev: number;
  isPlaceholder: boolean;
  /** The next segment of this column when the two can be merged (same row, same turn, both text). */
  mergeNextKey: string | null;
  /** Proposed sentence starts (offsets), with the first words of each sentence. */
  proposals: { offset: number; preview: string }[];
}

export interface EditColumnView {
  witnessId: number;
  lang: string;
  /** "Russian" */
  column: string;
  segments: EditSegmentView[];
}

export interface EditRowView {
  key: string;
  label: string;
  anchor: string;
  extraAnchors: string[];
  refs: string[];
  status: RowStatus;
  note: string | null;
  prevRowKey: string | null;
  nextRowKey: string | null;
  columns: EditColumnView[];
}

/** Views of rows [start, end) of the document (all by default); neighbours are looked up in the whole state. */
export function editRows(
  state: AlignmentState,
  witnessIds: readonly number[],
  range: { start: number; end: number } = { start: 0, end: state.rows.length },
): EditRowView[] {
  const anchors = rowAnchorIds(state.rows, state);
  const next = new Map<string, string>();
  for (const w of state.witnesses) {
    const sequence = witnessSequence(state, w.id);
    sequence.forEach((s, i) => {
      const following = sequence[i + 1];
      if (following) next.set(s.key, following.key);
    });
  }
  const columns = witnessIds.flatMap((id) => state.witnesses.filter((w) => w.id === id));
  return state.rows.slice(range.start, range.end).map((row, k) => {
    const i = range.start + k;
    const { id, extra } = anchors.get(row.key) ?? { id: `row-${row.key}`, extra: [] };
    return {
      key: row.key,
      label: rowLabel(row, state),
      anchor: id,
      extraAnchors: extra,
      refs: rowRefs(row, state),
      status: row.status,
      note: row.note,
      prevRowKey: state.rows[i - 1]?.key ?? null,
      nextRowKey: state.rows[i + 1]?.key ?? null,
      columns: columns.map((w) => {
        const keys = row.members[w.id] ?? [];
        return {
          witnessId: w.id,
          lang: w.lang,
          column: columnName(w),
          segments: keys.flatMap((key) => {
            const s = state.segments[key];
            if (!s) return [];
            const following = next.get(key);
            const other = following ? state.segments[following] : undefined;
            const mergeable =
              other && keys.includes(other.key) && other.turnNo === s.turnNo && !s.isPlaceholder && !other.isPlaceholder;
            return [
              {
                key,
                ref: segmentRef(s),
                label: segmentLabel(s, state),
                text: s.text,
                rev: s.revFrom,
                isPlaceholder: s.isPlaceholder,
                mergeNextKey: mergeable ? other.key : null,
                proposals: s.isPlaceholder ? [] : sentenceProposals(s.text, w.lang),
              },
            ];
          }),
        };
      }),
    };
  });
}

/**
 * Merge a segment with the next one of the same witness. Both must belong to
 * the same turn (joining two turns would change the translation's
 * references) and sit in the same row; the texts are joined exactly.
 */
import { AlignmentError } from '../errors';
import type { MergeSegmentsOp } from '../op-schema';
import { segmentRef } from '../types';
import type { EditWindow } from '../window';
import { renumberTurn, turnSiblings } from './sentence-numbers';
import {
  columnName,
  findSegment,
  findWitness,
  label,
  rowOfSegment,
  segmentLabel,
  withMembers,
  witnessSegments,
  type OpOutcome,
} from './shared';

export function mergeSegments(window: EditWindow, op: MergeSegmentsOp): OpOutcome {
  const { state } = window;
  const first = findSegment(window, op.segmentKey);
  const second = findSegment(window, op.nextSegmentKey);
  const column = columnName(findWitness(state, first.witnessId));
  const firstName = segmentLabel(first, state);
  const secondName = segmentLabel(second, state);

  const inWitness = witnessSegments(state, first.witnessId);
  const next = inWitness[inWitness.findIndex((s) => s.key === first.key) + 1];
  if (second.witnessId !== first.witnessId || next?.key !== second.key) {
    throw new AlignmentError(
      'not-adjacent',
      `${secondName} does not directly follow ${firstName}; only neighbouring segments of one column can be merged.`,
    );
  }
  if (first.turnNo !== second.turnNo) {
    throw new AlignmentError(
      'cross-turn',
      `${segmentRef(first)} and ${segmentRef(second)} (${column}) belong to different turns; merging them would change the turn references that citations use, so it is refused.`,
    );
  }
  if (first.isPlaceholder || second.isPlaceholder) {
    const which = first.isPlaceholder ? firstName : secondName;
    throw new AlignmentError('placeholder', `${which} is a placeholder; replace it with text before merging.`);
  }
  const a = rowOfSegment(window, first);
  const b = rowOfSegment(window, second);
  if (a.index !== b.index) {
    throw new AlignmentError(
      'different-rows',
      `${firstName} and ${secondName} are in different rows (${label(a.row, state)} and ${label(b.row, state)}); merge the rows first.`,
    );
  }

  const segments = { ...state.segments, [first.key]: { ...first, text: first.text + second.text } };
  delete segments[second.key];
  for (const s of renumberTurn(turnSiblings(segments, first))) segments[s.key] = s;

  const keys = (a.row.members[first.witnessId] ?? []).filter((k) => k !== second.key);
  const rows = state.rows.map((r, k) => (k === a.index ? withMembers(r, first.witnessId, keys) : r));
  return {
    state: { ...state, rows, segments },
    summary: `Merged ${segmentRef(first)} and ${segmentRef(second)} (${column}) into ${segmentRef(segments[first.key]!)}`,
  };
}

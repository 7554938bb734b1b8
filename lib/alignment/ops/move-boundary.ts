/**
 * Move a row boundary by one segment in one witness: the row's first segment
 * of that witness joins the previous row ('up'), or its last joins the next
 * row ('down'). A row left with no segment at all disappears.
 */
import { AlignmentError } from '../errors';
import type { MoveBoundaryOp } from '../op-schema';
import type { EditWindow } from '../window';
import type { AlignmentRow } from '../types';
import {
  columnName,
  findRowIndex,
  findSegment,
  findWitness,
  isEmptyRow,
  label,
  segmentLabel,
  withMembers,
  withRows,
  type OpOutcome,
} from './shared';

export function moveBoundary(window: EditWindow, op: MoveBoundaryOp): OpOutcome {
  const { state, bounds } = window;
  const i = findRowIndex(window, op.rowKey);
  const row = state.rows[i]!;
  const witness = findWitness(state, op.witnessId);
  const column = columnName(witness);
  const rowName = label(row, state);
  const keys = row.members[witness.id] ?? [];
  if (keys.length === 0) {
    throw new AlignmentError('no-segment', `Row ${rowName} has no segment in the ${column} column to move.`);
  }

  const up = op.direction === 'up';
  const j = up ? i - 1 : i + 1;
  const target = state.rows[j];
  if (!target) {
    const atEdge = up ? bounds.rowBefore === null : bounds.rowAfter === null;
    if (!atEdge) throw new AlignmentError('invariant', 'The edit window is missing a neighbouring row; nothing was changed.');
    throw new AlignmentError(
      'edge',
      up
        ? `Row ${rowName} is the first row; there is no row above to move its ${column} segment into.`
        : `Row ${rowName} is the last row; there is no row below to move its ${column} segment into.`,
    );
  }

  const moving = up ? keys[0]! : keys[keys.length - 1]!;
  const rest = up ? keys.slice(1) : keys.slice(0, -1);
  const targetKeys = target.members[witness.id] ?? [];
  const source: AlignmentRow = { ...withMembers(row, witness.id, rest), status: 'unverified' };
  const destination: AlignmentRow = {
    ...withMembers(target, witness.id, up ? [...targetKeys, moving] : [moving, ...targetKeys]),
    status: 'unverified',
  };
  const sourceGone = isEmptyRow(source);
  const rows = state.rows.flatMap((r, k) => (k === i ? (sourceGone ? [] : [source]) : k === j ? [destination] : [r]));
  const what = segmentLabel(findSegment(window, moving), state);
  return {
    state: withRows(state, rows),
    summary:
      `Moved ${what} ${up ? 'up' : 'down'} from row ${rowName} into row ${label(target, state)}` +
      (sourceGone ? `; row ${rowName} was left empty and removed` : ''),
  };
}

/** Merge a row with the row right below it: one row holding both rows' segments. */
import { AlignmentError } from '../errors';
import type { MergeRowsOp } from '../op-schema';
import type { EditWindow } from '../window';
import type { AlignmentRow } from '../types';
import { findRowIndex, label, withRows, type OpOutcome } from './shared';

export function mergeRows(window: EditWindow, op: MergeRowsOp): OpOutcome {
  const { state } = window;
  const i = findRowIndex(window, op.rowKey);
  const j = findRowIndex(window, op.nextRowKey);
  const upper = state.rows[i]!;
  const lower = state.rows[j]!;
  if (j !== i + 1) {
    throw new AlignmentError(
      'not-adjacent',
      `Rows ${label(upper, state)} and ${label(lower, state)} are not next to each other; only a row and the row right below it can be merged.`,
    );
  }
  const members: AlignmentRow['members'] = {};
  for (const witness of state.witnesses) {
    const keys = [...(upper.members[witness.id] ?? []), ...(lower.members[witness.id] ?? [])];
    if (keys.length) members[witness.id] = keys;
  }
  const notes = [upper.note, lower.note].filter((n): n is string => !!n);
  const merged: AlignmentRow = {
    ...upper,
    members,
    // The pairing changed: a human made it, nobody has checked it yet.
    status: 'unverified',
    note: notes.length ? notes.join('\n') : null,
  };
  const rows = state.rows.flatMap((row, k) => (k === i ? [merged] : k === j ? [] : [row]));
  return {
    state: withRows(state, rows),
    summary: `Merged rows ${label(upper, state)} and ${label(lower, state)}`,
  };
}

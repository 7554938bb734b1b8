/** Set a row's status (auto / unverified / verified) and its divergence note. */
import { formatDivergenceNote } from '../divergence';
import { AlignmentError } from '../errors';
import type { SetRowStatusOp } from '../op-schema';
import type { EditWindow } from '../window';
import { findRowIndex, label, withRows, type OpOutcome } from './shared';

export function setRowStatus(window: EditWindow, op: SetRowStatusOp): OpOutcome {
  const { state } = window;
  const i = findRowIndex(window, op.rowKey);
  const row = state.rows[i]!;
  const name = label(row, state);
  const note = op.note ? formatDivergenceNote(op.note) : null;
  if (row.status === op.status && row.note === note) {
    throw new AlignmentError('no-change', `Row ${name} already has status ${op.status} and this note.`);
  }
  const noteChange = note ? `note “${note}”` : 'note cleared';
  const summary =
    row.status === op.status
      ? `Row ${name}: ${noteChange}`
      : `Marked row ${name} ${op.status}${row.note === note ? '' : `; ${noteChange}`}`;
  return {
    state: withRows(
      state,
      state.rows.map((r, k) => (k === i ? { ...row, status: op.status, note } : r)),
    ),
    summary,
  };
}

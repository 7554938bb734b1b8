/**
 * Split a row in two between segments: per witness, the named segment and
 * every later one of that witness move to a new row right below.
 */
import { orderKeyBetween } from '@/lib/keys/ids';
import { AlignmentError } from '../errors';
import type { SplitRowOp } from '../op-schema';
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
  withRows,
  type OpContext,
  type OpOutcome,
} from './shared';

export function splitRow(window: EditWindow, op: SplitRowOp, context: OpContext): OpOutcome {
  const { state, bounds } = window;
  const i = findRowIndex(window, op.rowKey);
  const row = state.rows[i]!;
  const rowName = label(row, state);

  const first: AlignmentRow['members'] = {};
  const second: AlignmentRow['members'] = {};
  for (const [id, keys] of Object.entries(row.members)) first[Number(id)] = [...keys];
  const seen = new Set<number>();
  const startLabels: string[] = [];
  for (const start of op.starts) {
    const witness = findWitness(state, start.witnessId);
    if (seen.has(witness.id)) {
      throw new AlignmentError('bad-split', `The ${columnName(witness)} column is named twice in this split of row ${rowName}.`);
    }
    seen.add(witness.id);
    const keys = row.members[witness.id] ?? [];
    const at = keys.indexOf(start.segmentKey);
    if (at === -1) {
      const segment = state.segments[start.segmentKey];
      const what = segment ? segmentLabel(segment, state) : 'That segment';
      throw new AlignmentError('bad-split', `${what} is not in row ${rowName}, so the row cannot be split there.`);
    }
    first[witness.id] = keys.slice(0, at);
    second[witness.id] = keys.slice(at);
    startLabels.push(segmentLabel(findSegment(window, start.segmentKey), state));
  }

  const upper: AlignmentRow = { ...row, members: first, status: 'unverified' };
  const nextOrderKey = state.rows[i + 1]?.orderKey ?? bounds.rowAfter;
  const lower: AlignmentRow = {
    key: context.newKey('r'),
    orderKey: orderKeyBetween(row.orderKey, nextOrderKey),
    status: 'unverified',
    note: null,
    revFrom: 0,
    members: second,
  };
  if (isEmptyRow(upper)) {
    throw new AlignmentError(
      'bad-split',
      `Splitting row ${rowName} before ${startLabels.join(' and ')} would leave the first row empty; start the second row at a later segment in at least one column.`,
    );
  }
  const rows = state.rows.flatMap((r, k) => (k === i ? [upper, lower] : [r]));
  return {
    state: withRows(state, rows),
    summary: `Split row ${rowName} before ${startLabels.join(' and ')}`,
  };
}

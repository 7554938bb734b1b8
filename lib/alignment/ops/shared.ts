/**
 * Helpers the operations share: finding rows and segments in a window
 * (with errors that name them), and building the next window immutably.
 */
import { AlignmentError } from '../errors';
import { columnName, rowLabel, segmentLabel } from '../labels';
import { byOrderKey } from '../order';
import type { EditWindow } from '../window';
import type { AlignmentRow, AlignmentState, Segment, Witness } from '../types';

/** Supplies new stable keys; injectable so tests can be deterministic. */
export interface OpContext {
  newKey: (prefix: 's' | 'r') => string;
}

/** What an operation produces: the window after it, and a sentence for the history. */
export interface OpOutcome {
  state: AlignmentState;
  summary: string;
}

export function findRowIndex(window: EditWindow, rowKey: string): number {
  const index = window.state.rows.findIndex((r) => r.key === rowKey);
  if (index === -1) {
    throw new AlignmentError('not-found', 'That row is no longer in the document; reload to see the current alignment.', {
      rowKey,
    });
  }
  return index;
}

export function findSegment(window: EditWindow, segmentKey: string): Segment {
  const segment = window.state.segments[segmentKey];
  if (!segment) {
    throw new AlignmentError('not-found', 'That segment is no longer in the document; reload to see the current alignment.', {
      segmentKey,
    });
  }
  return segment;
}

export function findWitness(state: AlignmentState, witnessId: number): Witness {
  const witness = state.witnesses.find((w) => w.id === witnessId);
  if (!witness) throw new AlignmentError('not-found', `This document has no column ${witnessId}.`, { witnessId });
  return witness;
}

/** The row holding a segment, and its index in the window. */
export function rowOfSegment(window: EditWindow, segment: Segment): { row: AlignmentRow; index: number } {
  const index = window.state.rows.findIndex((r) => (r.members[segment.witnessId] ?? []).includes(segment.key));
  if (index === -1) {
    throw new AlignmentError('invariant', `${segmentLabel(segment, window.state)} is in no row; nothing was changed.`);
  }
  return { row: window.state.rows[index]!, index };
}

/** A witness's segments within the window, in reading order. */
export function witnessSegments(state: AlignmentState, witnessId: number): Segment[] {
  return Object.values(state.segments)
    .filter((s) => s.witnessId === witnessId)
    .sort(byOrderKey);
}

export function withRows(state: AlignmentState, rows: AlignmentRow[]): AlignmentState {
  return { ...state, rows };
}

export function withMembers(row: AlignmentRow, witnessId: number, keys: string[]): AlignmentRow {
  return { ...row, members: { ...row.members, [witnessId]: keys } };
}

export function isEmptyRow(row: AlignmentRow): boolean {
  return Object.values(row.members).every((keys) => keys.length === 0);
}

/** "T4" for messages; re-exported so operations import one module. */
export function label(row: AlignmentRow, state: AlignmentState): string {
  return rowLabel(row, state);
}

export { columnName, segmentLabel };

/**
 * An edit never sees the whole document: it sees a WINDOW, a run of
 * consecutive rows around the rows it touches (one neighbour on each side),
 * with every segment of those rows, and the order keys just outside it so
 * that new keys fit between the window and the rest of the document. The
 * database layer loads exactly this with bounded index range reads
 * (db/edits/load-window.ts); `windowAround` is the same cut made in memory,
 * for tests and for whole-document states.
 */
import { segmentOrder } from './order';
import type { AlignmentRow, AlignmentState, Segment } from './types';

export interface WindowBounds {
  /** Order key of the row just before the window; null at the start of the document. */
  rowBefore: string | null;
  /** Order key of the row just after the window; null at the end of the document. */
  rowAfter: string | null;
  /** Per witness, the order key of its nearest segment before the window's first one (null: none). */
  segmentBefore: Record<number, string | null>;
  /** Per witness, the order key of its nearest segment after the window's last one (null: none). */
  segmentAfter: Record<number, string | null>;
}

export interface EditWindow {
  /** Rows: a consecutive run of the document. Segments: every segment of those rows. */
  state: AlignmentState;
  bounds: WindowBounds;
}

/** The whole document as a window: nothing lies outside it. */
export function wholeDocument(state: AlignmentState): EditWindow {
  return { state, bounds: { rowBefore: null, rowAfter: null, segmentBefore: {}, segmentAfter: {} } };
}

/**
 * The window an edit of `anchorRowKeys` needs: from the first to the last
 * anchor row, plus one row on each side.
 */
export function windowAround(state: AlignmentState, anchorRowKeys: readonly string[]): EditWindow {
  const indexes = anchorRowKeys.map((key) => state.rows.findIndex((r) => r.key === key)).filter((i) => i >= 0);
  if (indexes.length === 0) return { state: { ...state, rows: [], segments: {} }, bounds: wholeDocument(state).bounds };
  const lo = Math.max(0, Math.min(...indexes) - 1);
  const hi = Math.min(state.rows.length - 1, Math.max(...indexes) + 1);
  const rows = state.rows.slice(lo, hi + 1);
  const segments: Record<string, Segment> = {};
  for (const row of rows) {
    for (const keys of Object.values(row.members)) {
      for (const key of keys) {
        const segment = state.segments[key];
        if (segment) segments[key] = segment;
      }
    }
  }
  const segmentBefore: Record<number, string | null> = {};
  const segmentAfter: Record<number, string | null> = {};
  for (const witness of state.witnesses) {
    segmentBefore[witness.id] = lastSegmentKey(state.rows.slice(0, lo), witness.id, state);
    segmentAfter[witness.id] = firstSegmentKey(state.rows.slice(hi + 1), witness.id, state);
  }
  return {
    state: { ...state, rows, segments },
    bounds: {
      rowBefore: state.rows[lo - 1]?.orderKey ?? null,
      rowAfter: state.rows[hi + 1]?.orderKey ?? null,
      segmentBefore,
      segmentAfter,
    },
  };
}

/**
 * Rows an edit is anchored on: the rows it names, the row of each segment it
 * names, and, for splitting or merging segments, every row holding a
 * sentence of that turn in that witness (their numbers change together).
 */
export function anchorRows(
  state: AlignmentState,
  named: { rowKeys: readonly string[]; segmentKeys: readonly string[]; wholeTurns: boolean },
): string[] {
  const result = new Set<string>(named.rowKeys);
  const wanted = new Set(named.segmentKeys);
  if (named.wholeTurns) {
    for (const key of named.segmentKeys) {
      const segment = state.segments[key];
      if (!segment) continue;
      for (const other of Object.values(state.segments)) {
        if (other.witnessId === segment.witnessId && other.turnNo === segment.turnNo) wanted.add(other.key);
      }
    }
  }
  for (const row of state.rows) {
    if (Object.values(row.members).some((keys) => keys.some((k) => wanted.has(k)))) result.add(row.key);
  }
  return [...result];
}

function lastSegmentKey(rows: readonly AlignmentRow[], witnessId: number, state: AlignmentState): string | null {
  for (let i = rows.length - 1; i >= 0; i--) {
    const keys = rows[i]!.members[witnessId] ?? [];
    const orderKeys = keys.flatMap((k) => state.segments[k]?.orderKey ?? []).sort(segmentOrder);
    if (orderKeys.length) return orderKeys[orderKeys.length - 1]!;
  }
  return null;
}

function firstSegmentKey(rows: readonly AlignmentRow[], witnessId: number, state: AlignmentState): string | null {
  for (const row of rows) {
    const orderKeys = (row.members[witnessId] ?? []).flatMap((k) => state.segments[k]?.orderKey ?? []).sort(segmentOrder);
    if (orderKeys.length) return orderKeys[0]!;
  }
  return null;
}

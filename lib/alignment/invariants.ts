/**
 * The rules every alignment state obeys, checked after every edit (on its
 * window) and by the property tests (on whole documents):
 *  - every segment is in exactly one row, under its own witness;
 *  - no row is empty;
 *  - rows are in order, and each witness's segments follow the rows in
 *    their own reading order (monotonic), turn numbers never going back;
 *  - sentence numbers of a turn run 1..k (or the turn is one segment, null);
 *  - an edit never changes the translation's turn numbers (the citations'
 *    reference system).
 */
import { segmentOrder } from './order';
import type { WindowBounds } from './window';
import type { AlignmentState, Segment } from './types';

export interface InvariantOptions {
  /** Order keys just outside a window; omitted for a whole document. */
  bounds?: WindowBounds;
  /** The state is a whole document, so every turn is complete (sentences start at 1). */
  complete?: boolean;
}

/** Human-readable violations; empty when the state is sound. */
export function findViolations(state: AlignmentState, options: InvariantOptions = {}): string[] {
  const problems: string[] = [];
  const { bounds } = options;
  const seen = new Map<string, string>();
  const witnessIds = new Set(state.witnesses.map((w) => w.id));

  let previousRow: string | null = bounds?.rowBefore ?? null;
  for (const row of state.rows) {
    if (previousRow !== null && segmentOrder(previousRow, row.orderKey) >= 0) {
      problems.push(`row ${row.key} is out of order (${row.orderKey} after ${previousRow})`);
    }
    previousRow = row.orderKey;
    let size = 0;
    for (const [id, keys] of Object.entries(row.members)) {
      const witnessId = Number(id);
      if (!witnessIds.has(witnessId)) problems.push(`row ${row.key} names unknown witness ${witnessId}`);
      for (const key of keys) {
        size++;
        const segment = state.segments[key];
        if (!segment) problems.push(`row ${row.key} names missing segment ${key}`);
        else if (segment.witnessId !== witnessId) problems.push(`segment ${key} is in the wrong column of row ${row.key}`);
        const other = seen.get(key);
        if (other !== undefined) problems.push(`segment ${key} is in rows ${other} and ${row.key}`);
        seen.set(key, row.key);
      }
    }
    if (size === 0) problems.push(`row ${row.key} is empty`);
  }
  if (bounds?.rowAfter != null && previousRow !== null && segmentOrder(previousRow, bounds.rowAfter) >= 0) {
    problems.push(`the last row (${previousRow}) is not before the next row outside the window (${bounds.rowAfter})`);
  }
  for (const key of Object.keys(state.segments)) {
    if (!seen.has(key)) problems.push(`segment ${key} is in no row`);
  }

  for (const witness of state.witnesses) {
    const sequence = witnessSequence(state, witness.id);
    let previous: string | null = bounds?.segmentBefore[witness.id] ?? null;
    let previousTurn = -Infinity;
    for (const segment of sequence) {
      if (previous !== null && segmentOrder(previous, segment.orderKey) >= 0) {
        problems.push(`segment ${segment.key} of witness ${witness.id} is out of reading order`);
      }
      if (segment.turnNo < previousTurn) problems.push(`segment ${segment.key} goes back to turn ${segment.turnNo}`);
      previous = segment.orderKey;
      previousTurn = segment.turnNo;
    }
    const after = bounds?.segmentAfter[witness.id] ?? null;
    if (after !== null && previous !== null && segmentOrder(previous, after) >= 0) {
      problems.push(`the last segment of witness ${witness.id} is not before the next one outside the window`);
    }
    problems.push(...sentenceProblems(sequence, options.complete ?? false));
  }
  return problems;
}

/** A witness's segments in row order (the order readers see them in). */
export function witnessSequence(state: Pick<AlignmentState, 'rows' | 'segments'>, witnessId: number): Segment[] {
  return state.rows.flatMap((row) => (row.members[witnessId] ?? []).flatMap((k) => state.segments[k] ?? []));
}

/** Each witness's whole text, its segments concatenated in reading order. */
export function witnessTexts(state: AlignmentState): Record<number, string> {
  const texts: Record<number, string> = {};
  for (const w of state.witnesses)
    texts[w.id] = witnessSequence(state, w.id)
      .map((s) => s.text)
      .join('');
  return texts;
}

/**
 * Turn numbers of the translation witnesses that changed from `before` to
 * `after`: a kept segment must keep its turn, and the turns present must be
 * the same (a turn may be split or merged into sentences, never lost).
 */
export function turnRefViolations(before: AlignmentState, after: AlignmentState): string[] {
  const problems: string[] = [];
  for (const witness of before.witnesses) {
    if (witness.role !== 'translation') continue;
    const turnsBefore = new Set(witnessSequence(before, witness.id).map((s) => s.turnNo));
    const turnsAfter = new Set(witnessSequence(after, witness.id).map((s) => s.turnNo));
    for (const turn of turnsBefore) if (!turnsAfter.has(turn)) problems.push(`turn T${turn} disappeared`);
    for (const turn of turnsAfter) if (!turnsBefore.has(turn)) problems.push(`turn T${turn} appeared`);
    for (const segment of Object.values(after.segments)) {
      const old = before.segments[segment.key];
      if (old && old.turnNo !== segment.turnNo) {
        problems.push(`segment ${segment.key} moved from turn T${old.turnNo} to T${segment.turnNo}`);
      }
    }
  }
  return problems;
}

function sentenceProblems(sequence: readonly Segment[], complete: boolean): string[] {
  const problems: string[] = [];
  let i = 0;
  while (i < sequence.length) {
    const turn = sequence[i]!.turnNo;
    let j = i;
    while (j < sequence.length && sequence[j]!.turnNo === turn) j++;
    const group = sequence.slice(i, j);
    // A turn cut by the window's edge may show only some of its sentences.
    const atEdge = !complete && (i === 0 || j === sequence.length);
    if (group.length === 1 && group[0]!.sentenceNo === null) {
      // one whole-turn segment
    } else if (group.some((s) => s.sentenceNo === null)) {
      problems.push(`turn T${turn} mixes a whole-turn segment with sentences`);
    } else {
      const first = group[0]!.sentenceNo!;
      if (!atEdge && first !== 1) problems.push(`the sentences of turn T${turn} start at ${first}`);
      group.forEach((s, k) => {
        if (s.sentenceNo !== first + k) problems.push(`the sentences of turn T${turn} are not numbered consecutively`);
      });
      if ((complete || !atEdge) && group.length === 1) problems.push(`turn T${turn} has a single segment numbered as a sentence`);
    }
    i = j;
  }
  return [...new Set(problems)];
}

/**
 * Resolving a passage reference against an alignment: which translation
 * segments it names and which rows show them. Works on any revision's
 * state, so a pinned citation resolves against the alignment it was made
 * on and an unpinned one against the current alignment.
 *
 * A reference names TURNS, and a turn's number never changes, so a
 * reference keeps naming the same turns whatever splits and merges happened
 * since: T5 covers every sentence of turn 5 (T5.1…T5.n); T5.2 while turn 5
 * is whole resolves to the whole turn, with a note saying so.
 */
import { referenceWitness } from '@/lib/alignment/row-refs';
import { segmentRef, type AlignmentRow, type AlignmentState, type Segment } from '@/lib/alignment/types';
import { segmentOrder } from '@/lib/alignment/order';
import { RefError } from './errors';
import { formatPoint, formatRef, formatRefLabel, turnRange, type PassageRef, type RefPoint } from './parse';

export interface ResolvedPassage {
  ref: PassageRef;
  /** Canonical spelling (URL form): T5-T7. */
  canonical: string;
  /** Display form: T5–T7. */
  label: string;
  /** Turn numbers the passage covers, ascending. */
  turns: number[];
  /** The translation segments named, in reading order. */
  segmentKeys: string[];
  /** The refs of those segments (T5, T6.1, ...), in reading order. */
  segmentRefs: string[];
  /** Rows showing the passage: a consecutive run from the first row holding a named segment to the last. */
  rows: AlignmentRow[];
  /** Index of the first of those rows in state.rows. */
  firstRowIndex: number;
  lastRowIndex: number;
  /** The document's last turn number. */
  lastTurn: number;
  /** Things the reader should know about how the reference was read (e.g. T5.2 of a whole turn). */
  notes: string[];
}

/**
 * `state` may be a window of the document (db/queries/window.ts) holding the
 * passage; then `lastTurn` gives the document's last turn, which the window
 * cannot know.
 */
export function resolveRef(ref: PassageRef, state: AlignmentState, options: { lastTurn?: number } = {}): ResolvedPassage {
  const input = formatRef(ref);
  const witness = referenceWitness(state);
  if (!witness) {
    throw new RefError('no-reference-witness', 'This document has no translation to take turn numbers from.', input);
  }
  const ordered = Object.values(state.segments)
    .filter((s) => s.witnessId === witness.id)
    .sort((a, b) => segmentOrder(a.orderKey, b.orderKey));
  const byTurn = new Map<number, Segment[]>();
  for (const s of ordered) {
    const list = byTurn.get(s.turnNo);
    if (list) list.push(s);
    else byTurn.set(s.turnNo, [s]);
  }
  const lastTurn = options.lastTurn ?? Math.max(0, ...byTurn.keys());
  const notes: string[] = [];

  const startRange = pointSegments(ref.start, byTurn, lastTurn, state.rev, input, notes);
  const endRange =
    ref.end.turn === ref.start.turn && ref.end.sentence === ref.start.sentence
      ? startRange
      : pointSegments(ref.end, byTurn, lastTurn, state.rev, input, notes);
  const from = ordered.indexOf(startRange[0]!);
  const to = ordered.indexOf(endRange[endRange.length - 1]!);
  const named = ordered.slice(from, to + 1);
  const namedKeys = new Set(named.map((s) => s.key));

  let firstRowIndex = -1;
  let lastRowIndex = -1;
  state.rows.forEach((row, i) => {
    if ((row.members[witness.id] ?? []).some((k) => namedKeys.has(k))) {
      if (firstRowIndex === -1) firstRowIndex = i;
      lastRowIndex = i;
    }
  });
  if (firstRowIndex === -1) {
    // Every segment is in a row (an invariant of the model); refuse loudly rather than show nothing.
    throw new RefError('turn-out-of-range', `${formatRefLabel(ref)} is not shown in any row at revision ${state.rev}.`, input);
  }

  return {
    ref,
    canonical: input,
    label: formatRefLabel(ref),
    turns: [...new Set(named.map((s) => s.turnNo))].sort((a, b) => a - b),
    segmentKeys: named.map((s) => s.key),
    segmentRefs: named.map((s) => segmentRef(s)),
    rows: state.rows.slice(firstRowIndex, lastRowIndex + 1),
    firstRowIndex,
    lastRowIndex,
    lastTurn,
    notes,
  };
}

/** The segments one end of a reference names: a whole turn, or one sentence of it. */
function pointSegments(
  point: RefPoint,
  byTurn: Map<number, Segment[]>,
  lastTurn: number,
  rev: number,
  input: string,
  notes: string[],
): Segment[] {
  const segments = byTurn.get(point.turn);
  if (!segments) {
    const message =
      lastTurn === 0
        ? `${formatPoint(point)} does not exist: this document has no turns yet.`
        : point.turn > lastTurn
          ? `${formatPoint(point)} is beyond the end of this document: its turns run from T1 to T${lastTurn}.`
          : `${formatPoint(point)} is not in this document at revision ${rev}.`;
    throw new RefError('turn-out-of-range', message, input);
  }
  if (point.sentence == null) return segments;
  const sentence = segments.find((s) => s.sentenceNo === point.sentence);
  if (sentence) return [sentence];
  const whole = segments.length === 1 && segments[0]!.sentenceNo == null;
  if (whole) {
    notes.push(
      `T${point.turn} is not divided into sentences at revision ${rev}, so ${formatPoint(point)} is shown as the whole of T${point.turn}.`,
    );
    return segments;
  }
  const numbered = segments.filter((s) => s.sentenceNo != null).length;
  throw new RefError(
    'sentence-out-of-range',
    `${formatPoint(point)} does not exist at revision ${rev}: turn T${point.turn} has ${numbered} sentences (T${point.turn}.1–T${point.turn}.${numbered}).`,
    input,
  );
}

/**
 * The passages before and after, as whole turns of the same length
 * (T5–T7 → T2–T4 and T8–T10), clamped to the document; null at either end.
 */
export function neighbourRefs(passage: Pick<ResolvedPassage, 'turns' | 'lastTurn'>): {
  previous: PassageRef | null;
  next: PassageRef | null;
} {
  const first = passage.turns[0]!;
  const last = passage.turns[passage.turns.length - 1]!;
  const length = last - first + 1;
  return {
    previous: first > 1 ? turnRange(Math.max(1, first - length), first - 1) : null,
    next: last < passage.lastTurn ? turnRange(last + 1, Math.min(passage.lastTurn, last + length)) : null,
  };
}

/** The passage's rows with up to `context` rows on each side, and which of them are the passage. */
export function passageWithContext(
  passage: Pick<ResolvedPassage, 'firstRowIndex' | 'lastRowIndex'>,
  state: Pick<AlignmentState, 'rows'>,
  context = 1,
): { rows: AlignmentRow[]; highlightRowKeys: string[] } {
  const from = Math.max(0, passage.firstRowIndex - context);
  const to = Math.min(state.rows.length - 1, passage.lastRowIndex + context);
  return {
    rows: state.rows.slice(from, to + 1),
    highlightRowKeys: state.rows.slice(passage.firstRowIndex, passage.lastRowIndex + 1).map((r) => r.key),
  };
}

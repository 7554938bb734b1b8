/**
 * Real source text in place of a passage's placeholders, aligned sentence
 * by sentence (the links come from lib/align, run where the editor works).
 * The translation's whole-turn segments are first cut into sentences (as
 * split-segment does), then every row of the passage is replaced by one row
 * per link, marked `auto` for review. One operation, so one revision: undo
 * brings the placeholders and the old rows back.
 */
import { orderKeysBetween } from '@/lib/keys/ids';
import { AlignmentError } from '../errors';
import { witnessSequence } from '../invariants';
import { segmentOrder } from '../order';
import type { AlignSourceOp } from '../op-schema';
import type { AlignmentRow, AlignmentState, Segment } from '../types';
import type { EditWindow } from '../window';
import { findSegment, findWitness, segmentLabel, type OpContext, type OpOutcome } from './shared';
import { splitSegment } from './split-segment';

export function alignSource(window: EditWindow, op: AlignSourceOp, context: OpContext): OpOutcome {
  const source = findWitness(window.state, op.witnessId);
  const translation = findWitness(window.state, op.translationWitnessId);
  if (source.role !== 'source') throw bad(`Column ${op.witnessId} is not a source column.`);
  if (translation.role !== 'translation') throw bad(`Column ${op.translationWitnessId} is not a translation column.`);

  const placeholders = op.placeholderKeys.map((k) => findSegment(window, k));
  for (const p of placeholders) {
    if (p.witnessId !== source.id) throw bad(`${segmentLabel(p, window.state)} is not in the source column.`);
    if (!p.isPlaceholder) {
      throw new AlignmentError(
        'not-placeholder',
        `${segmentLabel(p, window.state)} already has text; only placeholders are replaced.`,
      );
    }
  }
  const turns = new Set(placeholders.map((p) => p.turnNo));
  const placeholderKeys = new Set(op.placeholderKeys);

  // The passage: every row holding a segment of its turns, consecutive.
  const inPassage = (row: AlignmentRow) =>
    Object.values(row.members).some((keys) => keys.some((k) => turns.has(window.state.segments[k]?.turnNo ?? -1)));
  const indexes = window.state.rows.flatMap((row, k) => (inPassage(row) ? [k] : []));
  const first = indexes[0]!;
  const last = indexes[indexes.length - 1]!;
  if (indexes.length !== last - first + 1) throw bad('The passage is not one run of rows; reload the page.');
  const passageRows = window.state.rows.slice(first, last + 1);
  const passage = { ...window.state, rows: passageRows };

  for (const row of passageRows) {
    for (const [id, keys] of Object.entries(row.members)) {
      for (const key of keys) {
        const segment = window.state.segments[key]!;
        const name = segmentLabel(segment, window.state);
        if (Number(id) === source.id && !placeholderKeys.has(key)) {
          throw new AlignmentError('not-placeholder', `${name} already has text; align only passages that are all placeholders.`);
        }
        if (Number(id) !== source.id && Number(id) !== translation.id) {
          throw bad(`${name} is in a third column; this document's rows cannot be realigned automatically.`);
        }
        if (!turns.has(segment.turnNo)) throw bad(`${name} shares a row with the passage; split that row first.`);
      }
    }
  }
  const seen = witnessSequence(passage, translation.id).map((s) => s.key);
  if (seen.join() !== op.translationKeys.join()) {
    throw bad('The translation of this passage changed since the text was aligned; reload and align again.');
  }
  const sourceSeen = witnessSequence(passage, source.id).map((s) => s.key);
  if (sourceSeen.length !== placeholderKeys.size || sourceSeen.some((k) => !placeholderKeys.has(k))) {
    throw bad('The placeholders of this passage changed since the text was aligned; reload and align again.');
  }

  // Cut the translation into sentences, as split-segment would.
  let state: AlignmentState = window.state;
  for (const split of op.translationSplits) {
    if (!op.translationKeys.includes(split.segmentKey)) throw bad('A translation split names a segment outside the passage.');
    state = splitSegment({ state, bounds: window.bounds }, { type: 'split-segment', ...split }, context).state;
  }
  const rowsAfterSplit = state.rows.slice(first, last + 1);
  const units = witnessSequence({ rows: rowsAfterSplit, segments: state.segments }, translation.id);

  checkLinks(op, units.length);

  // A link's turn is its translation's; a source-only link takes the turn before it (or, at the start, after it).
  const linkTurns: (number | null)[] = op.links.map((l) => (l.tgt.length ? units[l.tgt[0]!]!.turnNo : null));
  let carry: number | null = null;
  for (let k = 0; k < linkTurns.length; k++) {
    if (linkTurns[k] === null) linkTurns[k] = carry;
    else carry = linkTurns[k]!;
  }
  const firstTurn = linkTurns.find((t) => t !== null) ?? Math.min(...turns);
  for (let k = 0; k < linkTurns.length && linkTurns[k] === null; k++) linkTurns[k] = firstTurn;

  const speakerOf = new Map(placeholders.map((p) => [p.turnNo, p.speaker]));
  const before = sourceNeighbour(window, first, -1, source.id);
  const after = sourceNeighbour(window, last, 1, source.id);
  const orderKeys = orderKeysBetween(before, after, op.sentences.length);
  const turnOfSentence: number[] = [];
  op.links.forEach((l, k) => l.src.forEach((s) => (turnOfSentence[s] = linkTurns[k]!)));
  const perTurn = new Map<number, number>();
  for (const t of turnOfSentence) perTurn.set(t, (perTurn.get(t) ?? 0) + 1);
  const numbered = new Map<number, number>();
  const sentences: Segment[] = op.sentences.map((text, s) => {
    const turnNo = turnOfSentence[s]!;
    const n = (numbered.get(turnNo) ?? 0) + 1;
    numbered.set(turnNo, n);
    return {
      key: context.newKey('s'),
      witnessId: source.id,
      orderKey: orderKeys[s]!,
      turnNo,
      sentenceNo: perTurn.get(turnNo)! > 1 ? n : null,
      speaker: speakerOf.get(turnNo) ?? null,
      text,
      isPlaceholder: false,
      revFrom: 0,
    };
  });

  const rowBefore = window.state.rows[first - 1]?.orderKey ?? window.bounds.rowBefore;
  const rowAfter = window.state.rows[last + 1]?.orderKey ?? window.bounds.rowAfter;
  const rowKeys = orderKeysBetween(rowBefore, rowAfter, op.links.length);
  const newRows: AlignmentRow[] = op.links.map((l, k) => ({
    key: context.newKey('r'),
    orderKey: rowKeys[k]!,
    status: 'auto',
    note: null,
    revFrom: 0,
    members: {
      ...(l.src.length ? { [source.id]: l.src.map((s) => sentences[s]!.key) } : {}),
      ...(l.tgt.length ? { [translation.id]: l.tgt.map((t) => units[t]!.key) } : {}),
    },
  }));

  const segments = { ...state.segments };
  for (const key of placeholderKeys) delete segments[key];
  for (const s of sentences) segments[s.key] = s;
  const rows = [...state.rows.slice(0, first), ...newRows, ...state.rows.slice(last + 1)];
  const refs = [...turns].sort((a, b) => a - b);
  const range = refs.length > 1 ? `T${refs[0]}–T${refs[refs.length - 1]}` : `T${refs[0]}`;
  return {
    state: { ...state, rows, segments },
    summary: `Aligned ${op.sentences.length} source sentences to ${range}: ${newRows.length} rows, marked auto for review`,
  };
}

/** The links must cover source sentences 0..n-1 and translation units 0..m-1, each once, in order. */
function checkLinks(op: AlignSourceOp, units: number): void {
  let s = 0;
  let t = 0;
  op.links.forEach((link, k) => {
    if (!link.src.length && !link.tgt.length) throw bad(`Link ${k + 1} is empty.`);
    for (const i of link.src) {
      if (i !== s++) throw bad(`Link ${k + 1} does not continue the source sentences in order (expected ${s - 1}, got ${i}).`);
    }
    for (const j of link.tgt) {
      if (j !== t++) throw bad(`Link ${k + 1} does not continue the translation in order (expected ${t - 1}, got ${j}).`);
    }
  });
  if (s !== op.sentences.length) throw bad(`The links cover ${s} of ${op.sentences.length} source sentences.`);
  if (t !== units) throw bad(`The links cover ${t} of the passage's ${units} translation sentences.`);
}

/** Order key of the nearest source segment outside the passage, before (-1) or after (+1) it. */
function sourceNeighbour(window: EditWindow, edge: number, direction: -1 | 1, witnessId: number): string | null {
  const rows = window.state.rows;
  for (let k = edge + direction; k >= 0 && k < rows.length; k += direction) {
    const keys = rows[k]!.members[witnessId] ?? [];
    const orderKeys = keys.map((key) => window.state.segments[key]!.orderKey).sort(segmentOrder);
    if (orderKeys.length) return direction < 0 ? orderKeys[orderKeys.length - 1]! : orderKeys[0]!;
  }
  return direction < 0 ? (window.bounds.segmentBefore[witnessId] ?? null) : (window.bounds.segmentAfter[witnessId] ?? null);
}

function bad(message: string): AlignmentError {
  return new AlignmentError('bad-alignment', message);
}

/**
 * Split a segment at character offsets (a turn into sentences, or a sentence
 * further). The pieces keep the exact text between the offsets, so joining
 * them gives the original back character for character; they stay in the
 * same row, and the turn's sentences are renumbered 1..k.
 */
import { orderKeysBetween } from '@/lib/keys/ids';
import { AlignmentError } from '../errors';
import type { SplitSegmentOp } from '../op-schema';
import { splitAt } from '../sentences';
import { segmentRef, type Segment } from '../types';
import type { EditWindow } from '../window';
import { renumberTurn, turnSiblings } from './sentence-numbers';
import { findSegment, rowOfSegment, segmentLabel, withMembers, witnessSegments, type OpContext, type OpOutcome } from './shared';

export function splitSegment(window: EditWindow, op: SplitSegmentOp, context: OpContext): OpOutcome {
  const { state, bounds } = window;
  const segment = findSegment(window, op.segmentKey);
  const name = segmentLabel(segment, state);
  if (segment.isPlaceholder) {
    throw new AlignmentError('placeholder', `${name} is a placeholder; replace it with text before splitting it.`);
  }
  const { text } = segment;
  let previous = 0;
  for (const offset of op.offsets) {
    if (offset <= previous) {
      throw new AlignmentError(
        'bad-offset',
        previous === 0
          ? `Split positions in ${name} must be after its first character (got ${offset}).`
          : `Split positions in ${name} must increase (${offset} comes after ${previous}).`,
      );
    }
    if (offset >= text.length) {
      throw new AlignmentError('bad-offset', `Position ${offset} is not inside ${name}, which has ${text.length} characters.`);
    }
    if (isLowSurrogate(text.charCodeAt(offset))) {
      throw new AlignmentError('bad-offset', `Position ${offset} in ${name} falls inside a character.`);
    }
    previous = offset;
  }
  const pieces = splitAt(text, op.offsets);
  const blank = pieces.findIndex((p) => p.trim() === '');
  if (blank !== -1) {
    throw new AlignmentError('bad-offset', `Splitting ${name} there would leave piece ${blank + 1} with no text.`);
  }

  const inWitness = witnessSegments(state, segment.witnessId);
  const after =
    inWitness[inWitness.findIndex((s) => s.key === segment.key) + 1]?.orderKey ?? bounds.segmentAfter[segment.witnessId] ?? null;
  const newKeys = orderKeysBetween(segment.orderKey, after, pieces.length - 1);
  const created: Segment[] = pieces.slice(1).map((piece, k) => ({
    ...segment,
    key: context.newKey('s'),
    orderKey: newKeys[k]!,
    text: piece,
    revFrom: 0,
  }));
  const head: Segment = { ...segment, text: pieces[0]! };

  const segments = { ...state.segments, [head.key]: head };
  for (const s of created) segments[s.key] = s;
  for (const s of renumberTurn(turnSiblings(segments, segment))) segments[s.key] = s;

  const { row, index } = rowOfSegment(window, segment);
  const keys = row.members[segment.witnessId] ?? [];
  const at = keys.indexOf(segment.key);
  const nextKeys = [...keys.slice(0, at + 1), ...created.map((s) => s.key), ...keys.slice(at + 1)];
  const rows = state.rows.map((r, k) => (k === index ? withMembers(r, segment.witnessId, nextKeys) : r));

  const refs = [head, ...created].map((s) => segmentRef(segments[s.key]!));
  return {
    state: { ...state, rows, segments },
    summary: `Split ${name} into ${pieces.length} segments (${refs[0]}–${refs[refs.length - 1]})`,
  };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Sentence numbers within one turn of one witness: 1..k when the turn is cut
 * into k > 1 segments, null when it is whole again. Only that turn's
 * segments are renumbered; the turn number itself never changes.
 */
import { byOrderKey } from '../order';
import type { Segment } from '../types';

export function renumberTurn(segments: readonly Segment[]): Segment[] {
  const sorted = [...segments].sort(byOrderKey);
  if (sorted.length === 1) return [{ ...sorted[0]!, sentenceNo: null }];
  return sorted.map((s, i) => ({ ...s, sentenceNo: i + 1 }));
}

/** The segments of a turn in a witness, as present in `segments`. */
export function turnSiblings(segments: Record<string, Segment>, of: Segment): Segment[] {
  return Object.values(segments).filter((s) => s.witnessId === of.witnessId && s.turnNo === of.turnNo);
}

/**
 * The banded dynamic programme: the cheapest sequence of beads (BEADS in
 * length-model.ts) from (0, 0) to (n, m) through the band. Costs of two
 * earlier rows are kept (beads reach back two sentences), the choices of
 * every cell in one byte each: memory is one byte per band cell plus
 * O(width). Written as a generator that yields its progress, so callers can
 * report it or give the event loop a turn.
 */
import type { Band } from './band';
import { BEADS } from './length-model';
import type { ScoredLink } from './types';

/** Cost of the bead of type `k` (index in BEADS) ending at prefix lengths (i, j). */
export type BeadCost = (k: number, i: number, j: number) => number;

const NONE = 255;
const ROWS_PER_YIELD = 512;

export function* bandedDp(band: Band, beadCost: BeadCost): Generator<number, ScoredLink[]> {
  const { n, m, lo, hi, offset } = band;
  let maxWidth = 0;
  for (let i = 0; i <= n; i++) maxWidth = Math.max(maxWidth, hi[i]! - lo[i]! + 1);
  const ring = [new Float64Array(maxWidth), new Float64Array(maxWidth), new Float64Array(maxWidth)];
  const choice = new Uint8Array(band.cells).fill(NONE);

  const costAt = (i: number, j: number): number => {
    if (i < 0 || j < lo[i]! || j > hi[i]!) return Infinity;
    return ring[i % 3]![j - lo[i]!]!;
  };

  for (let i = 0; i <= n; i++) {
    const row = ring[i % 3]!;
    const rowLo = lo[i]!;
    const rowHi = hi[i]!;
    const base = offset[i]!;
    for (let j = rowLo; j <= rowHi; j++) {
      if (i === 0 && j === 0) {
        row[0] = 0;
        continue;
      }
      let best = Infinity;
      let bestK = NONE;
      for (let k = 0; k < BEADS.length; k++) {
        const [a, b] = BEADS[k]!;
        if (a > i || b > j) continue;
        const previous = a === 0 ? (j - b >= rowLo ? row[j - b - rowLo]! : Infinity) : costAt(i - a, j - b);
        if (previous === Infinity) continue;
        const total = previous + beadCost(k, i, j);
        if (total < best) {
          best = total;
          bestK = k;
        }
      }
      row[j - rowLo] = best;
      choice[base + j - rowLo] = bestK;
    }
    if (i % ROWS_PER_YIELD === 0) yield i / Math.max(1, n);
  }

  const links: ScoredLink[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const k = choice[offset[i]! + j - lo[i]!]!;
    if (k === NONE) throw new Error(`alignment band has no path through (${i}, ${j})`);
    const [a, b] = BEADS[k]!;
    const src = Array.from({ length: a }, (_, x) => i - a + x);
    const tgt = Array.from({ length: b }, (_, x) => j - b + x);
    links.push({ src, tgt, cost: beadCost(k, i, j) });
    i -= a;
    j -= b;
  }
  links.reverse();
  return links;
}

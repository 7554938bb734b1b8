/**
 * The band of the dynamic programme: for each source prefix length i
 * (0..n), the target prefix lengths j in [lo[i], hi[i]] that are searched.
 * Searching a band of fixed width around a first guess keeps time and
 * memory linear in the length of the text (Moore 2002); a path that touches
 * the band's edge means the guess was too narrow, and the band is widened.
 */
import type { Link } from './types';

export interface Band {
  n: number;
  m: number;
  lo: Int32Array;
  hi: Int32Array;
  /** Index of cell (i, lo[i]) in per-cell arrays. */
  offset: Int32Array;
  cells: number;
}

function finish(n: number, m: number, lo: Int32Array, hi: Int32Array): Band {
  // Monotone edges keep every cell reachable by the bead steps (at most 2 per side).
  lo[0] = 0;
  hi[n] = m;
  for (let i = 1; i <= n; i++) lo[i] = Math.max(lo[i]!, lo[i - 1]!);
  for (let i = n - 1; i >= 0; i--) hi[i] = Math.min(hi[i]!, hi[i + 1]!);
  for (let i = 1; i <= n; i++) lo[i] = Math.min(lo[i]!, hi[i - 1]! + 1, m);
  for (let i = 0; i <= n; i++) if (hi[i]! < lo[i]!) hi[i] = lo[i]!;
  const offset = new Int32Array(n + 2);
  for (let i = 0; i <= n; i++) offset[i + 1] = offset[i]! + hi[i]! - lo[i]! + 1;
  return { n, m, lo, hi, offset, cells: offset[n + 1]! };
}

/** A band of half-width `width` around the diagonal in characters: source and target advance in proportion to their lengths. */
export function diagonalBand(srcCum: Float64Array, tgtCum: Float64Array, width: number): Band {
  const n = srcCum.length - 1;
  const m = tgtCum.length - 1;
  const lo = new Int32Array(n + 1);
  const hi = new Int32Array(n + 1);
  const totalS = srcCum[n]! || 1;
  const totalT = tgtCum[m]! || 1;
  let j = 0;
  for (let i = 0; i <= n; i++) {
    const at = (srcCum[i]! / totalS) * totalT;
    while (j < m && tgtCum[j + 1]! <= at) j++;
    const center = n === 0 ? m : i === n ? m : j;
    lo[i] = Math.max(0, center - width);
    hi[i] = Math.min(m, center + width);
  }
  return finish(n, m, lo, hi);
}

/** A band of half-width `width` around an earlier alignment's path. */
export function bandAroundPath(links: readonly Link[], n: number, m: number, width: number): Band {
  const lo = new Int32Array(n + 1).fill(m);
  const hi = new Int32Array(n + 1).fill(0);
  let i = 0;
  let j = 0;
  const mark = (a: number, b: number) => {
    for (let k = Math.max(0, a - width); k <= Math.min(n, a + width); k++) {
      lo[k] = Math.min(lo[k]!, Math.max(0, b - width));
      hi[k] = Math.max(hi[k]!, Math.min(m, b + width));
    }
  };
  mark(0, 0);
  for (const link of links) {
    i += link.src.length;
    j += link.tgt.length;
    mark(i, j);
  }
  return finish(n, m, lo, hi);
}

/** Whether a path runs along an edge of the band that is not the edge of the whole matrix. */
export function touchesEdge(links: readonly Link[], band: Band): boolean {
  let i = 0;
  let j = 0;
  for (const link of links) {
    i += link.src.length;
    j += link.tgt.length;
    const lo = band.lo[i]!;
    const hi = band.hi[i]!;
    if ((lo > 0 && j <= lo + 1) || (hi < band.m && j >= hi - 1)) return true;
  }
  return false;
}

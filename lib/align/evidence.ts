/**
 * Lexical evidence that two sentences translate each other: the keys they
 * share (numbers, name skeletons, and learned word pairs), each weighted by
 * how unlikely a chance match is, log(N / df), so a name that occurs once
 * counts for much and a key found everywhere counts for nothing. Computed
 * only for the cells of a band, through postings lists, so the cost follows
 * the band, not n x m.
 */
import type { Band } from './band';
import type { SentenceFeatures } from './features';
import { BEADS } from './length-model';

/** Source word → target words it was seen translated by, with a strength in (0, 1]. */
export type Lexicon = Map<string, { word: string; strength: number }[]>;

/** Keys that occur in more than this share of sentences (and in more than MIN_SKIPPED of them) are skipped: they say little and cost much. */
const MAX_SHARE = 0.2;
const MIN_SKIPPED = 20;

/**
 * Per band cell (i, j) and bead type (a:b, both sides non-empty), the
 * evidence of the bead ending there. Each bead's sentences are taken as one
 * bag of keys, so a key repeated in neighbouring sentences counts once
 * (summing sentence pairs would reward merging them).
 */
export type BandEvidence = (Float32Array | null)[];

export function bandEvidence(
  band: Band,
  src: readonly SentenceFeatures[],
  tgt: readonly SentenceFeatures[],
  lexicon: Lexicon | null,
): BandEvidence {
  const ids = new Map<string, number>();
  const postings: number[][] = [];
  const idOf = (key: string) => {
    let id = ids.get(key);
    if (id === undefined) {
      id = postings.length;
      ids.set(key, id);
      postings.push([]);
    }
    return id;
  };
  tgt.forEach((f, t) => {
    for (const key of f.anchors) postings[idOf(key)]!.push(t);
    if (lexicon) for (const word of f.words) postings[idOf(`=${word}`)]!.push(t);
  });
  const srcDf = new Map<string, number>();
  for (const f of src) for (const key of f.anchors) srcDf.set(key, (srcDf.get(key) ?? 0) + 1);

  const n = Math.max(src.length, tgt.length, 1);
  const weightOf = new Map<number, number>();
  const weight = (key: string, id: number) => {
    let w = weightOf.get(id);
    if (w === undefined) {
      const df = Math.max(postings[id]!.length, srcDf.get(key) ?? 0);
      w = df > MAX_SHARE * n && df > MIN_SKIPPED ? 0 : Math.log(n / df);
      weightOf.set(id, w);
    }
    return w;
  };

  // Each source sentence as key id → weight (the strongest reading of a key wins).
  const items = src.map((f) => {
    const bag = new Map<number, number>();
    const add = (key: string, strength: number) => {
      const id = ids.get(key);
      if (id === undefined) return;
      const w = strength * weight(key, id);
      if (w > (bag.get(id) ?? 0)) bag.set(id, w);
    };
    for (const key of f.anchors) add(key, 1);
    if (lexicon) for (const word of f.words) for (const pair of lexicon.get(word) ?? []) add(`=${pair.word}`, pair.strength);
    return bag;
  });

  const result: BandEvidence = BEADS.map(([a, b]) => (a > 0 && b > 0 ? new Float32Array(band.cells) : null));
  const maxA = Math.max(...BEADS.map(([a]) => a));
  for (let i = 1; i <= band.n; i++) {
    const lo = band.lo[i]!;
    const hi = band.hi[i]!;
    const base = band.offset[i]! - lo;
    let bag = new Map<number, number>();
    for (let a = 1; a <= Math.min(maxA, i); a++) {
      bag = a === 1 ? items[i - 1]! : union(bag, items[i - a]!);
      BEADS.forEach(([ba, bb], k) => {
        if (ba === a && bb > 0) spread(bag, bb, result[k]!);
      });
    }

    // Adds each key's weight once to every cell whose last `width` target sentences hold it.
    function spread(keys: Map<number, number>, width: number, into: Float32Array) {
      for (const [id, w] of keys) {
        const list = postings[id]!;
        let lastJ = -1;
        for (let p = lowerBound(list, lo - width); p < list.length && list[p]! <= hi - 1; p++) {
          const first = list[p]! + 1;
          for (let j = Math.max(first, lastJ + 1, lo, width); j <= Math.min(first + width - 1, hi); j++) {
            into[base + j] = into[base + j]! + w;
            lastJ = j;
          }
        }
      }
    }
  }
  return result;
}

function union(a: Map<number, number>, b: Map<number, number>): Map<number, number> {
  const out = new Map(a);
  for (const [id, w] of b) if (w > (out.get(id) ?? 0)) out.set(id, w);
  return out;
}

/** Evidence of bead type `k` (index in BEADS) ending at cell (i, j) of the band. */
export function beadEvidence(band: Band, evidence: BandEvidence, k: number, i: number, j: number): number {
  const cells = evidence[k];
  return cells ? cells[band.offset[i]! + j - band.lo[i]!]! : 0;
}

function lowerBound(list: readonly number[], value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

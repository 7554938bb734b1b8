/**
 * Word pairs learned from the document itself (the idea of hunalign's
 * realign): over the links of a first alignment that are surrounded by
 * other 1:1 links (the confident ones), count how often each source word
 * and each target word occur together, and keep the pairs whose Dice
 * coefficient shows they travel together. Pair counts live in one
 * fixed-size open-addressing table (typed arrays), so memory stays bounded
 * on a book: when the links would overfill it, an even sample of them is
 * counted.
 */
import type { SentenceFeatures } from './features';
import type { Lexicon } from './evidence';
import type { Link } from './types';

const MIN_COUNT = 2;
const MIN_DICE = 0.5;
const PER_WORD = 3;
/** Slots of the pair table (2^21: 24 MB); at most 70 % are filled. */
const TABLE_BITS = 21;

export function learnLexicon(links: readonly Link[], src: readonly SentenceFeatures[], tgt: readonly SentenceFeatures[]): Lexicon {
  const confident = links.filter(
    (link, k) => isOneToOne(link) && isOneToOne(links[k - 1] ?? link) && isOneToOne(links[k + 1] ?? link),
  );
  const srcIds = new Map<string, number>();
  const tgtIds = new Map<string, number>();
  const srcCount: number[] = [];
  const tgtCount: number[] = [];
  const intern = (words: readonly string[], ids: Map<string, number>, counts: number[]) =>
    Int32Array.from(words, (w) => {
      let id = ids.get(w);
      if (id === undefined) {
        id = counts.length;
        ids.set(w, id);
        counts.push(0);
      }
      counts[id]!++;
      return id;
    });
  const pairs = confident.map((link) => ({
    s: intern(src[link.src[0]!]!.words, srcIds, srcCount),
    t: intern(tgt[link.tgt[0]!]!.words, tgtIds, tgtCount),
  }));
  const frequentPairs = pairs.map(({ s, t }) => ({
    s: s.filter((id) => srcCount[id]! >= MIN_COUNT),
    t: t.filter((id) => tgtCount[id]! >= MIN_COUNT),
  }));

  const size = 1 << TABLE_BITS;
  const budget = Math.floor(size * 0.7);
  const total = frequentPairs.reduce((a, p) => a + p.s.length * p.t.length, 0);
  const step = Math.max(1, Math.ceil(total / budget));
  const keyS = new Int32Array(size).fill(-1);
  const keyT = new Int32Array(size);
  const count = new Int32Array(size);
  let filled = 0;
  for (let k = 0; k < frequentPairs.length && filled < budget; k += step) {
    const { s, t } = frequentPairs[k]!;
    for (const a of s) {
      for (const b of t) {
        let slot = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) >>> (32 - TABLE_BITS);
        while (keyS[slot] !== -1 && (keyS[slot] !== a || keyT[slot] !== b)) slot = (slot + 1) & (size - 1);
        if (keyS[slot] === -1) {
          if (filled >= budget) continue;
          keyS[slot] = a;
          keyT[slot] = b;
          filled++;
        }
        count[slot]!++;
      }
    }
  }

  const srcWords = [...srcIds.keys()];
  const tgtWords = [...tgtIds.keys()];
  const scale = step; // counts of a sample stand for `step` times as many links
  const best = new Map<number, { word: string; strength: number }[]>();
  for (let slot = 0; slot < size; slot++) {
    const a = keyS[slot]!;
    if (a === -1) continue;
    const c = count[slot]! * scale;
    if (c < MIN_COUNT) continue;
    const b = keyT[slot]!;
    const strength = (2 * c) / (srcCount[a]! + tgtCount[b]!);
    if (strength < MIN_DICE) continue;
    const list = best.get(a) ?? [];
    list.push({ word: tgtWords[b]!, strength: Math.min(1, strength) });
    best.set(a, list);
  }
  const lexicon: Lexicon = new Map();
  for (const [a, list] of best) {
    lexicon.set(srcWords[a]!, list.sort((x, y) => y.strength - x.strength).slice(0, PER_WORD));
  }
  return lexicon;
}

function isOneToOne(link: Link): boolean {
  return link.src.length === 1 && link.tgt.length === 1;
}

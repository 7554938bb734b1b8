/**
 * Synthetic bitexts with known gold links, for the aligner's tests and
 * bench: a seeded "source language" of random words, numbers and names; a
 * "translation" that maps every word through a fixed random dictionary
 * (so lengths vary like a real translation's), writes names in another
 * script where asked, and splits, merges, drops and adds sentences.
 */
import type { Link } from '@/lib/align/types';

export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Bitext {
  src: string[];
  tgt: string[];
  gold: Link[];
}

export interface BitextShape {
  sentences: number;
  seed: number;
  /** Shares of source sentences split in two, merged with the next, left untranslated; and of target sentences added. */
  split?: number;
  merge?: number;
  drop?: number;
  add?: number;
  /** Names as pairs [source spelling, target spelling]; a sentence mentions one now and then. */
  names?: readonly (readonly [string, string])[];
}

const LETTERS = 'abcdefghijklmnoprstuvz';

export function syntheticBitext(shape: BitextShape): Bitext {
  const random = seededRandom(shape.seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const word = (min: number, max: number) =>
    Array.from({ length: min + Math.floor(random() * (max - min + 1)) }, () => pick([...LETTERS])).join('');
  const vocabulary = Array.from({ length: 2_000 }, () => word(2, 9));
  const dictionary = new Map(vocabulary.map((w) => [w, word(2, 10)]));
  const sentence = () => {
    const words = Array.from({ length: 4 + Math.floor(random() * 30) }, () => pick(vocabulary));
    const extras: [string, string][] = [];
    if (shape.names && random() < 0.3) extras.push([...pick(shape.names)]);
    if (random() < 0.2) {
      const n = String(Math.floor(random() * 3000));
      extras.push([n, n]);
    }
    const src = [...words];
    const tgt = words.map((w) => dictionary.get(w)!);
    for (const [s, t] of extras) {
      const at = Math.floor(random() * src.length);
      src.splice(at, 0, s);
      tgt.splice(at, 0, t);
    }
    return { src: `${cap(src.join(' '))}.`, tgt: `${cap(tgt.join(' '))}.` };
  };

  const src: string[] = [];
  const tgt: string[] = [];
  const gold: Link[] = [];
  const { split = 0, merge = 0, drop = 0, add = 0 } = shape;
  while (src.length < shape.sentences) {
    const r = random();
    const one = sentence();
    if (r < split) {
      const words = one.tgt.split(' ');
      const cut = Math.max(1, Math.floor(words.length / 2));
      gold.push({ src: [src.length], tgt: [tgt.length, tgt.length + 1] });
      src.push(one.src);
      tgt.push(`${words.slice(0, cut).join(' ')}.`, cap(words.slice(cut).join(' ')));
    } else if (r < split + merge) {
      const two = sentence();
      gold.push({ src: [src.length, src.length + 1], tgt: [tgt.length] });
      src.push(one.src, two.src);
      tgt.push(`${one.tgt.slice(0, -1)}, ${two.tgt.charAt(0).toLowerCase()}${two.tgt.slice(1)}`);
    } else if (r < split + merge + drop) {
      gold.push({ src: [src.length], tgt: [] });
      src.push(one.src);
    } else if (r < split + merge + drop + add) {
      gold.push({ src: [], tgt: [tgt.length] });
      tgt.push(one.tgt);
    } else {
      gold.push({ src: [src.length], tgt: [tgt.length] });
      src.push(one.src);
      tgt.push(one.tgt);
    }
  }
  return { src, tgt, gold };
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

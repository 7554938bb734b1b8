/**
 * What survives translation, read off each sentence: numbers (digits, with
 * thousands separators dropped), and names and other long words reduced to
 * a consonant skeleton of their Latin transliteration, so that Кувейт and
 * Kuwait (kvt), Хусейн and Hussein (hsn), Chronik and Chronique (krnk) give
 * the same key. Transliteration comes from the `transliteration` package;
 * the skeleton rules only smooth over spelling conventions between Latin
 * orthographies (w/v, c/k, y/i, doubled letters, vowels).
 */
import { transliterate } from 'transliteration';

const NUMBER = /\p{Nd}+(?:[ .,'\u00a0\u202f]\p{Nd}{3})*/gu;
const WORD = /\p{L}[\p{L}\p{M}]*/gu;
/** Words shorter than this carry no anchor: too many chance matches. */
const MIN_ANCHOR_WORD = 4;
const SKELETON_LENGTH = 4;
const MIN_SKELETON = 3;

export interface SentenceFeatures {
  /** Keys shared by both languages: `#1956`, `~krnk`. */
  anchors: string[];
  /** The sentence's words, lower-cased, distinct (for word pairs learned from the document). */
  words: string[];
}

const skeletonCache = new Map<string, string | null>();

/** The consonant skeleton of a word, or null when it is too short to say anything. */
export function skeleton(word: string): string | null {
  const cached = skeletonCache.get(word);
  if (cached !== undefined) return cached;
  const ascii = transliterate(word)
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .replace(/ph/g, 'f')
    .replace(/([^aeiou])h/g, '$1')
    .replace(/[cq]/g, 'k')
    .replace(/w/g, 'v')
    .replace(/z/g, 's')
    .replace(/x/g, 'ks')
    .replace(/[yj]/g, 'i');
  const first = ascii.charAt(0);
  const rest = ascii.slice(1).replace(/[aeiouh]/g, '');
  const key = (first + rest).replace(/(.)\1+/g, '$1').slice(0, SKELETON_LENGTH);
  const result = key.length >= MIN_SKELETON ? key : null;
  if (skeletonCache.size > 200_000) skeletonCache.clear();
  skeletonCache.set(word, result);
  return result;
}

/**
 * Features of every sentence of a text. Strings are interned per text, so a
 * word used ten thousand times in a book is stored once.
 */
export function textFeatures(texts: readonly string[]): SentenceFeatures[] {
  const pool = new Map<string, string>();
  const intern = (s: string) => {
    const known = pool.get(s);
    if (known !== undefined) return known;
    pool.set(s, s);
    return s;
  };
  return texts.map((text) => sentenceFeatures(text, intern));
}

export function sentenceFeatures(text: string, intern: (s: string) => string = (s) => s): SentenceFeatures {
  const anchors = new Set<string>();
  for (const match of text.matchAll(NUMBER)) anchors.add(intern(`#${match[0].replace(/\D/g, '')}`));
  const words = new Set<string>();
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    const lower = intern(word.toLowerCase());
    words.add(lower);
    if (word.length >= MIN_ANCHOR_WORD) {
      const key = skeleton(lower);
      if (key) anchors.add(intern(`~${key}`));
    }
  }
  return { anchors: [...anchors], words: [...words] };
}

/**
 * A synthetic parallel document with known word links, for the word-link
 * suggestion bench (bench/word-links.ts) and its quality test: a seeded
 * bilingual lexicon of Cyrillic-like source words and English-like target
 * words (a few entries translate as two words), sentences of 5–15 words
 * drawn with Zipf-like frequencies, a translation with adjacent words
 * swapped now and then and a word moved to the end of the sentence, and
 * function words on either side that translate nothing (no gold link).
 * Gold links are pairs of (source word, target word) offsets.
 */
import type { RowText } from '@/lib/word-links/suggest';
import type { TokenRef, WordLink } from '@/lib/word-links/types';
import { seededRandom } from './synthetic-bitext';

export interface WordBitextShape {
  rows: number;
  seed: number;
  /** Lexicon entries (source word → target word or two). */
  lexicon?: number;
}

export interface WordBitextRow {
  row: RowText;
  /** Gold word pairs, as pairKey(source, target). */
  gold: Set<string>;
}

const SOURCE_CONSONANTS = 'бвгджзклмнпрстфхцчшщ';
const SOURCE_VOWELS = 'аеиоуыяю';
const TARGET_CONSONANTS = 'bcdfghklmnprstvwz';
const TARGET_VOWELS = 'aeiou';
/** Words with no counterpart on the other side. */
const SOURCE_FUNCTION = ['же', 'ли', 'бы', 'вот', 'ведь'];
const TARGET_FUNCTION = ['the', 'a', 'of', 'to', 'do'];

export function pairKey(source: TokenRef, target: TokenRef): string {
  return `${source.segmentKey}:${source.start}|${target.segmentKey}:${target.start}`;
}

export function syntheticWordBitext(shape: WordBitextShape): WordBitextRow[] {
  const random = seededRandom(shape.seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const syllables = (consonants: string, vowels: string, min: number, max: number) =>
    Array.from({ length: min + Math.floor(random() * (max - min + 1)) }, () => pick([...consonants]) + pick([...vowels])).join('');
  const taken = new Set([...SOURCE_FUNCTION, ...TARGET_FUNCTION]);
  const fresh = (make: () => string) => {
    for (;;) {
      const w = make();
      if (!taken.has(w)) {
        taken.add(w);
        return w;
      }
    }
  };
  const lexicon = Array.from({ length: shape.lexicon ?? 300 }, () => {
    const source = fresh(() => syllables(SOURCE_CONSONANTS, SOURCE_VOWELS, 1, 4));
    const target = fresh(() => syllables(TARGET_CONSONANTS, TARGET_VOWELS, 1, 3));
    // One entry in twelve translates as two words (a 1:2 link).
    const second = random() < 1 / 12 ? fresh(() => syllables(TARGET_CONSONANTS, TARGET_VOWELS, 1, 2)) : null;
    return { source, target: second ? [target, second] : [target] };
  });
  // Zipf-like: low indexes far more often.
  const entry = () => lexicon[Math.floor(lexicon.length * random() ** 2)]!;

  const out: WordBitextRow[] = [];
  for (let r = 0; r < shape.rows; r++) {
    const length = 5 + Math.floor(random() * 11);
    // Source words: lexicon entries (with their index) and unaligned function words.
    const src: { text: string; entry: (typeof lexicon)[number] | null }[] = [];
    while (src.length < length) {
      if (random() < 0.12) src.push({ text: pick(SOURCE_FUNCTION), entry: null });
      else {
        const e = entry();
        src.push({ text: e.source, entry: e });
      }
    }
    // Target words, each knowing the source position it translates (null: a function word).
    const tgt: { text: string; from: number | null }[] = [];
    src.forEach((w, i) => {
      if (w.entry) for (const t of w.entry.target) tgt.push({ text: t, from: i });
      if (random() < 0.1) tgt.push({ text: pick(TARGET_FUNCTION), from: null });
    });
    for (let k = 0; k + 1 < tgt.length; k++) if (random() < 0.12) [tgt[k], tgt[k + 1]] = [tgt[k + 1]!, tgt[k]!];
    if (random() < 0.25 && tgt.length > 2) tgt.push(...tgt.splice(Math.floor(random() * (tgt.length - 1)), 1));

    const sourceKey = `s${r}`;
    const targetKey = `t${r}`;
    const srcText = src.map((w) => w.text).join(' ') + '.';
    const tgtText = tgt.map((w) => w.text).join(' ') + '.';
    const srcRefs: TokenRef[] = [];
    src.reduce((at, w) => (srcRefs.push({ segmentKey: sourceKey, start: at, end: at + w.text.length }), at + w.text.length + 1), 0);
    const gold = new Set<string>();
    tgt.reduce((at, w) => {
      if (w.from !== null) gold.add(pairKey(srcRefs[w.from]!, { segmentKey: targetKey, start: at, end: at + w.text.length }));
      return at + w.text.length + 1;
    }, 0);
    out.push({
      row: {
        rowKey: `r${r}`,
        source: [{ segmentKey: sourceKey, text: srcText, lang: 'ru' }],
        target: [{ segmentKey: targetKey, text: tgtText, lang: 'en' }],
      },
      gold,
    });
  }
  return out;
}

export interface WordLinkScore {
  precision: number;
  recall: number;
  f1: number;
  /** Word pairs suggested, correct, in the gold. */
  suggested: number;
  correct: number;
  gold: number;
}

/** Precision and recall of suggested word pairs (every source × target word of each link) against the gold pairs. */
export function scoreWordLinks(rows: readonly { gold: ReadonlySet<string>; suggested: readonly Omit<WordLink, 'key'>[] }[]) {
  let suggested = 0;
  let correct = 0;
  let gold = 0;
  for (const r of rows) {
    for (const link of r.suggested)
      for (const s of link.sourceTokens)
        for (const t of link.targetTokens) {
          suggested++;
          if (r.gold.has(pairKey(s, t))) correct++;
        }
    gold += r.gold.size;
  }
  const precision = suggested ? correct / suggested : 0;
  const recall = gold ? correct / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, suggested, correct, gold } satisfies WordLinkScore;
}

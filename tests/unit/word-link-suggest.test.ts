/**
 * Suggestion quality on a synthetic bitext with known word links: a seeded
 * source language with Zipf-like word frequencies, a translation through a
 * fixed dictionary with local reordering, dropped words and inserted
 * particles, numbers and names in another script. Precision and recall of
 * the suggestions against the gold links are reported and held to a floor.
 */
import { describe, expect, it } from 'vitest';
import { trainSuggester, type RowText } from '@/lib/word-links/suggest';
import type { WordLink } from '@/lib/word-links/types';
import { seededRandom } from '../support/synthetic-bitext';

interface GoldRow {
  row: RowText;
  /** Gold pairs as "source start:target start". */
  gold: Set<string>;
}

function syntheticWordBitext(rows: number, seed: number): GoldRow[] {
  const random = seededRandom(seed);
  const letters = 'abcdefghiklmnoprstuvz';
  const cyr = 'абвгдежзиклмнопрстуфх';
  const word = (alphabet: string, min: number, max: number) =>
    Array.from({ length: min + Math.floor(random() * (max - min + 1)) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(
      '',
    );
  const vocabulary = Array.from({ length: 400 }, () => word(letters, 2, 8));
  const dictionary = new Map(vocabulary.map((w) => [w, word(cyr, 2, 9)]));
  const particles = ['же', 'ли', 'вот'];
  const names: [string, string][] = [
    ['Gorbachev', 'Горбачев'],
    ['Mitterrand', 'Миттеран'],
    ['Kuwait', 'Кувейт'],
    ['Bush', 'Буш'],
  ];
  // Zipf-like: low indexes far more often.
  const pickWord = () => vocabulary[Math.floor(vocabulary.length * random() ** 2.2)]!;
  const out: GoldRow[] = [];
  for (let r = 0; r < rows; r++) {
    const n = 5 + Math.floor(random() * 15);
    const src: string[] = [];
    for (let k = 0; k < n; k++) {
      const roll = random();
      src.push(
        roll < 0.04
          ? String(1950 + Math.floor(random() * 50))
          : roll < 0.08
            ? names[Math.floor(random() * names.length)]![0]
            : pickWord(),
      );
    }
    // Target positions: each source word translated (8% dropped), neighbours swapped now and then, particles inserted.
    const tgt: { text: string; from: number | null }[] = [];
    src.forEach((w, i) => {
      if (random() < 0.08) return;
      const name = names.find(([en]) => en === w);
      tgt.push({ text: /^\d+$/.test(w) ? w : name ? name[1] : dictionary.get(w)!, from: i });
      if (random() < 0.06) tgt.push({ text: particles[Math.floor(random() * particles.length)]!, from: null });
    });
    for (let k = 0; k + 1 < tgt.length; k++) if (random() < 0.15) [tgt[k], tgt[k + 1]] = [tgt[k + 1]!, tgt[k]!];
    const srcText = src.join(' ') + '.';
    const tgtText = tgt.map((t) => t.text).join(' ') + '.';
    const srcStarts: number[] = [];
    src.reduce((at, w) => (srcStarts.push(at), at + w.length + 1), 0);
    const gold = new Set<string>();
    tgt.reduce((at, t) => {
      if (t.from !== null) gold.add(`${srcStarts[t.from]}:${at}`);
      return at + t.text.length + 1;
    }, 0);
    out.push({
      row: {
        rowKey: `r${r}`,
        source: [{ segmentKey: `s${r}`, text: srcText, lang: 'en' }],
        target: [{ segmentKey: `t${r}`, text: tgtText, lang: 'ru' }],
      },
      gold,
    });
  }
  return out;
}

function score(rows: readonly GoldRow[], suggest: (row: RowText) => Omit<WordLink, 'key'>[]) {
  let found = 0;
  let correct = 0;
  let gold = 0;
  for (const { row, gold: g } of rows) {
    const pairs = suggest(row).flatMap((l) => l.sourceTokens.flatMap((s) => l.targetTokens.map((t) => `${s.start}:${t.start}`)));
    found += pairs.length;
    correct += pairs.filter((p) => g.has(p)).length;
    gold += g.size;
  }
  return { precision: correct / found, recall: correct / gold };
}

describe('word-link suggestions', () => {
  const bitext = syntheticWordBitext(600, 7);
  const rows = bitext.map((g) => g.row);

  it('finds most known links with high precision on a synthetic bitext', () => {
    const suggester = trainSuggester(rows);
    const { precision, recall } = score(bitext.slice(0, 100), (row) => suggester.suggest(row));
    console.info(`word-link suggestions: precision ${(100 * precision).toFixed(1)}%, recall ${(100 * recall).toFixed(1)}%`);
    expect(precision).toBeGreaterThan(0.85);
    expect(recall).toBeGreaterThan(0.7);
  });

  it('links numbers and names by the aligner’s anchors even when the model has never seen them', () => {
    const suggester = trainSuggester([]);
    const row: RowText = {
      rowKey: 'x',
      source: [{ segmentKey: 'a', text: 'In 1956 Mitterrand spoke.', lang: 'en' }],
      target: [{ segmentKey: 'b', text: 'В 1956 году Миттеран говорил.', lang: 'ru' }],
    };
    const links = suggester
      .suggest(row)
      .map((l) => `${l.sourceTokens.map((t) => t.start).join(',')}>${l.targetTokens.map((t) => t.start).join(',')}`);
    expect(links).toContain('3>2');
    expect(links).toContain('8>12');
  });

  it('learns from accepted links: a pair the data cannot tell apart is suggested once an editor confirmed it elsewhere', () => {
    // "alpha beta" ↔ "гамма дельта" always together and reordered: the text alone cannot say which is which.
    const pair = (k: number): RowText => ({
      rowKey: `p${k}`,
      source: [{ segmentKey: `ps${k}`, text: 'alpha beta', lang: 'en' }],
      target: [{ segmentKey: `pt${k}`, text: 'дельта гамма', lang: 'ru' }],
    });
    const training = Array.from({ length: 20 }, (_, k) => pair(k));
    const accepted: WordLink[] = [
      {
        key: 'w',
        rowKey: 'p0',
        sourceTokens: [{ segmentKey: 'ps0', start: 0, end: 5 }],
        targetTokens: [{ segmentKey: 'pt0', start: 7, end: 12 }],
        status: 'accepted',
        createdBy: 1,
      },
    ];
    const suggested = trainSuggester(training, accepted).suggest(pair(5));
    const alpha = suggested.find((l) => l.sourceTokens.some((t) => t.start === 0));
    expect(alpha?.targetTokens.map((t) => t.start)).toEqual([7]);
  });

  it('does not suggest words an accepted link already holds', () => {
    const suggester = trainSuggester(rows);
    const { row } = bitext[0]!;
    const first = suggester.suggest(row)[0]!;
    const again = suggester.suggest(row, [{ ...first, key: 'k', status: 'accepted', createdBy: 1 }]);
    expect(again.some((l) => l.sourceTokens.some((t) => t.start === first.sourceTokens[0]!.start))).toBe(false);
  });
});

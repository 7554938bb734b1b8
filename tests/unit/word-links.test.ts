/**
 * Word links: tokens from the platform segmenter, offsets remapped through a
 * correction, links on changed words dropped, and the quality bar as a
 * property: over 1,000 random corrections touching about 10% of the words,
 * at least 95% of the links on untouched words survive unchanged.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { offsetMap, remapLinks } from '@/lib/word-links/remap';
import { tokenize } from '@/lib/word-links/tokens';
import type { WordLink } from '@/lib/word-links/types';

function link(key: string, source: [number, number][], target: [number, number][] = [[0, 3]]): WordLink {
  return {
    key,
    rowKey: 'row',
    sourceTokens: source.map(([start, end]) => ({ segmentKey: 'src', start, end })),
    targetTokens: target.map(([start, end]) => ({ segmentKey: 'tgt', start, end })),
    status: 'accepted',
    createdBy: 1,
  };
}

describe('tokens', () => {
  it('cuts words with Intl.Segmenter and skips spaces and punctuation', () => {
    expect(tokenize('Мы должны действовать вместе.', 'ru').map((t) => t.text)).toEqual(['Мы', 'должны', 'действовать', 'вместе']);
    const en = tokenize("Mr. Gorbachev's view, 1989.", 'en');
    expect(en.map((t) => t.text)).toEqual(['Mr', "Gorbachev's", 'view', '1989']);
    expect(en[1]).toEqual({ start: 4, end: 15, text: "Gorbachev's" });
  });

  it('falls back to a neutral segmenter for a tag it cannot read', () => {
    expect(tokenize('two words', 'not a tag!').map((t) => t.text)).toEqual(['two', 'words']);
  });
});

describe('remapping through a correction', () => {
  const before = 'We must act together now.';
  const after = 'Surely we must act jointly now.';

  it('moves untouched words by the shift of their run', () => {
    const map = offsetMap(before, after, 'en');
    expect(map.get(3)).toEqual({ start: 10, end: 14, oldEnd: 7 }); // must
    expect(map.has(0)).toBe(false); // "We" became "we"
    expect(map.has(12)).toBe(false); // together
  });

  it('keeps links on untouched words, drops links on changed ones and says which', () => {
    const links = [
      link('must', [[3, 7]]),
      link('together', [[12, 20]]),
      link('act-now', [
        [8, 11],
        [21, 24],
      ]),
    ];
    const { kept, dropped } = remapLinks(links, 'src', before, after, 'en');
    expect(dropped.map((l) => l.key)).toEqual(['together']);
    expect(kept.find((l) => l.key === 'must')!.sourceTokens).toEqual([{ segmentKey: 'src', start: 10, end: 14 }]);
    expect(kept.find((l) => l.key === 'act-now')!.sourceTokens.map((t) => after.slice(t.start, t.end))).toEqual(['act', 'now']);
  });

  it('leaves links of other segments alone, and target offsets of the same link', () => {
    const other = link('other', [[0, 2]]);
    other.sourceTokens[0]!.segmentKey = 'elsewhere';
    const { kept } = remapLinks([other], 'src', before, after, 'en');
    expect(kept).toEqual([other]);
  });

  it('drops a link whose word lost a letter, even when the rest of it stayed', () => {
    const { dropped } = remapLinks([link('act', [[8, 11]])], 'src', before, 'We must ac together now.', 'en');
    expect(dropped).toHaveLength(1);
  });
});

const VOCABULARY = [
  'мы',
  'должны',
  'действовать',
  'вместе',
  'это',
  'главное',
  'the',
  'president',
  'said',
  'that',
  'Europe',
  'must',
  'not',
  'be',
  'divided',
  'again',
  '1989',
  'Gorbachev',
  'Mitterrand',
  'question',
  'of',
  'Germany',
  'security',
  'and',
  'trust',
];
const PUNCTUATION = ['', '', '', ',', '.', ';'];

interface Word {
  text: string;
  punct: string;
}
interface Correction {
  words: Word[];
  /** Per original word: 'keep', 'replace', 'delete'; and words inserted after it. */
  edits: { kind: 'keep' | 'replace' | 'delete'; replacement: string; insert: string | null }[];
}

const correction = fc
  .array(fc.record({ text: fc.constantFrom(...VOCABULARY), punct: fc.constantFrom(...PUNCTUATION) }), { minLength: 10, maxLength: 60 })
  .chain((words) =>
    fc.record({
      words: fc.constant(words),
      edits: fc.array(
        fc.record({
          roll: fc.noBias(fc.integer({ min: 0, max: 99 })),
          replacement: fc.constantFrom(...VOCABULARY),
          insert: fc.constantFrom(...VOCABULARY),
        }),
        { minLength: words.length, maxLength: words.length },
      ),
    }),
  )
  .map(({ words, edits }): Correction => ({
    words,
    // About 10% of the words changed: 6% replaced, 4% deleted; and 3% get a new word after them.
    edits: edits.map((e, i) => ({
      kind: e.roll < 6 && e.replacement !== words[i]!.text ? 'replace' : e.roll >= 6 && e.roll < 10 ? 'delete' : 'keep',
      replacement: e.replacement,
      insert: e.roll >= 10 && e.roll < 13 ? e.insert : null,
    })),
  }));

/** The old and new texts and, for each original word, its offsets before and (when untouched) after. */
function render(c: Correction) {
  let before = '';
  let after = '';
  const places: { old: [number, number]; next: [number, number] | null }[] = [];
  c.words.forEach((w, i) => {
    const e = c.edits[i]!;
    if (before) before += ' ';
    const oldStart = before.length;
    before += w.text;
    const old: [number, number] = [oldStart, before.length];
    before += w.punct;
    let next: [number, number] | null = null;
    if (e.kind !== 'delete') {
      if (after) after += ' ';
      const start = after.length;
      after += e.kind === 'replace' ? e.replacement : w.text;
      if (e.kind === 'keep') next = [start, after.length];
      after += w.punct;
    }
    if (e.insert) after += (after ? ' ' : '') + e.insert;
    places.push({ old, next });
  });
  return { before, after, places };
}

describe('links survive corrections (property)', () => {
  it('keeps at least 95% of the links on untouched words unchanged over 1,000 random corrections', () => {
    let untouched = 0;
    let survived = 0;
    let edited = 0;
    let total = 0;
    for (const c of fc.sample(correction, { numRuns: 1_000, seed: 12 })) {
      const { before, after, places } = render(c);
      const links = places.map((p, i) => link(`w${i}`, [p.old]));
      const { kept, dropped } = remapLinks(links, 'src', before, after, 'en');
      expect(kept.length + dropped.length).toBe(links.length);
      // Sound: a kept link always points at a word with exactly the text it had.
      for (const l of kept) {
        const i = Number(l.key.slice(1));
        const t = l.sourceTokens[0]!;
        expect(after.slice(t.start, t.end)).toBe(before.slice(...places[i]!.old));
      }
      const keptByKey = new Map(kept.map((l) => [l.key, l]));
      places.forEach((p, i) => {
        total++;
        if (!p.next) {
          edited++;
          return;
        }
        untouched++;
        const t = keptByKey.get(`w${i}`)?.sourceTokens[0];
        if (t && t.start === p.next[0] && t.end === p.next[1]) survived++;
      });
    }
    const touchedShare = edited / total;
    expect(touchedShare).toBeGreaterThan(0.05);
    expect(touchedShare).toBeLessThan(0.15);
    console.info(
      `word links: ${(100 * touchedShare).toFixed(1)}% of words touched, ${((100 * survived) / untouched).toFixed(2)}% of ${untouched} links on untouched words survived`,
    );
    expect(survived / untouched).toBeGreaterThanOrEqual(0.95);
  });
});

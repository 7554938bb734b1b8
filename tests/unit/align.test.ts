import { describe, expect, it } from 'vitest';
import { align, alignAsync } from '@/lib/align/align';
import { AlignInputError, languageTag, sentenceLines } from '@/lib/align/input';
import { formatLinks, parseLinks } from '@/lib/align/links-format';
import { scoreAlignment } from '@/lib/align/score';
import { splitSentences } from '@/lib/align/split';
import type { Link } from '@/lib/align/types';
import { syntheticBitext } from '../support/synthetic-bitext';

const plain = (links: readonly Link[]) => links.map(({ src, tgt }) => ({ src, tgt }));

function coversEverything(links: readonly Link[], n: number, m: number) {
  expect(links.flatMap((l) => l.src)).toEqual([...Array(n).keys()]);
  expect(links.flatMap((l) => l.tgt)).toEqual([...Array(m).keys()]);
}

// Aligning hundreds of sentences takes a second or two; on a loaded machine, more.
describe('align: synthetic bitexts with known links', { timeout: 30_000 }, () => {
  it('recovers splits, merges, omissions and additions', () => {
    const { src, tgt, gold } = syntheticBitext({ sentences: 400, seed: 1, split: 0.1, merge: 0.08, drop: 0.03, add: 0.03 });
    const links = align(src, tgt);
    coversEverything(links, src.length, tgt.length);
    const types = new Set(gold.map((l) => `${l.src.length}:${l.tgt.length}`));
    expect(types).toEqual(new Set(['1:1', '1:2', '2:1', '1:0', '0:1']));
    expect(scoreAlignment(links, gold).strict.f1).toBeGreaterThan(0.9);
  });

  it('is better than length alone when names and numbers are the only clue', () => {
    const names = [
      ['Кувейт', 'Kuwait'],
      ['Хусейн', 'Hussein'],
      ['Горбачев', 'Gorbachev'],
      ['Миттеран', 'Mitterrand'],
      ['Бейкер', 'Baker'],
    ] as const;
    const { src, tgt, gold } = syntheticBitext({ sentences: 600, seed: 7, split: 0.12, merge: 0.1, drop: 0.04, add: 0.04, names });
    const ours = scoreAlignment(align(src, tgt), gold).strict.f1;
    const lengthOnly = scoreAlignment(align(src, tgt, { lengthOnly: true }), gold).strict.f1;
    expect(ours).toBeGreaterThan(lengthOnly);
  });

  it('places an added sentence by names across scripts (Кувейт ~ Kuwait, Хусейн ~ Hussein), where length cannot', () => {
    const src = [
      'Кувейт должен быть свободен.',
      'Хусейн не хочет уходить.',
      'Миттеран звонил вчера.',
      'Горбачев ответил сразу.',
      'Бейкер приедет завтра.',
      'Шеварднадзе согласен.',
    ];
    const tgt = [
      'Kuwait must be free.',
      'Hussein does not want to go.',
      'Mitterrand called yesterday.',
      'Delors is in Brussels.',
      'Gorbachev replied at once.',
      'Baker arrives tomorrow.',
      'Shevardnadze agrees.',
    ];
    // Each source sentence k is linked with its translation (k, or k + 1 after the added one).
    const linkedWithItsTranslation = (links: Link[]) =>
      src.every((_, k) => links.find((l) => l.src.includes(k))?.tgt.includes(k < 3 ? k : k + 1));
    expect(linkedWithItsTranslation(align(src, tgt, { sourceLang: 'ru', targetLang: 'en' }))).toBe(true);
    expect(linkedWithItsTranslation(align(src, tgt, { lengthOnly: true }))).toBe(false);
  });

  it('keeps links inside speaker turns when both sides name them', () => {
    const { src, tgt } = syntheticBitext({ sentences: 60, seed: 3, split: 0.1 });
    const turnOf = (k: number, total: number) => Math.floor((k / total) * 5);
    const links = align(
      src.map((text, k) => ({ text, turn: turnOf(k, src.length) })),
      tgt.map((text, k) => ({ text, turn: turnOf(k, tgt.length) })),
    );
    coversEverything(links, src.length, tgt.length);
    for (const link of links) {
      const turns = new Set([...link.src.map((k) => turnOf(k, src.length)), ...link.tgt.map((k) => turnOf(k, tgt.length))]);
      expect(turns.size).toBe(1);
    }
  });

  it('makes omissions of a turn one side lacks, and of empty texts', () => {
    expect(
      plain(
        align(
          [
            { text: 'Да.', turn: 1 },
            { text: 'Нет.', turn: 2 },
          ],
          [{ text: 'No.', turn: 2 }],
        ),
      ),
    ).toEqual([
      { src: [0], tgt: [] },
      { src: [1], tgt: [0] },
    ]);
    expect(plain(align([], ['One.', 'Two.']))).toEqual([
      { src: [], tgt: [0] },
      { src: [], tgt: [1] },
    ]);
  });

  it('reports progress up to 1, and the async form gives the same links', async () => {
    const { src, tgt } = syntheticBitext({ sentences: 500, seed: 5, split: 0.05 });
    const seen: number[] = [];
    const links = align(src, tgt, { onProgress: (f) => seen.push(f) });
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.every((f, k) => f >= 0 && f <= 1 && f >= (seen[k - 1] ?? 0))).toBe(true);
    expect(seen[seen.length - 1]).toBe(1);
    expect(plain(await alignAsync(src, tgt))).toEqual(plain(links));
  });
});

describe('sentence splitting', () => {
  it('splits Russian with Intl.Segmenter and keeps initials and abbreviations', () => {
    expect(splitSentences('Сказал тов. Горбачев М.С.: «Да». Потом\nон ушёл.\n\nНовый абзац', 'ru')).toEqual([
      'Сказал тов. Горбачев М.С.: «Да».',
      'Потом он ушёл.',
      'Новый абзац',
    ]);
  });
});

describe('links format and scoring', () => {
  it('prints and parses the Bleualign/Vecalign convention', () => {
    const links = [
      { src: [0, 1], tgt: [0] },
      { src: [], tgt: [1] },
      { src: [2], tgt: [] },
    ];
    const text = formatLinks(links);
    expect(text).toBe('[0, 1]:[0]\n[]:[1]\n[2]:[]\n');
    expect(parseLinks(text)).toEqual(links);
    expect(() => parseLinks('[0]:[0]\n0-1\n')).toThrow('line 2: "0-1" is not a link');
  });

  it('scores strict and lax as Vecalign does, leaving 1:0 and 0:1 out of recall', () => {
    const gold = [
      { src: [0], tgt: [0] },
      { src: [1], tgt: [1, 2] },
      { src: [], tgt: [3] },
    ];
    const test = [
      { src: [0], tgt: [0] },
      { src: [1], tgt: [1] },
      { src: [], tgt: [2] },
      { src: [], tgt: [3] },
    ];
    const { strict, lax } = scoreAlignment(test, gold);
    expect(strict.precision).toBeCloseTo(2 / 4);
    expect(strict.recall).toBeCloseTo(1 / 2);
    expect(lax.precision).toBeCloseTo(3 / 4);
    expect(lax.recall).toBeCloseTo(2 / 2);
  });
});

describe('align input', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  it('reads one sentence a line', () => {
    expect(sentenceLines(bytes('\uFEFFa\r\nb\n'), 'x.txt')).toEqual(['a', 'b']);
  });
  it('names the file and line of bad input', () => {
    expect(() => sentenceLines(new Uint8Array([0x61, 0x0a, 0x62, 0xff, 0x0a]), 'x.txt')).toThrow(
      'x.txt: line 2 is not valid UTF-8 text',
    );
    expect(() => sentenceLines(bytes('a\nb\u0001\n'), 'x.txt')).toThrow('x.txt: line 2 contains the control character U+0001');
    expect(() => sentenceLines(bytes(''), 'x.txt')).toThrow(AlignInputError);
    expect(() => languageTag('x y', '--source-lang')).toThrow('--source-lang "x y" is not a BCP 47 language tag');
    expect(languageTag('RU', '--source-lang')).toBe('ru');
  });
});

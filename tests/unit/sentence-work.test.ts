import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { proposeSentenceOffsets, sentenceProposals, sentenceSegments, type WorkMeter } from '@/lib/alignment/sentences';

// Finding 4 of issue 9: the split preview of one 98,980-character turn took 1.9 s (quadratic), blocking every request.
const work = (text: string, run: (text: string, meter: WorkMeter) => unknown): number => {
  const meter = { chars: 0 };
  run(text, meter);
  return meter.chars;
};

const sentences = (n: number) => Array.from({ length: n }, (_, i) => `Sentence number ${i} says something short. `).join('');
// Abbreviations keep one piece growing across thousands of would-be boundaries.
const abbreviations = (n: number) => `${'Mr. '.repeat(n)}Smith left.`;
const paragraphs = (n: number) => Array.from({ length: n }, (_, i) => `[...] Paragraph ${i} opens. It goes on.\n\n`).join('');

describe('sentence-split preview work', () => {
  for (const [name, make] of [
    ['many sentences', sentences],
    ['a run of abbreviations', abbreviations],
    ['paragraphs opening with marks', paragraphs],
  ] as const) {
    it(`grows linearly with the text (${name}): 10× the text, at most 12× the work`, () => {
      const small = work(make(250), (text, meter) => sentenceProposals(text, 'en', meter));
      const large = work(make(2_500), (text, meter) => sentenceProposals(text, 'en', meter));
      expect(small).toBeGreaterThan(0);
      expect(large / small).toBeLessThanOrEqual(12);
    });
  }

  it('reads a 98,980-character turn a bounded number of times over', () => {
    let text = sentences(2_300);
    text = text.slice(0, 98_980);
    const chars = work(text, (t, meter) => sentenceProposals(t, 'en', meter));
    expect(chars).toBeLessThan(text.length * 16);
  });

  it('proposes the same breaks as before', () => {
    expect(proposeSentenceOffsets('Mr. Smith left. Dr. Jones stayed. He said no.', 'en')).toEqual([16, 34]);
    expect(sentenceProposals('One two. Three four five six seven eight nine.', 'en')).toEqual([
      { offset: 9, preview: 'Three four five six seven eight…' },
    ]);
  });
});

describe('sentences found window by window', () => {
  const whole = (text: string, lang: string) =>
    Array.from(new Intl.Segmenter(lang, { granularity: 'sentence' }).segment(text), (s) => s.index);
  const parts = [
    'He said so. ',
    'Mr. Smith came. ',
    'U.S. forces left. ',
    '“Yes,” he said. ',
    'Why? ',
    '[...] ',
    'the end… ',
    'etc. and more. ',
    'A.\n\n',
    'Он сказал: «Нет». ',
    'т.е. так. ',
    '"Quote." ',
    'no capital after. so. ',
    '(aside.) ',
    '— ',
    '... ',
    '\n',
  ];
  it('gives exactly the boundaries of one pass over the whole text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...parts), { minLength: 1, maxLength: 120 }),
        fc.integer({ min: 8, max: 64 }),
        (chosen, window) => {
          const text = chosen.join('');
          for (const lang of ['en', 'ru']) {
            expect(Array.from(sentenceSegments(text, lang, undefined, window), (s) => s.index)).toEqual(whole(text, lang));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

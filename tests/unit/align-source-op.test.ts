import { describe, expect, it } from 'vitest';
import { align } from '@/lib/align/align';
import { alignSourceOp, planAlignSource, sourceSentences } from '@/lib/alignment/align-source-plan';
import { applyChangeSet } from '@/lib/alignment/change-set';
import { findViolations, witnessSequence } from '@/lib/alignment/invariants';
import { editOpSchema } from '@/lib/alignment/op-schema';
import { applyOp } from '@/lib/alignment/ops/apply-op';
import { wholeDocument } from '@/lib/alignment/window';
import { counterContext, EN, makeState, memoState, RU } from '../support/alignment-fixtures';

const turns = [
  { en: 'Good morning, Mr. President. I am glad to hear you.', ru: null },
  { en: 'Good morning. How is Kuwait? Hussein has not answered.', ru: null },
  { en: 'We must act together.', ru: null },
] as const;
const russian =
  'Доброе утро, господин президент. Рад вас слышать.\n\nДоброе утро. Как Кувейт? Хусейн не ответил.\n\nМы должны действовать вместе.';

function aligned(mode: 'whole' | 'turns', text = russian) {
  const state = makeState(turns);
  const plan = planAlignSource(state)!;
  const sentences = sourceSentences(plan, text, mode);
  const links = align(sentences, plan.units, { sourceLang: 'ru', targetLang: 'en' });
  const op = alignSourceOp(plan, sentences, links);
  expect(editOpSchema.parse(op)).toEqual(op);
  return { state, plan, op, result: applyOp(wholeDocument(state), op, counterContext()) };
}

describe('align-source: real source text in place of placeholders', () => {
  it('plans the passage: every placeholder, the translation cut into sentences', () => {
    const plan = planAlignSource(makeState(turns))!;
    expect(plan.placeholderKeys).toEqual(['s_ru_1', 's_ru_2', 's_ru_3']);
    expect(plan.translationKeys).toEqual(['s_en_1', 's_en_2', 's_en_3']);
    expect(plan.units.map((u) => u.turn)).toEqual([1, 1, 2, 2, 2, 3]);
    expect(plan.translationSplits.map((s) => s.segmentKey)).toEqual(['s_en_1', 's_en_2']);
  });

  it('replaces the placeholders with sentence rows marked auto, turn by turn', () => {
    const { result } = aligned('turns');
    const after = applyChangeSet(makeState(turns), result.changes, 2);
    expect(findViolations(after, { complete: true })).toEqual([]);
    expect(after.rows.every((r) => r.status === 'auto')).toBe(true);
    expect(Object.values(after.segments).some((s) => s.isPlaceholder)).toBe(false);
    const ru = witnessSequence(after, RU);
    expect(ru.map((s) => [s.turnNo, s.sentenceNo, s.speaker])).toEqual([
      [1, 1, 'Горбачев'],
      [1, 2, 'Горбачев'],
      [2, 1, 'Миттеран'],
      [2, 2, 'Миттеран'],
      [2, 3, 'Миттеран'],
      [3, null, 'Горбачев'],
    ]);
    // Sentence by sentence: "Как Кувейт?" faces "How is Kuwait?".
    const row = after.rows.find((r) => (r.members[RU] ?? []).some((k) => after.segments[k]!.text === 'Как Кувейт?'))!;
    expect(row.members[EN]!.map((k) => after.segments[k]!.text.trim())).toEqual(['How is Kuwait?']);
    expect(
      witnessSequence(after, EN)
        .map((s) => s.text)
        .join(''),
    ).toBe(turns.map((t) => t.en).join(''));
    expect(result.summary).toBe('Aligned 6 source sentences to T1–T3: 6 rows, marked auto for review');
  });

  it('aligns a whole text without turn breaks too', () => {
    const { result } = aligned('whole', russian.replace(/\n\n/g, ' '));
    const after = applyChangeSet(makeState(turns), result.changes, 2);
    expect(findViolations(after, { complete: true })).toEqual([]);
    expect(witnessSequence(after, RU).map((s) => s.text)).toHaveLength(6);
  });

  it('refuses text whose paragraphs do not match the turns, naming both counts', () => {
    const plan = planAlignSource(makeState(turns))!;
    expect(() => sourceSentences(plan, 'Один абзац.\n\nДругой.', 'turns')).toThrow(
      'The text has 2 paragraphs but the passage has 3 turns (T1–T3)',
    );
    expect(() => sourceSentences(plan, '  \n ', 'whole')).toThrow('The source text is empty.');
  });

  it('refuses links that skip a sentence, and placeholders that already have text', () => {
    const { op, state } = aligned('turns');
    const skipping = { ...op, links: op.links.slice(1) };
    expect(() => applyOp(wholeDocument(state), skipping, counterContext())).toThrow(/does not continue the source sentences/);
    const memo = memoState(); // turns 2 and 3 have Russian text
    const withText = { ...op, placeholderKeys: ['s_ru_1', 's_ru_2'] };
    expect(() => applyOp(wholeDocument(memo), withText, counterContext())).toThrow('T2 (Russian) already has text');
  });
});

/** Word citations (T5.2@w3-w5): parsing, spelling, counting, out-of-range messages, linked words (lib/refs/words.ts). */
import { describe, expect, it } from 'vitest';
import type { AlignmentState } from '@/lib/alignment/types';
import { RefError } from '@/lib/refs/errors';
import { resolveRef } from '@/lib/refs/resolve';
import {
  formatCitedRef,
  formatCitedRefLabel,
  linkedWords,
  parseCitedRef,
  passageWords,
  resolveWords,
  wordMarks,
  type CitedRef,
  type WordRange,
} from '@/lib/refs/words';
import type { WordLink } from '@/lib/word-links/types';
import { EN, RU, makeState } from '../support/alignment-fixtures';

function refused(input: string): RefError {
  try {
    parseCitedRef(input);
  } catch (error) {
    expect(error).toBeInstanceOf(RefError);
    return error as RefError;
  }
  throw new Error(`parseCitedRef(${JSON.stringify(input)}) was accepted`);
}

describe('parseCitedRef', () => {
  it.each([
    ['T5.2@w3-w5', { first: 3, last: 5 }, 'T5.2@w3-w5', 'T5.2@w3–w5'],
    ['T5.2@w3', { first: 3, last: 3 }, 'T5.2@w3', 'T5.2@w3'],
    ['T5-T7@w40-w52', { first: 40, last: 52 }, 'T5-T7@w40-w52', 'T5–T7@w40–w52'],
  ])('%s', (input, words, canonical, label) => {
    const ref = parseCitedRef(input);
    expect(ref.words).toEqual(words);
    expect(formatCitedRef(ref)).toBe(canonical);
    expect(formatCitedRefLabel(ref)).toBe(label);
  });

  it('reads a reference without words as before', () => {
    expect(parseCitedRef('T5-T7')).toEqual({
      passage: { start: { turn: 5, sentence: null }, end: { turn: 7, sentence: null } },
      words: null,
    });
    expect(formatCitedRef(parseCitedRef('t5–t7'))).toBe('T5-T7');
  });

  it('accepts a capital W, any dash, spaces around @ and the dash, and a one-word range, spelling them canonically', () => {
    expect(formatCitedRef(parseCitedRef('t5.2@W3–W5'))).toBe('T5.2@w3-w5');
    expect(formatCitedRef(parseCitedRef(' T5.2 @ w3 - w5 '))).toBe('T5.2@w3-w5');
    expect(formatCitedRef(parseCitedRef('T5.2@w4-w4'))).toBe('T5.2@w4');
  });

  it.each([
    ['T5.2@', 'syntax', '“T5.2@” has no words after the @: write e.g. T5.2@w3 or T5.2@w3-w5.'],
    ['@w3', 'syntax', '“@w3” has no passage before the @: write e.g. T5.2@w3-w5.'],
    ['T5@w1@w2', 'syntax', '“T5@w1@w2” has more than one @: a reference cites one run of words, e.g. T5.2@w3-w5.'],
    ['T5.2@3', 'syntax', '“T5.2@3” is missing the w: write T5.2@w3.'],
    ['T5.2@w3-5', 'syntax', '“T5.2@w3-5” is missing the w of its last word: write T5.2@w3-w5.'],
    ['T5.2@x3', 'syntax', '“T5.2@x3” is not a word selection: write a word such as T5.2@w3 or a run of words such as T5.2@w3-w5.'],
    ['T5.2@w', 'syntax', '“T5.2@w” is not a word selection: write a word such as T5.2@w3 or a run of words such as T5.2@w3-w5.'],
    ['T5.2@w0', 'zero', '“T5.2@w0” does not exist: words are numbered from w1.'],
    ['T5.2@w03', 'leading-zero', '“T5.2@w03” has a leading zero: write T5.2@w3.'],
    ['T5.2@w3-w05', 'leading-zero', '“T5.2@w3-w05” has a leading zero: write T5.2@w3-w5.'],
    ['T5.2@w1234567', 'too-large', '“T5.2@w1234567” is too large: word numbers have at most 6 digits.'],
    ['T5.2@w5-w3', 'reversed', '“T5.2@w5-w3” runs backwards: w5 comes after w3. Write T5.2@w3-w5.'],
    ['T5.2@w3-', 'syntax', '“T5.2@w3-” has no last word: write e.g. T5.2@w3-w5.'],
    ['T5.2@-w5', 'syntax', '“T5.2@-w5” has no first word: write e.g. T5.2@w3-w5.'],
    ['T5.2@w1-w2-w3', 'syntax', '“T5.2@w1-w2-w3” has more than one dash in its words: cite one run of words, e.g. T5.2@w3-w9.'],
    ['T5.2@w3 w5', 'syntax', '“T5.2@w3 w5” contains spaces: write the words without them, e.g. T5.2@w3-w5.'],
    // The passage part is refused by parseRef, with its own message.
    ['T0@w3', 'zero', '“T0” does not exist: turns are numbered from T1.'],
  ])('refuses %s', (input, code, message) => {
    const error = refused(input);
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
  });
});

/** Turn 5 split into two sentences, with Russian text for the links. */
function splitMemo(): AlignmentState {
  const state = makeState([
    { en: 'One.', ru: 'Один.' },
    { en: 'Two.', ru: 'Два.' },
    { en: 'Three.', ru: 'Три.' },
    { en: 'Four.', ru: 'Четыре.' },
    { en: 'Placeholder turn.', ru: 'Мы должны действовать вместе. Это важно.' },
  ]);
  const whole = state.segments['s_en_5']!;
  delete state.segments['s_en_5'];
  state.segments['s_en_5_1'] = {
    ...whole,
    key: 's_en_5_1',
    sentenceNo: 1,
    text: 'We must act together.',
    orderKey: `${whole.orderKey}1`,
  };
  state.segments['s_en_5_2'] = {
    ...whole,
    key: 's_en_5_2',
    sentenceNo: 2,
    text: 'It is, in our view, very important.',
    orderKey: `${whole.orderKey}2`,
  };
  const row = state.rows[4]!;
  row.members = { ...row.members, [EN]: ['s_en_5_1', 's_en_5_2'] };
  return state;
}

function cite(state: AlignmentState, ref: string) {
  const parsed = parseCitedRef(ref);
  const passage = resolveRef(parsed.passage, state);
  return resolveWords(parsed as CitedRef & { words: WordRange }, passage, state);
}

describe('resolveWords', () => {
  it('counts the tokens of the translation from 1, skipping punctuation and spaces', () => {
    const state = splitMemo();
    const cited = cite(state, 'T5.2@w3-w5');
    expect(cited.words.map((w) => [w.n, w.text, w.segmentKey, w.start, w.end])).toEqual([
      [3, 'in', 's_en_5_2', 7, 9],
      [4, 'our', 's_en_5_2', 10, 13],
      [5, 'view', 's_en_5_2', 14, 18],
    ]);
    expect(cited.total).toBe(7);
    expect(cited.text).toBe('in our view');
    expect(cited.label).toBe('T5.2@w3–w5');
    expect(cited.description).toBe('words 3–5 of T5.2');
  });

  it('counts across the segments of the passage, in reading order', () => {
    const state = splitMemo();
    const words = passageWords(resolveRef(parseCitedRef('T5').passage, state), state);
    expect(words.map((w) => w.text)).toEqual(['We', 'must', 'act', 'together', 'It', 'is', 'in', 'our', 'view', 'very', 'important']);
    const cited = cite(state, 'T5@w3-w6');
    expect(cited.words.map((w) => w.segmentKey)).toEqual(['s_en_5_1', 's_en_5_1', 's_en_5_2', 's_en_5_2']);
    expect(cited.text).toBe('act together. It is');
    expect(cite(state, 'T4-T5@w2-w3').text).toBe('We must');
  });

  it('refuses a word beyond the passage, naming it and how many words there are', () => {
    const state = splitMemo();
    for (const [ref, message] of [
      ['T5.2@w8', 'T5.2@w8 does not exist at revision 1: there is no w8, T5.2 has 7 words (w1–w7).'],
      ['T5.2@w3-w12', 'T5.2@w3–w12 does not exist at revision 1: there is no w12, T5.2 has 7 words (w1–w7).'],
      ['T5.2@w9-w12', 'T5.2@w9–w12 does not exist at revision 1: there is no w9, T5.2 has 7 words (w1–w7).'],
      ['T1@w2', 'T1@w2 does not exist at revision 1: there is no w2, T1 has 1 word (w1–w1).'],
    ] as const) {
      expect(() => cite(state, ref)).toThrow(expect.objectContaining({ code: 'word-out-of-range', message }) as Error);
    }
  });

  it('refuses words of a passage with no words', () => {
    const state = splitMemo();
    state.segments['s_en_1'] = { ...state.segments['s_en_1']!, text: '', isPlaceholder: true };
    expect(() => cite(state, 'T1@w1')).toThrow('T1 has no words to cite at revision 1: its text is not transcribed.');
  });
});

describe('linkedWords and wordMarks', () => {
  it('finds the links touching the cited words and marks both columns', () => {
    const state = splitMemo();
    const cited = cite(state, 'T5.1@w2-w3');
    // "must" ↔ "должны", "act" ↔ "действовать", "together" ↔ "вместе" (not cited).
    const link = (key: string, ru: [number, number], en: [number, number]): WordLink => ({
      key,
      rowKey: 'r_5',
      sourceTokens: [{ segmentKey: 's_ru_5', start: ru[0], end: ru[1] }],
      targetTokens: [{ segmentKey: 's_en_5_1', start: en[0], end: en[1] }],
      status: 'accepted',
      createdBy: 1,
    });
    const links = [link('a', [3, 9], [3, 7]), link('b', [10, 21], [8, 11]), link('c', [22, 28], [12, 20])];
    const { links: touching, linked } = linkedWords(cited, [links[1]!, links[0]!, links[2]!], state);
    expect(touching.map((l) => l.key)).toEqual(['b', 'a']);
    expect(linked).toEqual([
      { segmentKey: 's_ru_5', start: 3, end: 9 },
      { segmentKey: 's_ru_5', start: 10, end: 21 },
    ]);
    const marks = wordMarks(cited, linked);
    expect(marks.get('s_en_5_1')).toEqual([{ start: 3, end: 11, kind: 'cited' }]);
    expect(marks.get('s_ru_5')).toEqual([
      { start: 3, end: 9, kind: 'linked' },
      { start: 10, end: 21, kind: 'linked' },
    ]);
    expect(state.segments['s_ru_5']!.text.slice(3, 9)).toBe('должны');
    expect(RU).toBe(1);
  });
});

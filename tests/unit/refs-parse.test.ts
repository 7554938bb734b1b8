import { describe, expect, it } from 'vitest';
import { RefError } from '@/lib/refs/errors';
import { describeRef, formatRef, formatRefLabel, parseRef } from '@/lib/refs/parse';
import { checkRevision, parseRevParam } from '@/lib/refs/revision';

function refused(input: string): RefError {
  try {
    parseRef(input);
  } catch (error) {
    expect(error).toBeInstanceOf(RefError);
    return error as RefError;
  }
  throw new Error(`parseRef(${JSON.stringify(input)}) was accepted`);
}

describe('parseRef: valid references', () => {
  it.each([
    ['T5', { start: { turn: 5, sentence: null }, end: { turn: 5, sentence: null } }, 'T5'],
    ['T5-T7', { start: { turn: 5, sentence: null }, end: { turn: 7, sentence: null } }, 'T5-T7'],
    ['T5.2', { start: { turn: 5, sentence: 2 }, end: { turn: 5, sentence: 2 } }, 'T5.2'],
    ['T5.2-T6.1', { start: { turn: 5, sentence: 2 }, end: { turn: 6, sentence: 1 } }, 'T5.2-T6.1'],
    ['T10', { start: { turn: 10, sentence: null }, end: { turn: 10, sentence: null } }, 'T10'],
    ['T20000', { start: { turn: 20000, sentence: null }, end: { turn: 20000, sentence: null } }, 'T20000'],
    // A whole turn and one of its sentences overlap; both orders run forwards.
    ['T5-T5.2', { start: { turn: 5, sentence: null }, end: { turn: 5, sentence: 2 } }, 'T5-T5.2'],
    ['T5.2-T5', { start: { turn: 5, sentence: 2 }, end: { turn: 5, sentence: null } }, 'T5.2-T5'],
  ])('%s', (input, expected, canonical) => {
    const ref = parseRef(input);
    expect(ref).toEqual(expected);
    expect(formatRef(ref)).toBe(canonical);
  });

  it('accepts a lower-case t, an en dash and surrounding spaces, and spells them canonically', () => {
    expect(formatRef(parseRef('t5'))).toBe('T5');
    expect(formatRef(parseRef('t5.2-t6'))).toBe('T5.2-T6');
    expect(formatRef(parseRef('T5–T7'))).toBe('T5-T7');
    for (const dash of ['—', '−', '‐', '‑', '‒', '―', '－']) expect(formatRef(parseRef(`T5${dash}T7`))).toBe('T5-T7');
    expect(formatRef(parseRef('T5 - T7'))).toBe('T5-T7');
    expect(formatRef(parseRef('T5.2 –\u00a0T6'))).toBe('T5.2-T6');
    expect(formatRef(parseRef('  T5-T7\n'))).toBe('T5-T7');
  });

  it('writes a range of one turn as that turn', () => {
    expect(formatRef(parseRef('T5-T5'))).toBe('T5');
    expect(formatRef(parseRef('T5.2-T5.2'))).toBe('T5.2');
  });

  it('labels and describes references for people', () => {
    expect(formatRefLabel(parseRef('T5-T7'))).toBe('T5–T7');
    expect(describeRef(parseRef('T5'))).toBe('turn 5');
    expect(describeRef(parseRef('T5-T7'))).toBe('turns 5–7');
    expect(describeRef(parseRef('T5.2'))).toBe('turn 5, sentence 2');
    expect(describeRef(parseRef('T5.1-T5.3'))).toBe('turn 5, sentences 1–3');
    expect(describeRef(parseRef('T5.2-T6.1'))).toBe('T5.2–T6.1');
  });
});

describe('parseRef: invalid references say what is wrong and how to write it', () => {
  it.each([
    ['', 'empty', 'The passage reference is empty: write a turn such as T5, a sentence such as T5.2, or a range such as T5-T7.'],
    ['   ', 'empty', 'The passage reference is empty: write a turn such as T5, a sentence such as T5.2, or a range such as T5-T7.'],
    [
      'garbage',
      'syntax',
      '“garbage” is not a passage reference: write a turn such as T5, a sentence such as T5.2, or a range such as T5-T7.',
    ],
    ['5', 'syntax', '“5” is missing the T: write T5.'],
    ['T5-7', 'syntax', '“T5-7” is missing the T of its end: write T5-T7.'],
    ['T', 'syntax', '“T” has no turn number after the T: write a turn such as T5, a sentence such as T5.2, or a range such as T5-T7.'],
    ['T0', 'zero', '“T0” does not exist: turns are numbered from T1.'],
    ['T5.0', 'zero', '“T5.0” does not exist: sentences are numbered from T5.1.'],
    ['T05', 'leading-zero', '“T05” has a leading zero: write T5.'],
    ['T5.02', 'leading-zero', '“T5.02” has a leading zero: write T5.2.'],
    ['T7-T5', 'reversed', '“T7-T5” runs backwards: T7 comes after T5. Write T5-T7.'],
    ['T5.3-T5.1', 'reversed', '“T5.3-T5.1” runs backwards: T5.3 comes after T5.1. Write T5.1-T5.3.'],
    ['T6.1-T5.2', 'reversed', '“T6.1-T5.2” runs backwards: T6.1 comes after T5.2. Write T5.2-T6.1.'],
    ['T5 T7', 'syntax', '“T5 T7” contains spaces: write the reference without them, e.g. T5-T7.'],
    ['T 5 – T7', 'syntax', '“T 5 – T7” contains spaces: write the reference without them, e.g. T5-T7.'],
    ['T5 — 7', 'syntax', '“T5 — 7” is missing the T of its end: write T5-T7.'],
    ['T5–T7—T9', 'syntax', '“T5–T7—T9” has more than one dash: a reference is one turn or one range, e.g. T5-T9.'],
    ['T5-', 'syntax', '“T5-” has no end: write a range such as T5-T7.'],
    ['-T7', 'syntax', '“-T7” has no start: write a range such as T5-T7.'],
    ['T5-T7-T9', 'syntax', '“T5-T7-T9” has more than one dash: a reference is one turn or one range, e.g. T5-T9.'],
    ['T5.2.1', 'syntax', '“T5.2.1” has too many parts: a reference names a turn (T5) or a sentence of a turn (T5.2).'],
    ['T5.', 'syntax', '“T5.” has no sentence number after the dot: write T5 or T5.2.'],
    ['T1234567', 'too-large', '“T1234567” is too large: turn numbers have at most 6 digits.'],
    [
      'T5,T7',
      'syntax',
      '“T5,T7” is not a passage reference: write a turn such as T5, a sentence such as T5.2, or a range such as T5-T7.',
    ],
    [
      'T-5',
      'syntax',
      '“T-5” has no turn number after the T: write a turn such as T5, a sentence such as T5.2, or a range such as T5-T7.',
    ],
    ['T5a', 'syntax', '“T5a” is not a passage reference: write a turn such as T5, a sentence such as T5.2, or a range such as T5-T7.'],
  ])('%j', (input, code, message) => {
    const error = refused(input);
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
    expect(error.input).toBe(input);
  });
});

describe('revision pins', () => {
  it('reads ?rev= as a positive whole number, absent as current', () => {
    expect(parseRevParam(undefined)).toBeNull();
    expect(parseRevParam(null)).toBeNull();
    expect(parseRevParam('')).toBeNull();
    expect(parseRevParam([])).toBeNull();
    expect(parseRevParam('12')).toBe(12);
    expect(parseRevParam(['3'])).toBe(3);
  });

  it.each([
    ['0', '“0” is not a revision: rev must be a whole number from 1, e.g. rev=3.'],
    ['-1', '“-1” is not a revision: rev must be a whole number from 1, e.g. rev=3.'],
    ['1.5', '“1.5” is not a revision: rev must be a whole number from 1, e.g. rev=3.'],
    ['abc', '“abc” is not a revision: rev must be a whole number from 1, e.g. rev=3.'],
    ['01', '“01” is not a revision: rev must be a whole number from 1, e.g. rev=3.'],
  ])('refuses rev=%s', (value, message) => {
    expect(() => parseRevParam(value)).toThrow(message);
  });

  it('refuses two revisions and revisions beyond the newest', () => {
    expect(() => parseRevParam(['1', '2'])).toThrow('Give one revision (rev=N), not several.');
    expect(() => checkRevision(15, 14)).toThrow("Revision 15 does not exist: this document's newest revision is 14.");
    expect(() => checkRevision(14, 14)).not.toThrow();
    expect(() => checkRevision(null, 14)).not.toThrow();
  });
});

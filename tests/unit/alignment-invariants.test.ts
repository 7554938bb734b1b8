import { describe, expect, it } from 'vitest';
import { findViolations, turnRefViolations } from '@/lib/alignment/invariants';
import { proposeSentenceOffsets, splitAt } from '@/lib/alignment/sentences';
import { formatDivergenceNote, parseDivergenceNote } from '@/lib/alignment/divergence';
import type { AlignmentState } from '@/lib/alignment/types';
import { EN, memoState, RU } from '../support/alignment-fixtures';

function mutate(f: (s: AlignmentState) => void): AlignmentState {
  const state = structuredClone(memoState());
  f(state);
  return state;
}

describe('invariants', () => {
  it('hold for a freshly imported memo', () => {
    expect(findViolations(memoState(), { complete: true })).toEqual([]);
  });

  it('catch a segment in two rows, and a segment in no row', () => {
    const twice = mutate((s) => s.rows[1]!.members[EN]!.push('s_en_1'));
    expect(findViolations(twice)).toContain('segment s_en_1 is in rows r_1 and r_2');
    const orphan = mutate((s) => (s.rows[1]!.members[RU] = []));
    expect(findViolations(orphan)).toContain('segment s_ru_2 is in no row');
  });

  it('catch an empty row and rows out of order', () => {
    const empty = mutate((s) =>
      s.rows.splice(2, 0, { key: 'r_x', orderKey: 'a1V', status: 'auto', note: null, revFrom: 1, members: {} }),
    );
    expect(findViolations(empty)).toContain('row r_x is empty');
    const swapped = mutate((s) => ([s.rows[3], s.rows[4]] = [s.rows[4]!, s.rows[3]!]));
    expect(findViolations(swapped)).toContain('row r_4 is out of order (a3 after a4)');
  });

  it('catch a witness whose segments do not follow the rows (crossing alignment)', () => {
    const crossed = mutate((s) => {
      s.rows[3]!.members[RU] = ['s_ru_5'];
      s.rows[4]!.members[RU] = ['s_ru_4'];
    });
    expect(findViolations(crossed)).toContain('segment s_ru_4 of witness 1 is out of reading order');
  });

  it('catch sentence numbers with a gap, and a lone numbered sentence', () => {
    const gap = mutate((s) => {
      s.segments.s_en_5!.sentenceNo = 1;
      s.segments.s_x = { ...s.segments.s_en_5!, key: 's_x', orderKey: 'a4V', sentenceNo: 3 };
      s.rows[4]!.members[EN]!.push('s_x');
    });
    expect(findViolations(gap, { complete: true })).toContain('the sentences of turn T5 are not numbered consecutively');
    const lone = mutate((s) => (s.segments.s_en_5!.sentenceNo = 1));
    expect(findViolations(lone, { complete: true })).toContain('turn T5 has a single segment numbered as a sentence');
  });

  it('catch a changed turn reference', () => {
    const before = memoState();
    const after = mutate((s) => (s.segments.s_en_5!.turnNo = 6));
    expect(turnRefViolations(before, after)).toEqual(['turn T5 disappeared', 'segment s_en_5 moved from turn T5 to T6']);
  });
});

describe('sentence proposals', () => {
  it('cut at sentence ends, keep paragraph breaks with the sentence before, and skip titles like "Mr."', () => {
    const text = 'Good morning, Mr. President. I am glad.\n\nThere are mainly Arab [soldiers]. Yes.';
    const offsets = proposeSentenceOffsets(text, 'en');
    expect(splitAt(text, offsets)).toEqual([
      'Good morning, Mr. President. ',
      'I am glad.\n\n',
      'There are mainly Arab [soldiers]. ',
      'Yes.',
    ]);
    expect(splitAt(text, offsets).join('')).toBe(text);
  });

  it('work for Russian', () => {
    const text = 'Доброе утро. Спасибо за звонок, т. е. за внимание. Как вы?';
    expect(splitAt(text, proposeSentenceOffsets(text, 'ru'))).toEqual([
      'Доброе утро. ',
      'Спасибо за звонок, т. е. за внимание. ',
      'Как вы?',
    ]);
  });

  it('propose nothing for a single sentence', () => {
    expect(proposeSentenceOffsets('Thank you.', 'en')).toEqual([]);
  });
});

describe('divergence notes', () => {
  it('round-trip through the stored note', () => {
    const note = formatDivergenceNote({ kind: 'softening', text: ' “must” became “should” ' });
    expect(note).toBe('Softening: “must” became “should”');
    expect(parseDivergenceNote(note)).toEqual({ kind: 'softening', text: '“must” became “should”' });
    expect(parseDivergenceNote('Omission')).toEqual({ kind: 'omission', text: '' });
    expect(parseDivergenceNote('free text from elsewhere')).toEqual({ kind: 'other', text: 'free text from elsewhere' });
    expect(parseDivergenceNote(null)).toBeNull();
  });
});

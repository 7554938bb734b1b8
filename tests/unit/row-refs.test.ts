import { describe, expect, it } from 'vitest';
import {
  citableRefs,
  referenceWitness,
  refRangeDescription,
  refRangeLabel,
  rowAnchor,
  rowAnchorIds,
  rowRefs,
} from '@/lib/alignment/row-refs';
import type { AlignmentRow, AlignmentState, Segment, Witness } from '@/lib/alignment/types';

const RU: Witness = { id: 10, lang: 'ru', role: 'source', label: 'Russian original', isPlaceholderWitness: true, position: 0 };
const EN: Witness = {
  id: 20,
  lang: 'en',
  role: 'translation',
  label: 'English translation',
  isPlaceholderWitness: false,
  position: 1,
};
const FR: Witness = { id: 30, lang: 'fr', role: 'translation', label: 'French translation', isPlaceholderWitness: false, position: 2 };

function seg(key: string, witnessId: number, turnNo: number, sentenceNo: number | null = null): Segment {
  return { key, witnessId, orderKey: key, turnNo, sentenceNo, speaker: 'A', text: key, isPlaceholder: false, revFrom: 1 };
}
function row(key: string, members: Record<number, string[]>): AlignmentRow {
  return { key, orderKey: key, status: 'auto', note: null, revFrom: 1, members };
}
function state(rows: AlignmentRow[], segments: Segment[], witnesses: Witness[] = [RU, EN]): AlignmentState {
  return { rev: 1, witnesses, rows, segments: Object.fromEntries(segments.map((s) => [s.key, s])) };
}

describe('rowRefs', () => {
  it('gives the turn ref of a one-to-one row', () => {
    const s = state([row('r1', { 10: ['ru1'], 20: ['en1'] })], [seg('ru1', 10, 1), seg('en1', 20, 1)]);
    expect(rowRefs(s.rows[0]!, s)).toEqual(['T1']);
    expect(rowAnchor(s.rows[0]!, s)).toBe('T1');
  });

  it('lists every translation ref of a merged row in reading order, ignoring source segments', () => {
    const s = state(
      [row('r5', { 10: ['ru5', 'ru6'], 20: ['en5', 'en6'] })],
      [seg('ru5', 10, 5), seg('ru6', 10, 6), seg('en5', 20, 5), seg('en6', 20, 6)],
    );
    expect(rowRefs(s.rows[0]!, s)).toEqual(['T5', 'T6']);
    expect(rowAnchor(s.rows[0]!, s)).toBe('T5');
  });

  it('gives sentence refs once a turn is split', () => {
    const s = state([row('r', { 20: ['a', 'b'] })], [seg('a', 20, 5, 2), seg('b', 20, 5, 3)]);
    expect(rowRefs(s.rows[0]!, s)).toEqual(['T5.2', 'T5.3']);
  });

  it('falls back to row-<key> when the row has no translation segment', () => {
    const s = state([row('r_source_only', { 10: ['ru9'] })], [seg('ru9', 10, 9)]);
    expect(rowRefs(s.rows[0]!, s)).toEqual([]);
    expect(rowAnchor(s.rows[0]!, s)).toBe('row-r_source_only');
  });

  it('takes refs from the first translation witness by position, whatever the array order', () => {
    const s = state([row('r', { 20: ['en3'], 30: ['fr4'] })], [seg('en3', 20, 3), seg('fr4', 30, 4)], [FR, RU, EN]);
    expect(referenceWitness(s)?.id).toBe(EN.id);
    expect(rowRefs(s.rows[0]!, s)).toEqual(['T3']);
  });

  it('has no refs when the document has no translation witness', () => {
    const s = state([row('r', { 10: ['ru1'] })], [seg('ru1', 10, 1)], [RU]);
    expect(rowRefs(s.rows[0]!, s)).toEqual([]);
  });
});

describe('rowAnchorIds', () => {
  it('gives merged rows extra anchors so #T6 still lands on the T5–T6 row', () => {
    const s = state(
      [row('r4', { 20: ['en4'] }), row('r5', { 20: ['en5', 'en6'] }), row('r7', { 20: ['en7'] })],
      [seg('en4', 20, 4), seg('en5', 20, 5), seg('en6', 20, 6), seg('en7', 20, 7)],
    );
    const ids = rowAnchorIds(s.rows, s);
    expect(ids.get('r4')).toEqual({ id: 'T4', extra: [] });
    expect(ids.get('r5')).toEqual({ id: 'T5', extra: ['T6'] });
    expect(ids.get('r7')).toEqual({ id: 'T7', extra: [] });
  });

  it('lets #T5 land on the first sentence row of a split turn, and only there', () => {
    const s = state(
      [row('a', { 20: ['s1'] }), row('b', { 20: ['s2', 's3'] }), row('c', { 20: ['t6'] })],
      [seg('s1', 20, 5, 1), seg('s2', 20, 5, 2), seg('s3', 20, 5, 3), seg('t6', 20, 6)],
    );
    const ids = rowAnchorIds(s.rows, s);
    expect(ids.get('a')).toEqual({ id: 'T5.1', extra: ['T5'] });
    expect(ids.get('b')).toEqual({ id: 'T5.2', extra: ['T5.3'] });
    expect(ids.get('c')).toEqual({ id: 'T6', extra: [] });
    const all = [...ids.values()].flatMap((a) => [a.id, ...a.extra]);
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('ref labels', () => {
  it('names a range by its ends', () => {
    expect(refRangeLabel(['T5'])).toBe('T5');
    expect(refRangeLabel(['T5', 'T6', 'T7'])).toBe('T5–T7');
    expect(refRangeLabel([])).toBe('');
  });

  it('reads refs aloud in words', () => {
    expect(refRangeDescription(['T5'])).toBe('Turn 5');
    expect(refRangeDescription(['T5', 'T6'])).toBe('Turns 5 to 6');
    expect(refRangeDescription(['T5.2'])).toBe('Turn 5, sentence 2');
    expect(refRangeDescription(['T5.1', 'T5.3'])).toBe('Turn 5, sentences 1 to 3');
    expect(refRangeDescription(['T5.3', 'T6'])).toBe('Turn 5, sentence 3 to turn 6');
    expect(refRangeDescription([])).toBe('Passage without a translation reference');
  });
});

describe('citableRefs', () => {
  it('offers a split turn as a whole before its sentences, and leaves whole turns alone', () => {
    expect(citableRefs(['T4', 'T5.1', 'T5.2', 'T5.3', 'T6', 'T7.1', 'T7.2'])).toEqual([
      'T4',
      'T5',
      'T5.1',
      'T5.2',
      'T5.3',
      'T6',
      'T7',
      'T7.1',
      'T7.2',
    ]);
    expect(citableRefs(['T1', 'T2'])).toEqual(['T1', 'T2']);
  });
});

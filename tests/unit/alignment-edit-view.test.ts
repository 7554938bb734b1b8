import { describe, expect, it } from 'vitest';
import { applyChangeSet } from '@/lib/alignment/change-set';
import { editRows } from '@/lib/alignment/edit-view';
import { applyOp } from '@/lib/alignment/ops/apply-op';
import type { AlignmentState } from '@/lib/alignment/types';
import { wholeDocument } from '@/lib/alignment/window';
import { counterContext, EN, memoState, RU } from '../support/alignment-fixtures';

function split(state: AlignmentState): AlignmentState {
  const result = applyOp(wholeDocument(state), { type: 'split-segment', segmentKey: 's_en_5', offsets: [9] }, counterContext());
  return applyChangeSet(state, result.changes, 2);
}

describe('the edit view of rows', () => {
  it('labels rows and segments, orders columns as asked, and knows each row’s neighbours', () => {
    const rows = editRows(memoState(), [RU, EN]);
    expect(rows).toHaveLength(10);
    const t1 = rows[0]!;
    expect(t1).toMatchObject({ label: 'T1', anchor: 'T1', prevRowKey: null, nextRowKey: 'r_2', status: 'auto' });
    expect(t1.columns.map((c) => [c.column, c.lang])).toEqual([
      ['Russian', 'ru'],
      ['English', 'en'],
    ]);
    expect(t1.columns[0]!.segments[0]).toMatchObject({ ref: 'T1', label: 'T1 (Russian)', isPlaceholder: true, proposals: [] });
    expect(rows[9]!.nextRowKey).toBeNull();
  });

  it('proposes sentence starts for text, not for placeholders', () => {
    const t5 = editRows(memoState(), [RU, EN])[4]!.columns[1]!.segments[0]!;
    expect(t5.proposals.map((p) => p.preview)).toEqual([
      'The main thing is to stop…',
      'There are mainly Arab [soldiers]. That…',
      'That is important.',
    ]);
  });

  it('offers to join a sentence with the next only within its row and turn', () => {
    const state = split(memoState());
    const [first, second] = editRows(state, [RU, EN])[4]!.columns[1]!.segments;
    expect(first).toMatchObject({ ref: 'T5.1', mergeNextKey: second!.key });
    // The last sentence of T5 is followed by T6: different turn, no join.
    expect(second!.mergeNextKey).toBeNull();
  });

  it('builds one page of rows, with neighbours from the whole document', () => {
    const page = editRows(memoState(), [RU, EN], { start: 8, end: 10 });
    expect(page.map((r) => [r.label, r.prevRowKey, r.nextRowKey])).toEqual([
      ['T9', 'r_8', 'r_10'],
      ['T10', 'r_9', null],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { applyChangeSet } from '@/lib/alignment/change-set';
import { editOpSchema, type EditOp } from '@/lib/alignment/op-schema';
import { applyOp } from '@/lib/alignment/ops/apply-op';
import type { AlignmentState } from '@/lib/alignment/types';
import { wholeDocument } from '@/lib/alignment/window';
import { DIVERGENCE_KINDS } from '@/lib/alignment/divergence';
import { describeChangeKinds, passageChangeKinds } from '@/lib/refs/passage-change';
import { counterContext, memoState } from '../support/alignment-fixtures';

function edit(state: AlignmentState, ...ops: EditOp[]): AlignmentState {
  for (const op of ops)
    state = applyChangeSet(state, applyOp(wholeDocument(state), editOpSchema.parse(op), counterContext()).changes, state.rev + 1);
  return state;
}
const rowsOf = (state: AlignmentState, keys: string[]) =>
  state.rows.filter((r) => keys.some((k) => Object.values(r.members).flat().includes(k)));
const KIND = DIVERGENCE_KINDS[0];
const kinds = (before: AlignmentState, after: AlignmentState, keys = ['s_en_1']) =>
  passageChangeKinds(
    { state: before, rows: rowsOf(before, keys), turns: [1] },
    { state: after, rows: rowsOf(after, keys), turns: [1] },
  );

describe('what changed in a pinned passage', () => {
  const start = memoState();

  it('names a text correction as a text change, not an alignment change', () => {
    expect(kinds(start, edit(start, { type: 'correct-text', segmentKey: 's_en_1', text: 'Good morning, Mr. President!' }))).toEqual([
      'text',
    ]);
  });

  it('names merges and sentence splits as alignment changes', () => {
    const merged = kinds(start, edit(start, { type: 'merge-rows', rowKey: 'r_1', nextRowKey: 'r_2' }));
    expect(merged).toContain('alignment');
    expect(merged).not.toContain('text');
    expect(kinds(start, edit(start, { type: 'split-segment', segmentKey: 's_en_1', offsets: [29] }))).toEqual(['alignment']);
  });

  it('names status and note changes, and says them in words', () => {
    const verified = edit(start, { type: 'set-row-status', rowKey: 'r_1', status: 'verified', note: { kind: KIND, text: '' } });
    expect(kinds(start, verified)).toEqual(['status', 'note']);
    expect(describeChangeKinds(['text'])).toBe('the text');
    expect(describeChangeKinds(['status', 'note'])).toBe('the alignment status and the note');
    expect(describeChangeKinds(['text', 'alignment', 'note'])).toBe('the text, the alignment and the note');
  });
});

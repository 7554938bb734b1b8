import { describe, expect, it } from 'vitest';
import { applyChangeSet } from '@/lib/alignment/change-set';
import { AlignmentError } from '@/lib/alignment/errors';
import { findViolations, witnessTexts } from '@/lib/alignment/invariants';
import { editOpSchema, type EditOp } from '@/lib/alignment/op-schema';
import { applyOp } from '@/lib/alignment/ops/apply-op';
import { rowRefs } from '@/lib/alignment/row-refs';
import { proposeSentenceOffsets } from '@/lib/alignment/sentences';
import { segmentRef, type AlignmentState } from '@/lib/alignment/types';
import { wholeDocument } from '@/lib/alignment/window';
import { counterContext, EN, memoState, RU, rowWithRef } from '../support/alignment-fixtures';

/** Applies ops in sequence to a whole document, as revisions 2, 3, ... */
const context = counterContext();
function edit(state: AlignmentState, ...ops: EditOp[]): AlignmentState {
  for (const op of ops) {
    const result = applyOp(wholeDocument(state), editOpSchema.parse(op), context);
    state = applyChangeSet(state, result.changes, state.rev + 1);
    expect(findViolations(state, { complete: true })).toEqual([]);
  }
  return state;
}

function refusal(state: AlignmentState, op: EditOp): AlignmentError {
  try {
    applyOp(wholeDocument(state), op, counterContext());
  } catch (error) {
    expect(error).toBeInstanceOf(AlignmentError);
    return error as AlignmentError;
  }
  throw new Error(`expected ${op.type} to be refused`);
}

const refsOf = (state: AlignmentState) => state.rows.map((r) => rowRefs(r, state).join(' '));
const cell = (state: AlignmentState, ref: string, witness: number) =>
  (rowWithRef(state, ref).members[witness] ?? []).map((k) => state.segments[k]!);

describe('merge rows', () => {
  it('joins a row and the row below into one row holding both, in order', () => {
    const before = memoState();
    const result = applyOp(wholeDocument(before), { type: 'merge-rows', rowKey: 'r_4', nextRowKey: 'r_5' });
    expect(result.summary).toBe('Merged rows T4 and T5');
    // Only the two rows change: the upper one gets a new version, the lower one is closed.
    expect(result.changes.closeRows.sort()).toEqual(['r_4', 'r_5']);
    expect(result.changes.insertRows.map((r) => r.key)).toEqual(['r_4']);
    expect(result.changes.closeSegments).toEqual([]);
    expect(result.changes.insertSegments).toEqual([]);

    const after = applyChangeSet(before, result.changes, 2);
    expect(refsOf(after)).toEqual(['T1', 'T2', 'T3', 'T4 T5', 'T6', 'T7', 'T8', 'T9', 'T10']);
    const merged = rowWithRef(after, 'T5');
    expect(merged.members).toEqual({ [RU]: ['s_ru_4', 's_ru_5'], [EN]: ['s_en_4', 's_en_5'] });
    expect(merged.status).toBe('unverified');
    expect(witnessTexts(after)).toEqual(witnessTexts(before));
  });

  it('keeps both divergence notes', () => {
    const state = edit(
      memoState(),
      { type: 'set-row-status', rowKey: 'r_4', status: 'verified', note: { kind: 'omission', text: 'a name is left out' } },
      { type: 'set-row-status', rowKey: 'r_5', status: 'verified', note: { kind: 'softening', text: '' } },
      { type: 'merge-rows', rowKey: 'r_4', nextRowKey: 'r_5' },
    );
    expect(rowWithRef(state, 'T4').note).toBe('Omission: a name is left out\nSoftening');
  });

  it('refuses rows that are not neighbours, naming them', () => {
    const error = refusal(memoState(), { type: 'merge-rows', rowKey: 'r_4', nextRowKey: 'r_6' });
    expect(error.code).toBe('not-adjacent');
    expect(error.message).toBe('Rows T4 and T6 are not next to each other; only a row and the row right below it can be merged.');
    expect(refusal(memoState(), { type: 'merge-rows', rowKey: 'r_5', nextRowKey: 'r_4' }).code).toBe('not-adjacent');
  });

  it('refuses a row that is not in the document', () => {
    const error = refusal(memoState(), { type: 'merge-rows', rowKey: 'r_404', nextRowKey: 'r_5' });
    expect(error.code).toBe('not-found');
    expect(error.message).toMatch(/no longer in the document; reload/);
  });
});

describe('split row', () => {
  const merged = () => edit(memoState(), { type: 'merge-rows', rowKey: 'r_4', nextRowKey: 'r_5' });

  it('splits a merged row back between its segments, in every column named', () => {
    const before = merged();
    const result = applyOp(
      wholeDocument(before),
      {
        type: 'split-row',
        rowKey: 'r_4',
        starts: [
          { witnessId: EN, segmentKey: 's_en_5' },
          { witnessId: RU, segmentKey: 's_ru_5' },
        ],
      },
      counterContext(),
    );
    expect(result.summary).toBe('Split row T4–T5 before T5 (English) and T5 (Russian)');
    const after = applyChangeSet(before, result.changes, 3);
    expect(refsOf(after)).toEqual(['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'T10']);
    expect(cell(after, 'T4', RU).map((s) => s.key)).toEqual(['s_ru_4']);
    expect(cell(after, 'T5', RU).map((s) => s.key)).toEqual(['s_ru_5']);
    // The new row's order key sits between its neighbours: nothing else was renumbered.
    expect(result.changes.insertRows).toHaveLength(2);
    expect(result.changes.closeRows).toEqual(['r_4']);
    const t5 = rowWithRef(after, 'T5');
    expect(t5.orderKey > rowWithRef(after, 'T4').orderKey && t5.orderKey < rowWithRef(after, 'T6').orderKey).toBe(true);
  });

  it('leaves a column whole in the first row when it is not named (a 2:1 row becomes 1:1 + 1:0)', () => {
    const after = edit(merged(), { type: 'split-row', rowKey: 'r_4', starts: [{ witnessId: EN, segmentKey: 's_en_5' }] });
    expect(cell(after, 'T4', RU).map((s) => s.key)).toEqual(['s_ru_4', 's_ru_5']);
    expect(cell(after, 'T5', RU)).toEqual([]);
  });

  it('refuses a split that would leave the first row empty', () => {
    const error = refusal(merged(), {
      type: 'split-row',
      rowKey: 'r_4',
      starts: [
        { witnessId: EN, segmentKey: 's_en_4' },
        { witnessId: RU, segmentKey: 's_ru_4' },
      ],
    });
    expect(error.code).toBe('bad-split');
    expect(error.message).toBe(
      'Splitting row T4–T5 before T4 (English) and T4 (Russian) would leave the first row empty; start the second row at a later segment in at least one column.',
    );
  });

  it('refuses a segment that is not in the row, or a column named twice', () => {
    const error = refusal(memoState(), { type: 'split-row', rowKey: 'r_4', starts: [{ witnessId: EN, segmentKey: 's_en_6' }] });
    expect(error.code).toBe('bad-split');
    expect(error.message).toBe('T6 (English) is not in row T4, so the row cannot be split there.');
    const twice = refusal(merged(), {
      type: 'split-row',
      rowKey: 'r_4',
      starts: [
        { witnessId: EN, segmentKey: 's_en_5' },
        { witnessId: EN, segmentKey: 's_en_5' },
      ],
    });
    expect(twice.message).toBe('The English column is named twice in this split of row T4–T5.');
  });
});

describe('move boundary', () => {
  it('moves the last segment of a column down into the next row', () => {
    const before = memoState();
    const result = applyOp(wholeDocument(before), { type: 'move-boundary', rowKey: 'r_4', witnessId: RU, direction: 'down' });
    expect(result.summary).toBe('Moved T4 (Russian) down from row T4 into row T5');
    const after = applyChangeSet(before, result.changes, 2);
    expect(cell(after, 'T4', RU)).toEqual([]);
    expect(cell(after, 'T5', RU).map((s) => s.key)).toEqual(['s_ru_4', 's_ru_5']);
    expect(result.changes.closeRows.sort()).toEqual(['r_4', 'r_5']);
    expect(witnessTexts(after)).toEqual(witnessTexts(before));
  });

  it('moves the first segment of a column up into the previous row', () => {
    const after = edit(memoState(), { type: 'move-boundary', rowKey: 'r_5', witnessId: EN, direction: 'up' });
    expect(refsOf(after)).toEqual(['T1', 'T2', 'T3', 'T4 T5', '', 'T6', 'T7', 'T8', 'T9', 'T10']);
  });

  it('says which row has nothing to move in which column', () => {
    const state = edit(memoState(), { type: 'move-boundary', rowKey: 'r_4', witnessId: RU, direction: 'down' });
    const error = refusal(state, { type: 'move-boundary', rowKey: 'r_4', witnessId: RU, direction: 'up' });
    expect(error.code).toBe('no-segment');
    expect(error.message).toBe('Row T4 has no segment in the Russian column to move.');
  });

  it('refuses to move past the first or last row', () => {
    const up = refusal(memoState(), { type: 'move-boundary', rowKey: 'r_1', witnessId: RU, direction: 'up' });
    expect(up.code).toBe('edge');
    expect(up.message).toBe('Row T1 is the first row; there is no row above to move its Russian segment into.');
    const down = refusal(memoState(), { type: 'move-boundary', rowKey: 'r_10', witnessId: EN, direction: 'down' });
    expect(down.message).toBe('Row T10 is the last row; there is no row below to move its English segment into.');
  });

  it('removes a row left with no segment at all', () => {
    const state = edit(memoState(), { type: 'move-boundary', rowKey: 'r_4', witnessId: RU, direction: 'down' });
    const result = applyOp(wholeDocument(state), { type: 'move-boundary', rowKey: 'r_4', witnessId: EN, direction: 'down' });
    expect(result.summary).toBe('Moved T4 (English) down from row T4 into row T5; row T4 was left empty and removed');
    const after = applyChangeSet(state, result.changes, 3);
    expect(after.rows).toHaveLength(9);
    expect(refsOf(after)[3]).toBe('T4 T5');
  });
});

describe('split segment', () => {
  const t5 = memoState().segments.s_en_5!.text;

  it('splits a turn into sentences T5.1..T5.k at the proposed boundaries, keeping every character', () => {
    const before = memoState();
    const offsets = proposeSentenceOffsets(t5, 'en');
    expect(offsets).toHaveLength(3);
    const result = applyOp(wholeDocument(before), { type: 'split-segment', segmentKey: 's_en_5', offsets }, counterContext());
    expect(result.summary).toBe('Split T5 (English) into 4 segments (T5.1–T5.4)');
    const after = applyChangeSet(before, result.changes, 2);
    const sentences = cell(after, 'T5.1', EN);
    expect(sentences.map(segmentRef)).toEqual(['T5.1', 'T5.2', 'T5.3', 'T5.4']);
    expect(sentences.map((s) => s.text)).toEqual([
      'I agree. ',
      'The main thing is to stop the escalation.\n\n',
      'There are mainly Arab [soldiers]. ',
      'That is important.',
    ]);
    expect(sentences.every((s) => s.turnNo === 5 && s.speaker === 'Gorbachev')).toBe(true);
    expect(witnessTexts(after)).toEqual(witnessTexts(before));
    // One segment rewritten, three created, one row re-versioned; nothing else.
    expect(result.changes.closeSegments).toEqual(['s_en_5']);
    expect(result.changes.insertSegments).toHaveLength(4);
    expect(result.changes.closeRows).toEqual(['r_5']);
  });

  it('renumbers the later sentences of the same turn when a sentence is split further', () => {
    const state = edit(memoState(), { type: 'split-segment', segmentKey: 's_en_5', offsets: [9, 52] });
    const second = cell(state, 'T5.2', EN)[1]!;
    expect(segmentRef(second)).toBe('T5.2');
    const after = edit(state, { type: 'split-segment', segmentKey: second.key, offsets: [18] });
    expect(cell(after, 'T5.1', EN).map((s) => [segmentRef(s), s.text])).toEqual([
      ['T5.1', 'I agree. '],
      ['T5.2', 'The main thing is '],
      ['T5.3', 'to stop the escalation.\n\n'],
      ['T5.4', 'There are mainly Arab [soldiers]. That is important.'],
    ]);
  });

  it('refuses to split a placeholder', () => {
    const error = refusal(memoState(), { type: 'split-segment', segmentKey: 's_ru_5', offsets: [1] });
    expect(error.code).toBe('placeholder');
    expect(error.message).toBe('T5 (Russian) is a placeholder; replace it with text before splitting it.');
  });

  it('refuses positions outside the text, out of order, or leaving an empty piece', () => {
    const state = memoState();
    const length = t5.length;
    expect(refusal(state, { type: 'split-segment', segmentKey: 's_en_5', offsets: [length] }).message).toBe(
      `Position ${length} is not inside T5 (English), which has ${length} characters.`,
    );
    expect(refusal(state, { type: 'split-segment', segmentKey: 's_en_5', offsets: [20, 10] }).message).toBe(
      'Split positions in T5 (English) must increase (10 comes after 20).',
    );
    expect(refusal(state, { type: 'split-segment', segmentKey: 's_en_5', offsets: [0] }).message).toBe(
      'Split positions in T5 (English) must be after its first character (got 0).',
    );
    const blank = refusal(state, { type: 'split-segment', segmentKey: 's_en_5', offsets: [50, 51] });
    expect(blank.code).toBe('bad-offset');
    expect(blank.message).toBe('Splitting T5 (English) there would leave piece 2 with no text.');
  });

  it('refuses a position inside a surrogate pair', () => {
    const state = edit(memoState(), { type: 'correct-text', segmentKey: 's_en_7', text: 'Tea 🍵 later.' });
    const error = refusal(state, { type: 'split-segment', segmentKey: 's_en_7', offsets: [5] });
    expect(error.message).toBe('Position 5 in T7 (English) falls inside a character.');
  });
});

describe('merge segments', () => {
  const split = () => edit(memoState(), { type: 'split-segment', segmentKey: 's_en_5', offsets: [9, 52] });

  it('joins a sentence with the next, exactly, and renumbers the turn', () => {
    const state = split();
    const [first, second, third] = cell(state, 'T5.1', EN);
    const result = applyOp(wholeDocument(state), { type: 'merge-segments', segmentKey: first!.key, nextSegmentKey: second!.key });
    expect(result.summary).toBe('Merged T5.1 and T5.2 (English) into T5.1');
    const after = applyChangeSet(state, result.changes, 3);
    expect(cell(after, 'T5.1', EN).map((s) => [segmentRef(s), s.text])).toEqual([
      ['T5.1', 'I agree. The main thing is to stop the escalation.\n\n'],
      ['T5.2', third!.text],
    ]);
  });

  it('gives the turn back its whole-turn reference when one segment is left', () => {
    const state = split();
    const [a, b, c] = cell(state, 'T5.1', EN);
    const after = edit(
      state,
      { type: 'merge-segments', segmentKey: a!.key, nextSegmentKey: b!.key },
      { type: 'merge-segments', segmentKey: a!.key, nextSegmentKey: c!.key },
    );
    const [whole] = cell(after, 'T5', EN);
    expect(segmentRef(whole!)).toBe('T5');
    expect(whole!.text).toBe(memoState().segments.s_en_5!.text);
  });

  it('refuses to merge two turns, because turn numbers are the citation references', () => {
    const state = edit(memoState(), { type: 'merge-rows', rowKey: 'r_2', nextRowKey: 'r_3' });
    const error = refusal(state, { type: 'merge-segments', segmentKey: 's_en_2', nextSegmentKey: 's_en_3' });
    expect(error.code).toBe('cross-turn');
    expect(error.message).toBe(
      'T2 and T3 (English) belong to different turns; merging them would change the turn references that citations use, so it is refused.',
    );
    expect(refusal(state, { type: 'merge-segments', segmentKey: 's_ru_2', nextSegmentKey: 's_ru_3' }).code).toBe('cross-turn');
  });

  it('refuses sentences in different rows, and segments that are not neighbours', () => {
    const state = split();
    const [a, b, c] = cell(state, 'T5.1', EN);
    const separated = edit(state, { type: 'split-row', rowKey: 'r_5', starts: [{ witnessId: EN, segmentKey: b!.key }] });
    const error = refusal(separated, { type: 'merge-segments', segmentKey: a!.key, nextSegmentKey: b!.key });
    expect(error.code).toBe('different-rows');
    expect(error.message).toBe('T5.1 (English) and T5.2 (English) are in different rows (T5.1 and T5.2–T5.3); merge the rows first.');
    const apart = refusal(state, { type: 'merge-segments', segmentKey: a!.key, nextSegmentKey: c!.key });
    expect(apart.code).toBe('not-adjacent');
    expect(apart.message).toBe(
      'T5.3 (English) does not directly follow T5.1 (English); only neighbouring segments of one column can be merged.',
    );
  });
});

describe('text edits', () => {
  it('replaces a placeholder with real source text', () => {
    const before = memoState();
    const result = applyOp(wholeDocument(before), {
      type: 'replace-placeholder',
      segmentKey: 's_ru_4',
      text: '  Положение серьёзное.\r\n\r\nМы должны действовать вместе. ',
    });
    expect(result.summary).toBe('Replaced the placeholder of T4 (Russian) with text (51 characters)');
    expect(result.changes.closeRows).toEqual([]);
    expect(result.changes.closeSegments).toEqual(['s_ru_4']);
    const after = applyChangeSet(before, result.changes, 2);
    expect(after.segments.s_ru_4).toMatchObject({
      text: 'Положение серьёзное.\n\nМы должны действовать вместе.',
      isPlaceholder: false,
      speaker: 'Миттеран',
    });
  });

  it('refuses to replace text that is not a placeholder, or with nothing', () => {
    const error = refusal(memoState(), { type: 'replace-placeholder', segmentKey: 's_ru_2', text: 'Да.' });
    expect(error.code).toBe('not-placeholder');
    expect(error.message).toBe('T2 (Russian) already has text; correct its text instead.');
    const empty = refusal(memoState(), { type: 'replace-placeholder', segmentKey: 's_ru_4', text: ' \n ' });
    expect(empty.code).toBe('empty-text');
    expect(empty.message).toBe('The new text of T4 (Russian) is empty.');
  });

  it('corrects the text of a segment', () => {
    const after = edit(memoState(), { type: 'correct-text', segmentKey: 's_en_9', text: 'Thank you. Good-bye.' });
    expect(after.segments.s_en_9!.text).toBe('Thank you. Good-bye.');
    expect(after.segments.s_en_9!.turnNo).toBe(9);
  });

  it('resets a verified row to unverified when its text changes, and says so in the summary', () => {
    const verified = edit(memoState(), { type: 'set-row-status', rowKey: 'r_9', status: 'verified', note: null });
    const result = applyOp(
      wholeDocument(verified),
      { type: 'correct-text', segmentKey: 's_en_9', text: 'Thank you. Good-bye.' },
      counterContext(),
    );
    expect(result.summary).toBe('Corrected the text of T9 (English); row T9 is unverified again');
    expect(result.changes.closeRows).toEqual(['r_9']);
    const after = applyChangeSet(verified, result.changes, verified.rev + 1);
    expect(rowWithRef(after, 'T9').status).toBe('unverified');
    const transcribed = applyOp(
      wholeDocument(verified),
      { type: 'replace-placeholder', segmentKey: 's_ru_9', text: 'Спасибо.' },
      counterContext(),
    );
    expect(transcribed.summary).toMatch(/; row T9 is unverified again$/);
    // A row that was not verified keeps its status and is not rewritten.
    const auto = applyOp(
      wholeDocument(memoState()),
      { type: 'correct-text', segmentKey: 's_en_9', text: 'Thank you. Good-bye.' },
      counterContext(),
    );
    expect(auto.summary).toBe('Corrected the text of T9 (English)');
    expect(auto.changes.closeRows).toEqual([]);
  });

  it('refuses to correct a placeholder or to "correct" to the same text', () => {
    expect(refusal(memoState(), { type: 'correct-text', segmentKey: 's_ru_9', text: 'Спасибо.' }).message).toBe(
      'T9 (Russian) is a placeholder; replace the placeholder with text instead.',
    );
    const same = refusal(memoState(), { type: 'correct-text', segmentKey: 's_en_9', text: 'Thank you. Goodbye.' });
    expect(same.code).toBe('no-change');
    expect(same.message).toBe('The text of T9 (English) is unchanged.');
  });
});

describe('row status and divergence note', () => {
  it('marks a row verified with a note from the vocabulary', () => {
    const before = memoState();
    const result = applyOp(wholeDocument(before), {
      type: 'set-row-status',
      rowKey: 'r_6',
      status: 'verified',
      note: { kind: 'addition', text: 'the translator added [Israel]' },
    });
    expect(result.summary).toBe('Marked row T6 verified; note “Addition: the translator added [Israel]”');
    const after = applyChangeSet(before, result.changes, 2);
    expect(rowWithRef(after, 'T6')).toMatchObject({ status: 'verified', note: 'Addition: the translator added [Israel]' });
    expect(result.changes.closeSegments).toEqual([]);
  });

  it('clears a note, and refuses a change that changes nothing', () => {
    const state = edit(memoState(), {
      type: 'set-row-status',
      rowKey: 'r_6',
      status: 'verified',
      note: { kind: 'omission', text: '' },
    });
    const cleared = applyOp(wholeDocument(state), { type: 'set-row-status', rowKey: 'r_6', status: 'verified', note: null });
    expect(cleared.summary).toBe('Row T6: note cleared');
    const error = refusal(state, { type: 'set-row-status', rowKey: 'r_6', status: 'verified', note: { kind: 'omission', text: '' } });
    expect(error.code).toBe('no-change');
    expect(error.message).toBe('Row T6 already has status verified and this note.');
  });
});

describe('operation schema', () => {
  it('rejects malformed operations with the field at fault', () => {
    const bad = editOpSchema.safeParse({ type: 'split-segment', segmentKey: 's_en_5', offsets: [] });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]).toMatchObject({ path: ['offsets'], message: 'name at least one position' });
    const unknown = editOpSchema.safeParse({ type: 'delete-everything' });
    expect(unknown.success).toBe(false);
    const empty = editOpSchema.safeParse({ type: 'correct-text', segmentKey: 's', text: '   ' });
    expect(empty.error!.issues[0]).toMatchObject({ path: ['text'], message: 'is empty' });
  });
});

/**
 * Undo, revert and the history queries on a real database: both undo and
 * revert are new revisions (nothing is deleted), undo refuses when someone
 * changed the passage since, revert reproduces the revision exactly.
 */
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEdit } from '@/db/edits/apply-edit';
import { lastUndoableRevision, revertTo, undoLastEdit } from '@/db/edits/history-edits';
import { getAlignmentState } from '@/db/queries/alignment';
import { getRevision, getRevisionDiff, listRevisions } from '@/db/queries/revisions';
import { alignmentRows, segments } from '@/db/schema';
import { AlignmentError, ConflictError } from '@/lib/alignment/errors';
import type { AlignmentState } from '@/lib/alignment/types';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/databases';
import { expectConsistentHistory, refsOf, row, seedWithEditors, segmentKey, type EditFixture } from '../support/edit-fixtures';

const content = (s: AlignmentState) => ({
  rows: s.rows.map(({ revFrom: _r, ...row }) => row),
  segments: Object.values(s.segments)
    .map(({ revFrom: _r, ...seg }) => seg)
    .sort((a, b) => (a.key < b.key ? -1 : 1)),
});

describe.each(testDatabaseKinds)('undo, revert and history on %s', (kind) => {
  let database: TestDatabase;
  let f: EditFixture;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    f = await seedWithEditors(database.db);
  });
  afterAll(async () => database?.dispose());

  const state = (rev?: number) => getAlignmentState(database.db, f.documentId, rev ?? null);
  const versionCount = async () => {
    const [a] = await database.db.select({ n: count() }).from(segments).where(eq(segments.documentId, f.documentId));
    const [b] = await database.db.select({ n: count() }).from(alignmentRows).where(eq(alignmentRows.documentId, f.documentId));
    return Number(a!.n) + Number(b!.n);
  };

  it('undo restores the state before the editor’s last edit, as a new revision', async () => {
    const s1 = await state();
    await applyEdit(database.db, {
      documentId: f.documentId,
      baseRev: 1,
      userId: f.ada,
      op: { type: 'merge-rows', rowKey: row(s1, 'T4').key, nextRowKey: row(s1, 'T5').key },
    });
    const s2 = await state();
    await applyEdit(database.db, {
      documentId: f.documentId,
      baseRev: 2,
      userId: f.ada,
      op: { type: 'replace-placeholder', segmentKey: segmentKey(s2, 'T4', 'ru'), text: 'Положение серьёзное.' },
    });
    expect(await lastUndoableRevision(database.db, f.documentId, f.ada)).toEqual({
      rev: 3,
      summary: 'Replaced the placeholder of T4 (Russian) with text (20 characters)',
    });

    const versionsBefore = await versionCount();
    const undo = await undoLastEdit(database.db, { documentId: f.documentId, userId: f.ada, rev: 3 });
    expect(undo).toMatchObject({
      rev: 4,
      summary: 'Undid revision 3: Replaced the placeholder of T4 (Russian) with text (20 characters)',
    });
    expect(content(await state())).toEqual(content(s2));
    // Nothing was deleted: the undone text is still in revision 3, and versions only grew.
    expect((await state(3)).segments[segmentKey(s2, 'T4', 'ru')]!.text).toBe('Положение серьёзное.');
    expect(await versionCount()).toBeGreaterThan(versionsBefore);
  });

  it('undo again walks back to the edit before, then says there is nothing left', async () => {
    const s1 = await state(1);
    expect(await lastUndoableRevision(database.db, f.documentId, f.ada)).toMatchObject({ rev: 2 });
    const undo = await undoLastEdit(database.db, { documentId: f.documentId, userId: f.ada });
    expect(undo.summary).toBe('Undid revision 2: Merged rows T4 and T5');
    expect(content(await state())).toEqual(content(s1));
    await expect(undoLastEdit(database.db, { documentId: f.documentId, userId: f.ada })).rejects.toMatchObject({
      code: 'no-change',
      message: 'You have no edit on this document left to undo.',
    });
  });

  it('undo names the revision to undo and refuses a stale one', async () => {
    const s = await state();
    await applyEdit(database.db, {
      documentId: f.documentId,
      baseRev: s.rev,
      userId: f.bob,
      op: { type: 'set-row-status', rowKey: row(s, 'T2').key, status: 'verified', note: null },
    });
    const error = await undoLastEdit(database.db, { documentId: f.documentId, userId: f.bob, rev: s.rev - 1 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AlignmentError);
    expect(error).toMatchObject({
      code: 'bad-revision',
      message: `Your last edit that can be undone is revision ${s.rev + 1}, not ${s.rev - 1}; reload the page.`,
    });
  });

  it('undo is refused when someone else changed that passage since, and nothing is written', async () => {
    const s = await state();
    await applyEdit(database.db, {
      documentId: f.documentId,
      baseRev: s.rev,
      userId: f.ada,
      op: { type: 'merge-rows', rowKey: row(s, 'T8').key, nextRowKey: row(s, 'T9').key },
    });
    const s2 = await state();
    await applyEdit(database.db, {
      documentId: f.documentId,
      baseRev: s2.rev,
      userId: f.bob,
      op: { type: 'set-row-status', rowKey: row(s2, 'T8').key, status: 'verified', note: { kind: 'omission', text: '' } },
    });
    const before = await state();
    const error = (await undoLastEdit(database.db, { documentId: f.documentId, userId: f.ada }).catch(
      (e: unknown) => e,
    )) as ConflictError;
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toBe(
      `T8–T9 changed in revision ${before.rev} by Bob; your revision ${s2.rev} can no longer be undone. Reload to see the passage as it is now.`,
    );
    expect(error.details.rows.map((r) => r.status)).toEqual(['verified']);
    expect((await state()).rev).toBe(before.rev);
  });

  it('undo of an edit whose passage was changed and changed back is allowed (content, not versions, decides)', async () => {
    const s = await state();
    await applyEdit(database.db, {
      documentId: f.documentId,
      baseRev: s.rev,
      userId: f.ada,
      op: { type: 'correct-text', segmentKey: segmentKey(s, 'T10', 'en'), text: 'Goodbye.' },
    });
    const afterAda = await state();
    await applyEdit(database.db, {
      documentId: f.documentId,
      baseRev: afterAda.rev,
      userId: f.bob,
      op: { type: 'correct-text', segmentKey: segmentKey(s, 'T10', 'en'), text: 'Farewell.' },
    });
    await applyEdit(database.db, {
      documentId: f.documentId,
      baseRev: afterAda.rev + 1,
      userId: f.bob,
      op: { type: 'correct-text', segmentKey: segmentKey(s, 'T10', 'en'), text: 'Goodbye.' },
    });
    const undo = await undoLastEdit(database.db, { documentId: f.documentId, userId: f.ada });
    expect(undo.summary).toMatch(/^Undid revision \d+: Corrected the text of T10 \(English\)$/);
    expect((await state()).segments[segmentKey(s, 'T10', 'en')]!.text).toBe(s.segments[segmentKey(s, 'T10', 'en')]!.text);
  });

  it('revert to any revision reproduces it exactly, as a new revision', async () => {
    const current = await state();
    for (const target of [2, 1, current.rev - 1]) {
      const now = await state();
      const outcome = await revertTo(database.db, { documentId: f.documentId, userId: f.bob, baseRev: now.rev, toRev: target });
      expect(outcome.rev).toBe(now.rev + 1);
      expect(outcome.summary).toMatch(new RegExp(`^Reverted to revision ${target} \\(\\d+ rows?, \\d+ segments? restored\\)$`));
      expect(content(await state())).toEqual(content(await state(target)));
    }
  });

  it('revert is refused when the document moved on since the history was read, or for a revision that does not exist', async () => {
    const now = await state();
    await expect(
      revertTo(database.db, { documentId: f.documentId, userId: f.bob, baseRev: now.rev - 1, toRev: 1 }),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: `The document changed in revision ${now.rev} by Bob after the revision you were looking at (${now.rev - 1}); review the history and revert again.`,
    });
    await expect(
      revertTo(database.db, { documentId: f.documentId, userId: f.bob, baseRev: now.rev, toRev: now.rev + 3 }),
    ).rejects.toMatchObject({
      code: 'bad-revision',
      message: `There is no revision ${now.rev + 3} to revert to; the revisions are 1 to ${now.rev}.`,
    });
    await expect(
      revertTo(database.db, { documentId: f.documentId, userId: f.bob, baseRev: now.rev, toRev: now.rev }),
    ).rejects.toMatchObject({ code: 'no-change' });
    expect((await state()).rev).toBe(now.rev);
  });

  it('lists every revision with who, when and what, newest first, marking undone ones', async () => {
    const list = await listRevisions(database.db, f.documentId);
    const now = await state();
    expect(list.map((r) => r.rev)).toEqual(Array.from({ length: now.rev }, (_, i) => now.rev - i));
    const rev2 = list.find((r) => r.rev === 2)!;
    expect(rev2).toMatchObject({ author: 'Ada', summary: 'Merged rows T4 and T5', opType: 'merge-rows', undoneIn: 5 });
    expect(rev2.createdAt).toBeInstanceOf(Date);
    expect(list.find((r) => r.rev === 1)).toMatchObject({ author: 'Diptych (system)', opType: 'import', undoneIn: null });
    expect(list.find((r) => r.rev === 5)).toMatchObject({ opType: 'undo', summary: 'Undid revision 2: Merged rows T4 and T5' });
    const page = await listRevisions(database.db, f.documentId, { limit: 2, beforeRev: 4 });
    expect(page.map((r) => r.rev)).toEqual([3, 2]);
    expect(await getRevision(database.db, f.documentId, 2)).toMatchObject({ rev: 2, author: 'Ada', op: { type: 'merge-rows' } });
    expect(await getRevision(database.db, f.documentId, 999)).toBeNull();
  });

  it('diffs a revision against the previous one: which rows and which texts changed', async () => {
    const merge = await getRevisionDiff(database.db, f.documentId, 2);
    expect(merge.segments).toEqual([]);
    expect(merge.rows.map((r) => [r.change, r.before?.label ?? null, r.after?.label ?? null])).toEqual([
      ['changed', 'T4', 'T4–T5'],
      ['removed', 'T5', null],
    ]);
    const merged = merge.rows[0]!.after!.cells.find((c) => c.lang === 'en')!;
    expect(merged.segments.map((s) => s.ref)).toEqual(['T4', 'T5']);

    const text = await getRevisionDiff(database.db, f.documentId, 3);
    expect(text.rows).toEqual([]);
    expect(text.segments).toEqual([
      {
        key: expect.any(String),
        column: 'Russian',
        lang: 'ru',
        change: 'changed',
        before: { ref: 'T4', text: '', isPlaceholder: true },
        after: { ref: 'T4', text: 'Положение серьёзное.', isPlaceholder: false },
      },
    ]);
    expect(refsOf(await state(2))).toContain('T4 T5');
  });

  it('leaves a consistent history', async () => {
    await expectConsistentHistory(database.db, f.documentId);
  });
});

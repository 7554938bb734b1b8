/**
 * Bounded work per edit (issue 9, finding 4): the text limit holds for the
 * result of every operation (a merge of two long sentences included), and
 * one account may write only so many revisions a minute.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { applyEdit } from '@/db/edits/apply-edit';
import { undoLastEdit } from '@/db/edits/history-edits';
import { getAlignmentState } from '@/db/queries/alignment';
import { revisions } from '@/db/schema';
import { AlignmentError } from '@/lib/alignment/errors';
import { DomainError } from '@/lib/errors';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/databases';
import { seedWithEditors, segmentKey, type EditFixture } from '../support/edit-fixtures';

// Read by lib/env.ts when the modules above load: a small limit to reach in a test.
const WRITES_PER_MINUTE = vi.hoisted(() => {
  process.env.DIPTYCH_WRITES_PER_MINUTE = '6';
  return 6;
});

const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
};

describe.each(testDatabaseKinds)('edit limits on %s', (kind) => {
  let database: TestDatabase;
  let f: EditFixture;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    f = await seedWithEditors(database.db);
  });
  afterAll(async () => database?.dispose());

  const state = () => getAlignmentState(database.db, f.documentId);

  it('refuses a merge whose result is longer than 100,000 characters, naming the passage (too-long)', async () => {
    // Ada: T7 as two sentences of 60,000 characters each (3 writes, under her limit).
    const half = `${'word '.repeat(11_999)}end.`;
    let s = await state();
    const t7 = segmentKey(s, 'T7', 'en');
    await applyEdit(database.db, {
      documentId: f.documentId,
      baseRev: 1,
      userId: f.ada,
      op: { type: 'correct-text', segmentKey: t7, text: `${half} Second.` },
    });
    s = await state();
    await applyEdit(database.db, {
      documentId: f.documentId,
      baseRev: 2,
      userId: f.ada,
      op: { type: 'split-segment', segmentKey: t7, offsets: [half.length + 1] },
    });
    s = await state();
    const second = segmentKey(s, 'T7.2', 'en');
    await applyEdit(database.db, {
      documentId: f.documentId,
      baseRev: 3,
      userId: f.ada,
      op: { type: 'correct-text', segmentKey: second, text: half },
    });
    s = await state();
    expect(s.segments[segmentKey(s, 'T7.1', 'en')]!.text.length + s.segments[second]!.text.length).toBeGreaterThan(100_000);

    const error = await refusal(
      applyEdit(database.db, {
        documentId: f.documentId,
        baseRev: 4,
        userId: f.ada,
        op: { type: 'merge-segments', segmentKey: segmentKey(s, 'T7.1', 'en'), nextSegmentKey: second },
      }),
    );
    expect(error).toBeInstanceOf(AlignmentError);
    expect(error.code).toBe('too-long');
    expect(error.message).toBe(
      'T7 (English) would be 119,999 characters long; a segment may hold at most 100,000, so nothing was changed.',
    );
    const after = await state();
    expect(Object.values(after.segments).every((x) => x.text.length <= 100_000)).toBe(true);
    expect((await database.db.select().from(revisions).where(eq(revisions.documentId, f.documentId))).length).toBe(4);
  });

  it(`refuses an editor's write beyond ${WRITES_PER_MINUTE} a minute with a clear message, and writes nothing`, async () => {
    let rev = (await database.db.select().from(revisions).where(eq(revisions.documentId, f.documentId))).length;
    const s = await state();
    const t2 = segmentKey(s, 'T2', 'en');
    for (let i = 0; i < WRITES_PER_MINUTE; i++) {
      const outcome = await applyEdit(database.db, {
        documentId: f.documentId,
        baseRev: rev,
        userId: f.bob,
        op: { type: 'correct-text', segmentKey: t2, text: `Correction ${i}.` },
      });
      rev = outcome.rev;
    }
    const error = await refusal(
      applyEdit(database.db, {
        documentId: f.documentId,
        baseRev: rev,
        userId: f.bob,
        op: { type: 'correct-text', segmentKey: t2, text: 'One too many.' },
      }),
    );
    expect(error.code).toBe('rate-limited');
    expect(error.message).toBe(
      `Not saved: you have saved ${WRITES_PER_MINUTE} changes in the last minute, the most one editor may make. Wait a minute, then save again.`,
    );
    // Undo counts as a write too; another editor is not held back.
    expect((await refusal(undoLastEdit(database.db, { documentId: f.documentId, userId: f.bob }))).code).toBe('rate-limited');
    expect((await state()).segments[t2]!.text).toBe(`Correction ${WRITES_PER_MINUTE - 1}.`);
    const other = await applyEdit(database.db, {
      documentId: f.documentId,
      baseRev: rev,
      userId: f.ada,
      op: { type: 'correct-text', segmentKey: t2, text: 'Ada is free to edit.' },
    });
    expect(other.rev).toBe(rev + 1);
  });
});

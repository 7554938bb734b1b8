/**
 * A stale draft never overwrites (issue 9, finding 2): a text correction names
 * the segment version it was typed over, and is refused when that segment
 * changed since, even when the form's page (its baseRev) was reloaded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEdit } from '@/db/edits/apply-edit';
import { getAlignmentState } from '@/db/queries/alignment';
import { AlignmentError, ConflictError } from '@/lib/alignment/errors';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/databases';
import { seedWithEditors, segmentKey, type EditFixture } from '../support/edit-fixtures';

describe.each(testDatabaseKinds)('stale drafts on %s', (kind) => {
  let database: TestDatabase;
  let f: EditFixture;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    f = await seedWithEditors(database.db);
  });
  afterAll(async () => database?.dispose());

  it('refuses a draft typed over an older version of the segment even against the newest revision, then saves it once merged', async () => {
    const s = await getAlignmentState(database.db, f.documentId);
    const t7 = segmentKey(s, 'T7', 'en');
    const original = s.segments[t7]!;
    expect(original.revFrom).toBe(1);
    const ada = await applyEdit(database.db, {
      documentId: f.documentId,
      baseRev: 1,
      userId: f.ada,
      op: { type: 'correct-text', segmentKey: t7, segmentRev: 1, text: `${original.text} (Ada)` },
    });

    // Bob pressed Reload (baseRev is now Ada's revision) but his textarea still holds the draft typed over revision 1.
    const error = await applyEdit(database.db, {
      documentId: f.documentId,
      baseRev: ada.rev,
      userId: f.bob,
      op: { type: 'correct-text', segmentKey: t7, segmentRev: 1, text: `${original.text} (Bob)` },
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConflictError);
    const conflict = error as ConflictError;
    expect(conflict.message).toBe(
      'T7 changed in revision 2 by Ada; your text is kept: compare it with the current text, merge them and save again.',
    );
    const current = conflict.details.rows.flatMap((r) => r.cells.flatMap((c) => c.segments)).find((x) => x.key === t7);
    expect(current).toMatchObject({ text: `${original.text} (Ada)`, rev: 2 });
    expect((await getAlignmentState(database.db, f.documentId)).segments[t7]!.text).toBe(`${original.text} (Ada)`);

    // Merged by hand and saved against the version he has now seen.
    const merged = await applyEdit(database.db, {
      documentId: f.documentId,
      baseRev: ada.rev,
      userId: f.bob,
      op: { type: 'correct-text', segmentKey: t7, segmentRev: 2, text: `${original.text} (Ada, Bob)` },
    });
    expect(merged.rev).toBe(3);
  });

  it('lets a draft through when the segment has a newer version with the same text (nothing unseen is replaced)', async () => {
    const s = await getAlignmentState(database.db, f.documentId);
    const t2 = segmentKey(s, 'T2', 'en');
    const original = s.segments[t2]!;
    const typedOver = original.revFrom;
    const changed = await applyEdit(database.db, {
      documentId: f.documentId,
      baseRev: 3,
      userId: f.ada,
      op: { type: 'correct-text', segmentKey: t2, segmentRev: typedOver, text: 'A passing change.' },
    });
    const back = await applyEdit(database.db, {
      documentId: f.documentId,
      baseRev: changed.rev,
      userId: f.ada,
      op: { type: 'correct-text', segmentKey: t2, segmentRev: changed.rev, text: original.text },
    });
    const bob = await applyEdit(database.db, {
      documentId: f.documentId,
      baseRev: back.rev,
      userId: f.bob,
      op: { type: 'correct-text', segmentKey: t2, segmentRev: typedOver, text: `${original.text} (Bob)` },
    });
    expect(bob.rev).toBe(back.rev + 1);
  });

  it('refuses a segment version that does not exist', async () => {
    const s = await getAlignmentState(database.db, f.documentId);
    const t2 = segmentKey(s, 'T2', 'en');
    const error = await applyEdit(database.db, {
      documentId: f.documentId,
      baseRev: 6,
      userId: f.ada,
      op: { type: 'correct-text', segmentKey: t2, segmentRev: 99, text: 'Whatever.' },
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AlignmentError);
    expect((error as AlignmentError).code).toBe('bad-revision');
  });
});

/**
 * applyEdit against a real database (PGlite, and the PostgreSQL server when
 * DATABASE_URL is set): every operation writes one revision and only what
 * it changes; conflicts are caught per passage and lose nothing.
 */
import { and, eq, or } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEdit } from '@/db/edits/apply-edit';
import { getAlignmentState } from '@/db/queries/alignment';
import { getDocumentBySlug } from '@/db/queries/documents';
import { alignmentRows, revisions, segments } from '@/db/schema';
import { AlignmentError, ConflictError } from '@/lib/alignment/errors';
import { witnessTexts } from '@/lib/alignment/invariants';
import { segmentRef } from '@/lib/alignment/types';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/databases';
import {
  expectConsistentHistory,
  refsOf,
  row,
  seedWithEditors,
  segmentKey,
  SLUG,
  witnessIds,
  type EditFixture,
} from '../support/edit-fixtures';

describe.each(testDatabaseKinds)('applyEdit on %s', (kind) => {
  let database: TestDatabase;
  let f: EditFixture;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    f = await seedWithEditors(database.db);
  });
  afterAll(async () => database?.dispose());

  const state = () => getAlignmentState(database.db, f.documentId);

  it('merges two rows as revision 2, writing only those rows', async () => {
    const s = await state();
    const outcome = await applyEdit(database.db, {
      documentId: f.documentId,
      baseRev: 1,
      userId: f.ada,
      op: { type: 'merge-rows', rowKey: row(s, 'T4').key, nextRowKey: row(s, 'T5').key },
    });
    expect(outcome).toEqual({ rev: 2, summary: 'Merged rows T4 and T5', written: { rows: 2, segments: 0 } });
    const after = await state();
    expect(after.rev).toBe(2);
    expect(refsOf(after)).toEqual(['T1', 'T2', 'T3', 'T4 T5', 'T6', 'T7', 'T8', 'T9', 'T10']);
    expect((await getDocumentBySlug(database.db, SLUG))!.currentRev).toBe(2);
    const [rev2] = await database.db
      .select()
      .from(revisions)
      .where(and(eq(revisions.documentId, f.documentId), eq(revisions.rev, 2)));
    expect(rev2).toMatchObject({ userId: f.ada, summary: 'Merged rows T4 and T5', op: { type: 'merge-rows' } });
    // The state before is still there, exactly.
    expect(refsOf(await getAlignmentState(database.db, f.documentId, 1))).toEqual([
      'T1',
      'T2',
      'T3',
      'T4',
      'T5',
      'T6',
      'T7',
      'T8',
      'T9',
      'T10',
    ]);
  });

  it('splits the row again, splits a turn into sentences and merges two of them back', async () => {
    let s = await state();
    const { ru, en } = witnessIds(s);
    await applyEdit(database.db, {
      documentId: f.documentId,
      baseRev: s.rev,
      userId: f.ada,
      op: {
        type: 'split-row',
        rowKey: row(s, 'T4').key,
        starts: [
          { witnessId: en, segmentKey: segmentKey(s, 'T5', 'en') },
          { witnessId: ru, segmentKey: segmentKey(s, 'T5', 'ru') },
        ],
      },
    });
    s = await state();
    expect(refsOf(s)).toEqual(['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'T10']);
    const textsBefore = witnessTexts(s);

    const t5 = segmentKey(s, 'T5', 'en');
    const outcome = await applyEdit(database.db, {
      documentId: f.documentId,
      baseRev: s.rev,
      userId: f.bob,
      op: { type: 'split-segment', segmentKey: t5, offsets: [s.segments[t5]!.text.indexOf('Events are')] },
    });
    expect(outcome.summary).toBe('Split T5 (English) into 2 segments (T5.1–T5.2)');
    s = await state();
    expect(refsOf(s)[4]).toBe('T5.1 T5.2');
    expect(witnessTexts(s)).toEqual(textsBefore);
    expect(s.segments[segmentKey(s, 'T5.2', 'en')]!.text).toMatch(/^Events are entering a new phase\./);

    await applyEdit(database.db, {
      documentId: f.documentId,
      baseRev: s.rev,
      userId: f.bob,
      op: { type: 'merge-segments', segmentKey: segmentKey(s, 'T5.1', 'en'), nextSegmentKey: segmentKey(s, 'T5.2', 'en') },
    });
    s = await state();
    expect(refsOf(s)[4]).toBe('T5');
    expect(witnessTexts(s)).toEqual(textsBefore);
  });

  it('replaces a placeholder, corrects text, moves a boundary and marks a row verified', async () => {
    let s = await state();
    const { ru } = witnessIds(s);
    const placeholder = segmentKey(s, 'T4', 'ru');
    await applyEdit(database.db, {
      documentId: f.documentId,
      baseRev: s.rev,
      userId: f.ada,
      op: { type: 'replace-placeholder', segmentKey: placeholder, text: 'Положение серьёзное.' },
    });
    s = await state();
    expect(s.segments[placeholder]).toMatchObject({ text: 'Положение серьёзное.', isPlaceholder: false, turnNo: 4 });

    await applyEdit(database.db, {
      documentId: f.documentId,
      baseRev: s.rev,
      userId: f.ada,
      op: { type: 'correct-text', segmentKey: placeholder, text: 'Положение очень серьёзное.' },
    });
    await applyEdit(database.db, {
      documentId: f.documentId,
      baseRev: s.rev + 1,
      userId: f.ada,
      op: { type: 'move-boundary', rowKey: row(s, 'T4').key, witnessId: ru, direction: 'down' },
    });
    s = await state();
    expect(row(s, 'T4').members[ru] ?? []).toEqual([]);
    expect(row(s, 'T5').members[ru]).toEqual([placeholder, segmentKey(s, 'T5', 'ru')]);

    const outcome = await applyEdit(database.db, {
      documentId: f.documentId,
      baseRev: s.rev,
      userId: f.bob,
      op: {
        type: 'set-row-status',
        rowKey: row(s, 'T4').key,
        status: 'verified',
        note: { kind: 'omission', text: 'the Russian of T4 is read with T5' },
      },
    });
    expect(outcome.summary).toBe('Marked row T4 verified; note “Omission: the Russian of T4 is read with T5”');
    expect(row(await state(), 'T4')).toMatchObject({ status: 'verified', note: 'Omission: the Russian of T4 is read with T5' });
  });

  it('refuses an invalid edit with the specific message and writes nothing', async () => {
    const s = await state();
    const { ru } = witnessIds(s);
    const before = await countVersions(database, f.documentId);
    const error = await applyEdit(database.db, {
      documentId: f.documentId,
      baseRev: s.rev,
      userId: f.ada,
      op: { type: 'move-boundary', rowKey: row(s, 'T4').key, witnessId: ru, direction: 'up' },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlignmentError);
    expect(error).toMatchObject({ code: 'no-segment', message: 'Row T4 has no segment in the Russian column to move.' });
    const cross = await applyEdit(database.db, {
      documentId: f.documentId,
      baseRev: s.rev,
      userId: f.ada,
      op: { type: 'merge-segments', segmentKey: segmentKey(s, 'T4', 'ru'), nextSegmentKey: segmentKey(s, 'T5', 'ru') },
    }).catch((e: unknown) => e);
    expect(cross).toMatchObject({ code: 'cross-turn' });
    expect(await countVersions(database, f.documentId)).toEqual(before);
    expect((await state()).rev).toBe(s.rev);
  });

  it('refuses a base revision from the future and keys that never existed', async () => {
    const s = await state();
    await expect(
      applyEdit(database.db, {
        documentId: f.documentId,
        baseRev: s.rev + 5,
        userId: f.ada,
        op: { type: 'merge-rows', rowKey: row(s, 'T1').key, nextRowKey: row(s, 'T2').key },
      }),
    ).rejects.toMatchObject({ code: 'bad-revision' });
    await expect(
      applyEdit(database.db, {
        documentId: f.documentId,
        baseRev: s.rev,
        userId: f.ada,
        op: { type: 'correct-text', segmentKey: 's_nope', text: 'x' },
      }),
    ).rejects.toMatchObject({ code: 'not-found' });
  });

  describe('two editors on the same base revision', () => {
    it('same passage: the first commits, the second gets a conflict naming the passage, and nothing is lost', async () => {
      const base = await state();
      const ada = applyEdit(database.db, {
        documentId: f.documentId,
        baseRev: base.rev,
        userId: f.ada,
        op: { type: 'merge-rows', rowKey: row(base, 'T6').key, nextRowKey: row(base, 'T7').key },
      });
      const bob = applyEdit(database.db, {
        documentId: f.documentId,
        baseRev: base.rev,
        userId: f.bob,
        op: { type: 'set-row-status', rowKey: row(base, 'T6').key, status: 'verified', note: null },
      });
      const [a, b] = await Promise.allSettled([ada, bob]);
      // Whichever got the lock first wins; the other is refused with the passage as it is now.
      const won = a.status === 'fulfilled' ? 'Ada' : 'Bob';
      const lost = a.status === 'fulfilled' ? b : a;
      expect([a.status, b.status].sort()).toEqual(['fulfilled', 'rejected']);
      const error = (lost as PromiseRejectedResult).reason as ConflictError;
      expect(error).toBeInstanceOf(ConflictError);
      expect(error.code).toBe('conflict');
      const after = await state();
      expect(after.rev).toBe(base.rev + 1);
      // Either way the loser's edit touched T6–T7 (Ada's names both rows; Bob's row now holds both).
      expect(error.message).toBe(`T6–T7 changed in revision ${base.rev + 1} by ${won}; reload to see it.`);
      expect(error.details).toMatchObject({ currentRev: base.rev + 1, passage: 'T6–T7', changedInRev: base.rev + 1, changedBy: won });
      // The details show the passage as it is now: one merged row, or two rows with T6 verified.
      const shown = error.details.rows.map((r) => [
        r.status,
        r.cells
          .find((c) => c.lang === 'en')!
          .segments.map((x) => x.ref)
          .join(' '),
      ]);
      expect(shown).toEqual(
        won === 'Ada'
          ? [['unverified', 'T6 T7']]
          : [
              ['verified', 'T6'],
              ['auto', 'T7'],
            ],
      );
      // The winner's edit is there; the loser's is not half-applied.
      if (won === 'Ada') expect(refsOf(after)).toContain('T6 T7');
      else expect(row(after, 'T6').status).toBe('verified');
      // Retrying on the new revision works: nothing is lost.
      const retry =
        won === 'Ada'
          ? { type: 'set-row-status' as const, rowKey: row(after, 'T6').key, status: 'verified' as const, note: null }
          : { type: 'merge-rows' as const, rowKey: row(after, 'T6').key, nextRowKey: row(after, 'T7').key };
      await applyEdit(database.db, { documentId: f.documentId, baseRev: after.rev, userId: won === 'Ada' ? f.bob : f.ada, op: retry });
      const final = await state();
      expect(refsOf(final)).toContain('T6 T7');
      expect(row(final, 'T7').status).toBe(won === 'Ada' ? 'verified' : 'unverified');
    });

    it('a neighbouring row changed by someone else is a conflict too (the edit would rewrite it)', async () => {
      const base = await state();
      const { en } = witnessIds(base);
      await applyEdit(database.db, {
        documentId: f.documentId,
        baseRev: base.rev,
        userId: f.bob,
        op: { type: 'set-row-status', rowKey: row(base, 'T9').key, status: 'verified', note: null },
      });
      const error = await applyEdit(database.db, {
        documentId: f.documentId,
        baseRev: base.rev,
        userId: f.ada,
        op: { type: 'move-boundary', rowKey: row(base, 'T8').key, witnessId: en, direction: 'down' },
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as ConflictError).message).toBe(`T8–T9 changed in revision ${base.rev + 1} by Bob; reload to see it.`);
    });

    it('a row merged away since is a conflict that shows where its text is now', async () => {
      const base = await state();
      await applyEdit(database.db, {
        documentId: f.documentId,
        baseRev: base.rev,
        userId: f.bob,
        op: { type: 'merge-rows', rowKey: row(base, 'T2').key, nextRowKey: row(base, 'T3').key },
      });
      const error = (await applyEdit(database.db, {
        documentId: f.documentId,
        baseRev: base.rev,
        userId: f.ada,
        op: { type: 'set-row-status', rowKey: row(base, 'T3').key, status: 'verified', note: null },
      }).catch((e: unknown) => e)) as ConflictError;
      expect(error).toBeInstanceOf(ConflictError);
      expect(error.message).toBe(`T2–T3 changed in revision ${base.rev + 1} by Bob; reload to see it.`);
    });

    it('different passages: both commit, even though the document moved on', async () => {
      const base = await state();
      await applyEdit(database.db, {
        documentId: f.documentId,
        baseRev: base.rev,
        userId: f.ada,
        op: { type: 'replace-placeholder', segmentKey: segmentKey(base, 'T1', 'ru'), text: 'Доброе утро, господин Президент.' },
      });
      const outcome = await applyEdit(database.db, {
        documentId: f.documentId,
        baseRev: base.rev,
        userId: f.bob,
        op: { type: 'correct-text', segmentKey: segmentKey(base, 'T10', 'en'), text: 'Goodbye, Mikhail.' },
      });
      expect(outcome.rev).toBe(base.rev + 2);
      const after = await state();
      expect(after.segments[segmentKey(after, 'T1', 'ru')]!.text).toBe('Доброе утро, господин Президент.');
      expect(after.segments[segmentKey(after, 'T10', 'en')]!.text).toBe('Goodbye, Mikhail.');
    });
  });

  it('leaves a consistent history: every revision renders a sound state', async () => {
    const last = await expectConsistentHistory(database.db, f.documentId);
    expect(last).toBeGreaterThan(10);
    // Translation turn refs are the same at every revision.
    for (let rev = 1; rev <= last; rev++) {
      const s = await getAlignmentState(database.db, f.documentId, rev);
      const { en } = witnessIds(s);
      const turns = new Set(
        Object.values(s.segments)
          .filter((x) => x.witnessId === en)
          .map((x) => segmentRef(x).split('.')[0]),
      );
      expect([...turns].sort()).toEqual(['T1', 'T10', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9']);
    }
  });
});

async function countVersions(database: TestDatabase, documentId: number) {
  const rows = await database.db.select({ id: alignmentRows.id }).from(alignmentRows).where(eq(alignmentRows.documentId, documentId));
  const segs = await database.db
    .select({ id: segments.id })
    .from(segments)
    .where(or(eq(segments.documentId, documentId)));
  return { rows: rows.length, segments: segs.length };
}

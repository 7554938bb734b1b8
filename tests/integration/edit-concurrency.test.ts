/**
 * Many editors at once, on parallel connections (a pool of 10 on the
 * PostgreSQL server; PGlite, one connection, serializes them): revision
 * numbers stay contiguous, every revision is sound, and on one passage
 * exactly one of many simultaneous edits wins.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEdit } from '@/db/edits/apply-edit';
import { getAlignmentState } from '@/db/queries/alignment';
import { users } from '@/db/schema';
import { ConflictError } from '@/lib/alignment/errors';
import type { EditOp } from '@/lib/alignment/op-schema';
import { rowRefs } from '@/lib/alignment/row-refs';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/databases';
import { expectConsistentHistory, row, segmentKey, witnessIds } from '../support/edit-fixtures';
import { createLargeDocument } from '../support/large-document';

describe.each(testDatabaseKinds)('concurrent edits on %s', (kind) => {
  let database: TestDatabase;
  let documentId: number;
  let editors: number[];
  beforeAll(async () => {
    database = await createTestDatabase(kind, { max: 10 });
    const created = await database.db
      .insert(users)
      .values(
        Array.from({ length: 5 }, (_, i) => ({ email: `editor${i}@concurrency.test`, name: `Editor ${i}`, role: 'editor' as const })),
      )
      .returning({ id: users.id });
    editors = created.map((u) => u.id);
    documentId = await createLargeDocument(database.db, { slug: 'concurrency', turns: 210, userId: editors[0]! });
  });
  afterAll(async () => database?.dispose());

  it('50 edits of different passages, all made against revision 1, all commit as revisions 2..51', async () => {
    const base = await getAlignmentState(database.db, documentId);
    const { ru } = witnessIds(base);
    // Passage i is turns 4i+1 and 4i+2: no two edits touch the same or neighbouring rows.
    const ops: EditOp[] = Array.from({ length: 50 }, (_, i) => {
      const t = 4 * i + 1;
      const key = (ref: string, lang: 'en' | 'ru') => segmentKey(base, ref, lang);
      switch (i % 6) {
        case 0:
          return { type: 'merge-rows', rowKey: row(base, `T${t}`).key, nextRowKey: row(base, `T${t + 1}`).key };
        case 1:
          return { type: 'replace-placeholder', segmentKey: key(`T${t}`, 'ru'), text: `Текст реплики ${t}.` };
        case 2:
          return { type: 'split-segment', segmentKey: key(`T${t}`, 'en'), offsets: [`Turn ${t} opens here. `.length] };
        case 3:
          return { type: 'move-boundary', rowKey: row(base, `T${t}`).key, witnessId: ru, direction: 'down' };
        case 4:
          return {
            type: 'set-row-status',
            rowKey: row(base, `T${t + 1}`).key,
            status: 'verified',
            note: { kind: 'softening', text: `turn ${t + 1}` },
          };
        default:
          return { type: 'correct-text', segmentKey: key(`T${t + 1}`, 'en'), text: `Turn ${t + 1}, corrected.` };
      }
    });
    const results = await Promise.allSettled(
      ops.map((op, i) => applyEdit(database.db, { documentId, baseRev: 1, userId: editors[i % editors.length]!, op })),
    );
    const failures = results.flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : []));
    expect(failures).toEqual([]);
    const revs = results.map((r) => (r as PromiseFulfilledResult<{ rev: number }>).value.rev).sort((a, b) => a - b);
    expect(revs).toEqual(Array.from({ length: 50 }, (_, i) => i + 2));

    const after = await getAlignmentState(database.db, documentId);
    expect(after.rev).toBe(51);
    expect(rowRefs(row(after, 'T1'), after)).toEqual(['T1', 'T2']);
    expect(after.segments[segmentKey(after, 'T5', 'ru')]!.text).toBe('Текст реплики 5.');
    expect(rowRefs(row(after, 'T9.1'), after)).toEqual(['T9.1', 'T9.2']);
    expect(row(after, 'T14').members[ru]).toHaveLength(2);
    expect(row(after, 'T18')).toMatchObject({ status: 'verified', note: 'Softening: turn 18' });
    expect(after.segments[segmentKey(after, 'T22', 'en')]!.text).toBe('Turn 22, corrected.');
    await expectConsistentHistory(database.db, documentId);
  });

  it('20 simultaneous edits of one passage: exactly one commits, the others get a conflict', async () => {
    const base = await getAlignmentState(database.db, documentId);
    const target = row(base, 'T201');
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        applyEdit(database.db, {
          documentId,
          baseRev: base.rev,
          userId: editors[i % editors.length]!,
          op: {
            type: 'set-row-status',
            rowKey: target.key,
            status: i % 2 ? 'verified' : 'unverified',
            note: { kind: 'other', text: `editor ${i}` },
          },
        }),
      ),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const conflicts = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    expect(won).toHaveLength(1);
    expect(conflicts).toHaveLength(19);
    for (const c of conflicts) {
      expect(c).toBeInstanceOf(ConflictError);
      expect((c as ConflictError).message).toMatch(
        new RegExp(`^T201 changed in revision ${base.rev + 1} by Editor \\d; reload to see it\\.$`),
      );
    }
    const after = await getAlignmentState(database.db, documentId);
    expect(after.rev).toBe(base.rev + 1);
    const winner = (won[0] as PromiseFulfilledResult<{ rev: number }>).value;
    expect(winner.rev).toBe(base.rev + 1);
    await expectConsistentHistory(database.db, documentId);
  });
});

import { and, count, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAlignmentState } from '@/db/queries/alignment';
import { getDocumentBySlug, listDocuments } from '@/db/queries/documents';
import { alignmentRows, documents, revisions, segments, users } from '@/db/schema';
import { seedDatabase } from '@/db/seed';
import { segmentRef } from '@/lib/alignment/types';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/databases';

const SLUG = 'gorbachev-mitterrand-1991-01-18';

describe.each(testDatabaseKinds)('foundation on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    console.info(`[integration] foundation suite running on ${kind}`);
  });
  afterAll(async () => database?.dispose());

  it('applies every migration (all tables exist)', async () => {
    const result = await database.db.execute<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    const rows = (Array.isArray(result) ? result : (result as { rows: { table_name: string }[] }).rows) as { table_name: string }[];
    expect(rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining(['alignment_members', 'alignment_rows', 'documents', 'revisions', 'segments', 'users', 'witnesses']),
    );
  });

  it('seeds the memo as 10 aligned turns at revision 1', async () => {
    const result = await seedDatabase(database.db);
    expect(result.created).toEqual([SLUG]);

    const doc = await getDocumentBySlug(database.db, SLUG);
    expect(doc).toMatchObject({
      date: '1991-01-18',
      isExcerpt: true,
      currentRev: 1,
      archiveRef: 'Archive of the Gorbachev Foundation, Fond 1, opis 1',
      translator: 'Svetlana Savranskaya',
      publisher: 'National Security Archive',
      participants: ['Mikhail Gorbachev', 'Francois Mitterrand'],
    });

    const state = await getAlignmentState(database.db, doc!.id);
    expect(state.rev).toBe(1);
    expect(state.rows).toHaveLength(10);
    const [source, translation] = state.witnesses;
    expect(source).toMatchObject({ role: 'source', lang: 'ru', isPlaceholderWitness: true });
    expect(translation).toMatchObject({ role: 'translation', lang: 'en' });

    state.rows.forEach((row, i) => {
      expect(row.status).toBe('auto');
      const en = state.segments[row.members[translation!.id]![0]!]!;
      const ru = state.segments[row.members[source!.id]![0]!]!;
      expect(segmentRef(en)).toBe(`T${i + 1}`);
      expect(en.isPlaceholder).toBe(false);
      expect(ru.isPlaceholder).toBe(true);
      expect(ru.text).toBe('');
      expect(ru.speaker).toBe(en.speaker === 'Gorbachev' ? 'Горбачев' : 'Миттеран');
    });
    const t5 = state.segments[state.rows[4]!.members[translation!.id]![0]!]!;
    expect(t5.text.split('\n\n')).toHaveLength(2);
    expect(t5.text).toContain('mainly Arab [soldiers].');

    const [rev1] = await database.db.select().from(revisions).where(eq(revisions.documentId, doc!.id));
    const [system] = await database.db.select().from(users).where(eq(users.id, rev1!.userId));
    expect(system!.role).toBe('system');
    expect(system!.passwordHash).toBeNull();
  });

  it('changes nothing when seeded again', async () => {
    const before = await tableCounts(database);
    const result = await seedDatabase(database.db);
    expect(result).toEqual({ created: [], existing: [SLUG] });
    expect(await tableCounts(database)).toEqual(before);
    expect(await listDocuments(database.db)).toHaveLength(1);
  });

  it('renders the state at any revision from versioned rows', async () => {
    const doc = (await getDocumentBySlug(database.db, SLUG))!;
    const before = await getAlignmentState(database.db, doc.id);
    const sourceWitness = before.witnesses.find((w) => w.role === 'source')!;
    const placeholderKey = before.rows[0]!.members[sourceWitness.id]![0]!;
    const old = before.segments[placeholderKey]!;

    // Revision 2, written as every edit is: close the old version, insert the new one.
    await database.db.transaction(async (tx) => {
      await tx.update(documents).set({ currentRev: 2 }).where(eq(documents.id, doc.id));
      await tx
        .insert(revisions)
        .values({ documentId: doc.id, rev: 2, userId: await firstUserId(tx), op: { type: 'test' }, summary: 'test' });
      await tx
        .update(segments)
        .set({ revTo: 2 })
        .where(and(eq(segments.key, placeholderKey), isNull(segments.revTo)));
      await tx.insert(segments).values({
        ...old,
        documentId: doc.id,
        text: 'Доброе утро, господин Президент.',
        isPlaceholder: false,
        revFrom: 2,
      });
    });

    const current = await getAlignmentState(database.db, doc.id);
    const atRev1 = await getAlignmentState(database.db, doc.id, 1);
    expect(current.rev).toBe(2);
    expect(current.segments[placeholderKey]).toMatchObject({
      text: 'Доброе утро, господин Президент.',
      isPlaceholder: false,
      revFrom: 2,
    });
    expect(atRev1.rev).toBe(1);
    expect(atRev1.segments[placeholderKey]).toEqual(old);
    expect(atRev1.rows).toEqual(before.rows);
    // The first version still exists, closed at 2: nothing was overwritten.
    const versions = await database.db.select().from(segments).where(eq(segments.key, placeholderKey));
    expect(versions.map((v) => [v.revFrom, v.revTo])).toEqual(
      expect.arrayContaining([
        [1, 2],
        [2, null],
      ]),
    );
  });

  it('answers "current" and "at revision r" with index scans', async () => {
    // With sequential scans priced out, the plan shows which index serves each query.
    const plans = await database.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const current = await tx.execute(
        sql`explain select key from alignment_rows where document_id = 1 and rev_to is null order by order_key`,
      );
      const atRev = await tx.execute(
        sql`explain select key from segments where document_id = 1 and rev_from <= 3 and (rev_to is null or rev_to > 3)`,
      );
      return { current: JSON.stringify(current), atRev: JSON.stringify(atRev) };
    });
    expect(plans.current).toContain('alignment_rows_current_order_key');
    expect(plans.atRev).toContain('segments_doc_rev_idx');
  });
});

async function firstUserId(db: TestDatabase['db']): Promise<number> {
  const [u] = await db.select({ id: users.id }).from(users).limit(1);
  return u!.id;
}

async function tableCounts(database: TestDatabase) {
  const [d] = await database.db.select({ n: count() }).from(documents);
  const [s] = await database.db.select({ n: count() }).from(segments);
  const [r] = await database.db.select({ n: count() }).from(alignmentRows);
  const [v] = await database.db.select({ n: count() }).from(revisions);
  const [u] = await database.db.select({ n: count() }).from(users);
  return { documents: d!.n, segments: s!.n, rows: r!.n, revisions: v!.n, users: u!.n };
}

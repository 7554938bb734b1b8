/**
 * Guarantee 2: an edit costs the same on a 10-turn memo and a 20,000-turn
 * book. On a generated document of 20,000 rows, each kind of edit (and undo,
 * and revert) writes only the rows and segments it changes, counted in the
 * database as the versions the new revision created or closed; and reads
 * only a few hundred tuples (PostgreSQL's own statistics count them), never
 * the document.
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEdit } from '@/db/edits/apply-edit';
import { revertTo, undoLastEdit } from '@/db/edits/history-edits';
import { getAlignmentState } from '@/db/queries/alignment';
import { alignmentRows, segments, users } from '@/db/schema';
import type { EditOp } from '@/lib/alignment/op-schema';
import type { Db } from '@/db/connect';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/databases';
import { createLargeDocument } from '../support/large-document';
import { tuplesRead } from '../support/tuple-stats';

const TURNS = 20_000;
/** Tuples an edit may read from the content tables; reading the document would be 20,000 or more. */
const READ_BUDGET = 500;

/** Versions revision `rev` wrote: created (rev_from = rev) or closed (rev_to = rev). */
async function versionsWritten(db: Db, documentId: number, rev: number) {
  const count = async (table: typeof segments | typeof alignmentRows) => {
    const [created] = await db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(table)
      .where(and(eq(table.documentId, documentId), eq(table.revFrom, rev)));
    const [closed] = await db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(table)
      .where(and(eq(table.documentId, documentId), eq(table.revTo, rev)));
    return { created: created!.n, closed: closed!.n };
  };
  return { rows: await count(alignmentRows), segments: await count(segments) };
}

describe.each(testDatabaseKinds)('a 20,000-row document on %s', (kind) => {
  let database: TestDatabase;
  let documentId: number;
  let userId: number;
  let rev = 1;
  beforeAll(async () => {
    // One connection: statistics are flushed per connection, so the edit and the count must share it.
    database = await createTestDatabase(kind, { max: 1 });
    const [user] = await database.db
      .insert(users)
      .values({ email: 'scale@example.test', name: 'Scale', role: 'editor' })
      .returning({ id: users.id });
    userId = user!.id;
    // No ANALYZE: a freshly imported document has no statistics (and PGlite has no autovacuum),
    // the case where a careless query plan walks the whole document.
    documentId = await createLargeDocument(database.db, { slug: 'twenty-thousand', turns: TURNS, userId });
  }, 300_000);
  afterAll(async () => database?.dispose());

  const k = (n: number, lang: 'en' | 'ru') => `s_${documentId}_${lang}_${n}`;
  const r = (n: number) => `r_${documentId}_${n}`;

  async function edit(op: EditOp) {
    const before = await tuplesRead(database.db);
    const outcome = await applyEdit(database.db, { documentId, baseRev: rev, userId, op });
    // Reads are bounded too: a scan of any of these tables (20,000+ rows) would show here.
    expect((await tuplesRead(database.db)) - before).toBeLessThan(READ_BUDGET);
    rev = outcome.rev;
    return versionsWritten(database.db, documentId, rev);
  }

  it('has 20,000 rows', async () => {
    const [{ n }] = (await database.db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(alignmentRows)
      .where(and(eq(alignmentRows.documentId, documentId), sql`${alignmentRows.revTo} is null`))) as [{ n: number }];
    expect(n).toBe(TURNS);
  });

  it('counts reads: reading the document shows as 20,000 tuples or more', async () => {
    const before = await tuplesRead(database.db);
    await getAlignmentState(database.db, documentId);
    expect((await tuplesRead(database.db)) - before).toBeGreaterThanOrEqual(TURNS);
  });

  it('merging two rows in the middle writes 3 row versions and no segment', async () => {
    expect(await edit({ type: 'merge-rows', rowKey: r(10_000), nextRowKey: r(10_001) })).toEqual({
      rows: { created: 1, closed: 2 },
      segments: { created: 0, closed: 0 },
    });
  });

  it('splitting a row writes the row and the new one', async () => {
    const ru = (await getWitnessIds(database.db, documentId)).ru;
    expect(await edit({ type: 'split-row', rowKey: r(10_000), starts: [{ witnessId: ru, segmentKey: k(10_001, 'ru') }] })).toEqual({
      rows: { created: 2, closed: 1 },
      segments: { created: 0, closed: 0 },
    });
  });

  it('splitting a turn into sentences writes that turn and its row', async () => {
    expect(await edit({ type: 'split-segment', segmentKey: k(15_000, 'en'), offsets: ['Turn 15000 opens here. '.length] })).toEqual({
      rows: { created: 1, closed: 1 },
      segments: { created: 2, closed: 1 },
    });
  });

  it('replacing a placeholder near the end writes one segment version', async () => {
    expect(await edit({ type: 'replace-placeholder', segmentKey: k(19_999, 'ru'), text: 'Последняя реплика.' })).toEqual({
      rows: { created: 0, closed: 0 },
      segments: { created: 1, closed: 1 },
    });
  });

  it('moving a boundary at the very start writes the two rows', async () => {
    const en = (await getWitnessIds(database.db, documentId)).en;
    expect(await edit({ type: 'move-boundary', rowKey: r(1), witnessId: en, direction: 'down' })).toEqual({
      rows: { created: 2, closed: 2 },
      segments: { created: 0, closed: 0 },
    });
  });

  it('undo writes back only what the undone edit changed', async () => {
    const before = await tuplesRead(database.db);
    const outcome = await undoLastEdit(database.db, { documentId, userId });
    expect((await tuplesRead(database.db)) - before).toBeLessThan(READ_BUDGET);
    rev = outcome.rev;
    expect(await versionsWritten(database.db, documentId, rev)).toEqual({
      rows: { created: 2, closed: 2 },
      segments: { created: 0, closed: 0 },
    });
  });

  it('revert to revision 1 writes only what changed since, and reproduces revision 1', async () => {
    const before = await tuplesRead(database.db);
    const outcome = await revertTo(database.db, { documentId, userId, baseRev: rev, toRev: 1 });
    expect((await tuplesRead(database.db)) - before).toBeLessThan(READ_BUDGET);
    rev = outcome.rev;
    // Rows: 10000 rewritten, 10001 back, the row the split made closed, 15000 rewritten. Rows 1–2 were
    // moved and moved back by the undo: their content is already as at revision 1, so they are not touched.
    // Segments: turn 15000 back to one segment (its second sentence closed), the placeholder of 19999 back.
    expect(await versionsWritten(database.db, documentId, rev)).toEqual({
      rows: { created: 3, closed: 3 },
      segments: { created: 2, closed: 3 },
    });
    const [now, first] = await Promise.all([
      getAlignmentState(database.db, documentId),
      getAlignmentState(database.db, documentId, 1),
    ]);
    const strip = (s: typeof now) => ({
      rows: s.rows.map(({ revFrom: _r, ...row }) => row),
      segments: Object.values(s.segments)
        .map(({ revFrom: _r, ...seg }) => seg)
        .sort((a, b) => (a.key < b.key ? -1 : 1)),
    });
    expect(strip(now)).toEqual(strip(first));
  });
});

async function getWitnessIds(db: Db, documentId: number) {
  const rows = await db.execute<{ id: number; lang: string }>(sql`select id, lang from witnesses where document_id = ${documentId}`);
  const list = (Array.isArray(rows) ? rows : (rows as { rows: { id: number; lang: string }[] }).rows) as {
    id: number;
    lang: string;
  }[];
  return { ru: list.find((w) => w.lang === 'ru')!.id, en: list.find((w) => w.lang === 'en')!.id };
}

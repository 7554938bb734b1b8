/**
 * Importing a book: more turns than one INSERT can carry (PostgreSQL takes at
 * most 65,535 parameters: about 3,640 turns in one statement) go in chunks,
 * with progress after each, and the tables are analyzed afterwards.
 */
import { rowsOf } from '@/db/queries/rows-of';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importMemoDocument } from '@/db/import-memo';
import { alignmentRows } from '@/db/schema';
import { ensureSystemUser } from '@/db/accounts/users';
import { parseMemo } from '@/lib/memo/parse';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/databases';
import { largeMemoText } from '../support/large-document';

// A book: 20,000 turns, about 7 MB (over the old 2 MiB cap, far over one INSERT's parameter limit).
const TURNS = 20_000;

describe.each(testDatabaseKinds)('importing a %s book', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => database?.dispose());

  it('stores all 20,000 turns in chunks, reports progress and analyzes the tables', { timeout: 300_000 }, async () => {
    const text = largeMemoText(TURNS);
    expect(Buffer.byteLength(text)).toBeGreaterThan(2 * 1024 * 1024);
    const memo = parseMemo(text);
    const progress: number[] = [];
    const { documentId, created } = await importMemoDocument(database.db, memo, {
      slug: 'book',
      translationLang: 'en',
      translationLabel: 'English translation',
      sourceLang: 'ru',
      sourceLabel: 'Russian original',
      userId: await ensureSystemUser(database.db),
      onProgress: (done) => progress.push(done),
    });
    expect(created).toBe(true);
    expect(progress).toEqual(Array.from({ length: 20 }, (_, i) => (i + 1) * 1_000));
    const [{ n }] = (await database.db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(alignmentRows)
      .where(and(eq(alignmentRows.documentId, documentId), isNull(alignmentRows.revTo)))) as [{ n: number }];
    expect(n).toBe(TURNS);
    // Every row has its two members (translation and placeholder), and the text arrives whole.
    const counted = await database.db.execute<{ members: number; last: string }>(sql`
      select (select count(*)::int from alignment_members m join alignment_rows r on r.id = m.row_version_id
               where r.document_id = ${documentId}) as members,
             (select text from segments where document_id = ${documentId} and turn_no = ${TURNS} and not is_placeholder) as last`);
    const [counts] = rowsOf<{ members: number; last: string }>(counted);
    expect(counts!.members).toBe(2 * TURNS);
    expect(counts!.last).toMatch(/^Turn 20000 of the generated book, .* in it\.$/);
    const analyzed = await database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from pg_stat_user_tables where relname = 'segments' and (last_analyze is not null or last_autoanalyze is not null)`,
    );
    const rows = (Array.isArray(analyzed) ? analyzed : (analyzed as { rows: { n: number }[] }).rows) as { n: number }[];
    expect(rows[0]!.n).toBe(1);
  });
});

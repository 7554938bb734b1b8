/**
 * Importing a book: more turns than one INSERT can carry (PostgreSQL takes at
 * most 65,535 parameters: about 3,640 turns in one statement) go in chunks,
 * with progress after each, and the tables are analyzed afterwards.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importMemoDocument } from '@/db/import-memo';
import { alignmentRows } from '@/db/schema';
import { ensureSystemUser } from '@/db/users';
import { parseMemo } from '@/lib/memo/parse';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/databases';

const TURNS = 4_500;

function bookMemo(turns: number): string {
  const body = Array.from({ length: turns }, (_, i) => `**${i % 2 ? 'Mitterrand' : 'Gorbachev'}**: Turn ${i + 1} of the book.`);
  return `## A conversation of ${turns} turns\n\n${body.join('\n\n')}\n`;
}

describe.each(testDatabaseKinds)('importing a %s book', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => database?.dispose());

  it('stores every turn in chunks, reports progress and analyzes the tables', async () => {
    const memo = parseMemo(bookMemo(TURNS));
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
    expect(progress).toEqual([1_000, 2_000, 3_000, 4_000, 4_500]);
    const [{ n }] = (await database.db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(alignmentRows)
      .where(and(eq(alignmentRows.documentId, documentId), isNull(alignmentRows.revTo)))) as [{ n: number }];
    expect(n).toBe(TURNS);
    const analyzed = await database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from pg_stat_user_tables where relname = 'segments' and (last_analyze is not null or last_autoanalyze is not null)`,
    );
    const rows = (Array.isArray(analyzed) ? analyzed : (analyzed as { rows: { n: number }[] }).rows) as { n: number }[];
    expect(rows[0]!.n).toBe(1);
  });
});

/**
 * Rows and index entries read so far from the content tables, from
 * PostgreSQL's cumulative statistics (flushed first, so the count includes
 * the last statement). Statistics are per connection until flushed: open
 * the test database with `max: 1` so the work and the count share one.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/connect';

export async function tuplesRead(db: Db): Promise<number> {
  await db.execute(sql`select pg_stat_force_next_flush()`);
  await db.execute(sql`select pg_stat_clear_snapshot()`);
  const result = await db.execute<{ n: string | number }>(sql`
    select (select coalesce(sum(seq_tup_read), 0) from pg_stat_user_tables
              where relname in ('segments', 'alignment_rows', 'alignment_members'))
         + (select coalesce(sum(idx_tup_read), 0) from pg_stat_user_indexes
              where relname in ('segments', 'alignment_rows', 'alignment_members')) as n`);
  const rows = (Array.isArray(result) ? result : (result as { rows: { n: string | number }[] }).rows) as { n: string | number }[];
  return Number(rows[0]!.n);
}

/** Tuples `work` reads from the content tables. */
export async function tuplesReadBy(db: Db, work: () => Promise<unknown>): Promise<number> {
  const before = await tuplesRead(db);
  await work();
  return (await tuplesRead(db)) - before;
}

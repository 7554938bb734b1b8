/**
 * Applies the drizzle-kit migrations in drizzle/. On a server, an advisory
 * lock keeps two app instances starting at once from migrating together.
 */
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import type { Database } from './connect';

const MIGRATION_LOCK = 7_240_113; // arbitrary, constant: Diptych's migration lock id

export const migrationsFolder = path.join(process.cwd(), 'drizzle');

export async function migrateDatabase({ db, kind, url }: Database): Promise<void> {
  if (kind === 'pglite' || !url) {
    // PGlite is one process's database; nothing else can migrate it concurrently.
    await migratePglite(db as never, { migrationsFolder });
    return;
  }
  // One connection, so the advisory lock and the migration share a session.
  const client = postgres(url, { max: 1, onnotice: () => {} });
  const single = drizzle({ client });
  try {
    await single.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK})`);
    await migratePostgres(single, { migrationsFolder });
    await single.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK})`);
  } finally {
    await client.end({ timeout: 5 });
  }
}

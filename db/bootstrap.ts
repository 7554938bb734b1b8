/**
 * Opens, migrates and (unless told not to) seeds the configured database.
 * Used by the server (db/index.ts) and by command-line scripts, which run
 * outside React Server Components and so cannot import db/index.ts.
 */
import { dataDir, env } from '@/lib/env';
import { connect, type Database } from './connect';
import { migrateDatabase } from './migrate';
import { seedDatabase } from './seed';

export async function openConfiguredDatabase(options: { seed?: boolean } = {}): Promise<Database> {
  const database = await connect(env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir });
  await migrateDatabase(database);
  if ((options.seed ?? true) && env.DIPTYCH_SKIP_SEED !== '1') await seedDatabase(database.db);
  return database;
}

/** Where the configured database lives, for messages. */
export function describeConfiguredDatabase(): string {
  return env.DATABASE_URL ? `PostgreSQL at ${new URL(env.DATABASE_URL).host}` : `embedded PGlite in ${dataDir}`;
}

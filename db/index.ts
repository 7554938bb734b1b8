/**
 * The app's database: opened once per process, migrated and seeded before the
 * first query. PostgreSQL when DATABASE_URL is set, embedded PGlite otherwise.
 */
import 'server-only';
import { dataDir, env } from '@/lib/env';
import { connect, type Database, type Db } from './connect';
import { migrateDatabase } from './migrate';
import { seedDatabase } from './seed';

// Kept on globalThis so development reloads reuse one PGlite instance
// (a second one on the same folder would corrupt it).
const holder = globalThis as unknown as { __diptychDatabase?: Promise<Database> };

async function open(): Promise<Database> {
  const database = await connect(env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir });
  await migrateDatabase(database);
  if (env.DIPTYCH_SKIP_SEED !== '1') await seedDatabase(database.db);
  return database;
}

export function getDatabase(): Promise<Database> {
  holder.__diptychDatabase ??= open().catch((error: unknown) => {
    // Let the next request try again (e.g. the server came back).
    holder.__diptychDatabase = undefined;
    throw error;
  });
  return holder.__diptychDatabase;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

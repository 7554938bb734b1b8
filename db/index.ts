/**
 * The app's database: opened once per process, migrated and seeded before the
 * first query. PostgreSQL when DATABASE_URL is set, embedded PGlite otherwise.
 */
import 'server-only';
import { openConfiguredDatabase } from './bootstrap';
import type { Database, Db } from './connect';

// Kept on globalThis so development reloads reuse one PGlite instance
// (a second one on the same folder would corrupt it).
const holder = globalThis as unknown as { __diptychDatabase?: Promise<Database> };

export function getDatabase(): Promise<Database> {
  holder.__diptychDatabase ??= openConfiguredDatabase().catch((error: unknown) => {
    // Let the next request try again (e.g. the server came back).
    holder.__diptychDatabase = undefined;
    throw error;
  });
  return holder.__diptychDatabase;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

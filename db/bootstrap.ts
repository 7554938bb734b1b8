/**
 * Opens, migrates and (unless told not to) seeds the configured database.
 * Used by the server (db/index.ts) and by command-line scripts, which run
 * outside React Server Components and so cannot import db/index.ts.
 */
import { dataDir, env } from '@/lib/env';
import { connect, type Database } from './connect';
import { migrateDatabase } from './migrate';
import { DatabaseInUseError } from './owner-lock';
import { seedDatabase } from './seed';

export async function openConfiguredDatabase(options: { seed?: boolean } = {}): Promise<Database> {
  const database = await connect(env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir });
  try {
    await migrateDatabase(database);
    if ((options.seed ?? true) && env.DIPTYCH_SKIP_SEED !== '1') await seedDatabase(database.db);
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
  return database;
}

/**
 * For command-line scripts: as openConfiguredDatabase, but a folder another
 * process owns ends the command with the one-line message and exit code 1
 * (no stack trace), before anything is read or written.
 */
export async function openDatabaseForCommand(options: { seed?: boolean } = {}): Promise<Database> {
  try {
    return await openConfiguredDatabase(options);
  } catch (error) {
    exitIfDatabaseInUse(error);
    throw error;
  }
}

export function exitIfDatabaseInUse(error: unknown): void {
  if (error instanceof DatabaseInUseError) {
    console.error(error.message);
    process.exit(1);
  }
}

/** Where the configured database lives, for messages. */
export function describeConfiguredDatabase(): string {
  return env.DATABASE_URL ? `PostgreSQL at ${new URL(env.DATABASE_URL).host}` : `embedded PGlite in ${dataDir}`;
}

/**
 * Throwaway, migrated databases for integration tests: an in-memory PGlite
 * always, and a fresh database on the PostgreSQL server when DATABASE_URL is
 * set. Suites loop over `testDatabaseKinds` so each runs on both.
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { connect, type Database, type DatabaseKind } from '@/db/connect';
import { migrateDatabase } from '@/db/migrate';

const serverUrl = process.env.DATABASE_URL || undefined;

export const testDatabaseKinds: DatabaseKind[] = serverUrl ? ['pglite', 'postgres'] : ['pglite'];

export interface TestDatabase extends Database {
  /** Closes and, on the server, drops the database. */
  dispose(): Promise<void>;
}

export async function createTestDatabase(kind: DatabaseKind, options: { max?: number } = {}): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const database = await connect({});
    await migrateDatabase(database);
    return { ...database, dispose: () => database.close() };
  }
  if (!serverUrl) throw new Error('DATABASE_URL is not set: no PostgreSQL server to test against');
  const name = `diptych_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await connect({ url: url.toString(), max: options.max ?? 10 });
  await migrateDatabase(database);
  return {
    ...database,
    async dispose() {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

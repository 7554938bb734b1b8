/**
 * Opens a database: PostgreSQL through postgres.js when a URL is given, the
 * embedded PGlite otherwise. Both give the same Drizzle API over the same
 * schema, so nothing above this file knows which one it runs on.
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { acquireOwnerLock } from './owner-lock';
import { RECONNECT_OPTIONS } from './reconnect';
import * as schema from './schema';

export type Schema = typeof schema;
/** A database or a transaction: query functions accept either. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type DatabaseKind = 'postgres' | 'pglite';

export interface Database {
  db: Db;
  kind: DatabaseKind;
  /** The server URL, for work that needs its own connection (migrations). */
  url?: string;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** postgres:// URL; when absent, PGlite is used. */
  url?: string;
  /** PGlite folder, owned by this process while open (db/owner-lock.ts); absent means in memory (tests). */
  dataDir?: string;
  /** postgres.js pool size. */
  max?: number;
}

export async function connect(options: ConnectOptions): Promise<Database> {
  if (options.url) {
    const client = postgres(options.url, {
      max: options.max ?? 10,
      ...RECONNECT_OPTIONS,
      onnotice: () => {},
      // Keep timestamps as JS Dates and bigint counts as numbers where Drizzle expects them.
      types: { bigint: postgres.BigInt },
    });
    return {
      db: drizzlePostgres({ client, schema }) as unknown as Db,
      kind: 'postgres',
      url: options.url,
      close: () => client.end({ timeout: 5 }),
    };
  }
  if (!options.dataDir) {
    const client = new PGlite();
    await client.waitReady;
    return { db: drizzlePglite({ client, schema }) as unknown as Db, kind: 'pglite', close: () => client.close() };
  }
  mkdirSync(options.dataDir, { recursive: true });
  // A folder has one owner: a second process would silently destroy the first one's writes (db/owner-lock.ts).
  const lock = acquireOwnerLock(options.dataDir);
  let client: PGlite;
  try {
    client = new PGlite(options.dataDir);
    await client.waitReady;
  } catch (error) {
    lock.release();
    throw error;
  }
  return {
    db: drizzlePglite({ client, schema }) as unknown as Db,
    kind: 'pglite',
    close: async () => {
      try {
        await client.close();
      } finally {
        lock.release();
      }
    },
  };
}

// `npm run db:reset`: delete the embedded database folder, or drop every table
// of the PostgreSQL database, then migrate and seed afresh. Asks for --yes.
import { mkdirSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describeConfiguredDatabase, exitIfDatabaseInUse, openDatabaseForCommand } from '@/db/bootstrap';
import { connect } from '@/db/connect';
import { acquireOwnerLock, OWNER_LOCK_FILE } from '@/db/owner-lock';
import { dataDir, env } from '@/lib/env';

if (!process.argv.includes('--yes')) {
  console.error(`This deletes every document and edit in ${describeConfiguredDatabase()}. Run again with --yes.`);
  process.exit(1);
}
if (env.DATABASE_URL) {
  const database = await connect({ url: env.DATABASE_URL, max: 1 });
  await database.db.execute(sql`drop schema if exists public cascade`);
  await database.db.execute(sql`drop schema if exists drizzle cascade`);
  await database.db.execute(sql`create schema public`);
  await database.close();
} else {
  // Never delete a folder the app (or another command) has open: take its owner lock first, and empty it under the lock.
  mkdirSync(dataDir, { recursive: true });
  let lock;
  try {
    lock = acquireOwnerLock(dataDir);
  } catch (error) {
    exitIfDatabaseInUse(error);
    throw error;
  }
  for (const entry of await readdir(dataDir)) {
    if (entry !== OWNER_LOCK_FILE) await rm(path.join(dataDir, entry), { recursive: true, force: true });
  }
  lock.release();
}
const database = await openDatabaseForCommand();
await database.close();
console.log(`Reset ${describeConfiguredDatabase()}: migrated and seeded.`);

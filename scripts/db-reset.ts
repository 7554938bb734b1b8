// `npm run db:reset`: delete the embedded database folder, or drop every table
// of the PostgreSQL database, then migrate and seed afresh. Asks for --yes.
import { rm } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { describeConfiguredDatabase, openConfiguredDatabase } from '@/db/bootstrap';
import { connect } from '@/db/connect';
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
  await rm(dataDir, { recursive: true, force: true });
}
const database = await openConfiguredDatabase();
await database.close();
console.log(`Reset ${describeConfiguredDatabase()}: migrated and seeded.`);

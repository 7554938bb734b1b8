// `npm run db:migrate`: apply the migrations in drizzle/ to the configured database.
import { describeConfiguredDatabase, openConfiguredDatabase } from '@/db/bootstrap';

const database = await openConfiguredDatabase({ seed: false });
await database.close();
console.log(`Migrated ${describeConfiguredDatabase()}.`);

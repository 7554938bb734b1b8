// `npm run db:migrate`: apply the migrations in drizzle/ to the configured database.
import { describeConfiguredDatabase, openDatabaseForCommand } from '@/db/bootstrap';

const database = await openDatabaseForCommand({ seed: false });
await database.close();
console.log(`Migrated ${describeConfiguredDatabase()}.`);

// `npm run db:seed`: load the bundled documents (db/seed/*.md); existing ones are left as they are.
import { describeConfiguredDatabase, openDatabaseForCommand } from '@/db/bootstrap';
import { seedDatabase } from '@/db/seed';

const database = await openDatabaseForCommand({ seed: false });
try {
  const { created, existing } = await seedDatabase(database.db);
  console.log(`Seeded ${describeConfiguredDatabase()}: ${created.length} created, ${existing.length} already present.`);
  for (const slug of created) console.log(`  + ${slug}`);
} finally {
  await database.close();
}

// Adds the generated 20,000-turn document the long-document browser test reads
// (tests/e2e/long-document.spec.ts) to the configured database, unless present.
// Run by scripts/e2e-server.mjs before the server opens the database.
import { eq } from 'drizzle-orm';
import { openDatabaseForCommand } from '@/db/bootstrap';
import { documents } from '@/db/schema';
import { ensureSystemUser } from '@/db/accounts/users';
import { E2E_LARGE_SLUG, E2E_LARGE_TURNS } from '../tests/e2e/fixtures/large-document';
import { createLargeDocument } from '../tests/support/large-document';

const database = await openDatabaseForCommand();
try {
  const [existing] = await database.db.select({ id: documents.id }).from(documents).where(eq(documents.slug, E2E_LARGE_SLUG));
  if (!existing) {
    await createLargeDocument(database.db, {
      slug: E2E_LARGE_SLUG,
      turns: E2E_LARGE_TURNS,
      userId: await ensureSystemUser(database.db),
    });
    await database.db.execute('analyze');
  }
} finally {
  await database.close();
}

import { defineConfig } from 'drizzle-kit';

// Generates SQL migrations into drizzle/ from db/schema.ts. The app applies
// them itself at start-up (db/migrate.ts), on PGlite and on PostgreSQL alike.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema.ts',
  out: './drizzle',
});

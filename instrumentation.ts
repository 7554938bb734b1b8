/**
 * Runs once when the server starts: migrate and seed before serving, so the
 * first reader never waits on (or races) a migration. An embedded database
 * folder another process holds ends the server at once with the holder's name.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getDatabase } = await import('./db');
  try {
    await getDatabase();
  } catch (error) {
    // Another process owns the embedded database's folder: serving would destroy its writes or ours (db/owner-lock.ts).
    if ((error as { code?: unknown }).code === 'database_in_use') {
      console.error((error as Error).message);
      process.exit(1);
    }
    // The pages answer 503 until the database is reachable; log why once here.
    console.error('Diptych: database not ready at start-up:', error);
  }
}

/**
 * Runs once when the server starts: migrate and seed before serving, so the
 * first reader never waits on (or races) a migration.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getDatabase } = await import('./db');
  try {
    await getDatabase();
  } catch (error) {
    // The pages answer 503 until the database is reachable; log why once here.
    console.error('Diptych: database not ready at start-up:', error);
  }
}

import { sql } from 'drizzle-orm';
import { getDatabase } from '@/db';

export const dynamic = 'force-dynamic';

/** Liveness and readiness: 200 once the database is migrated and answers. */
export async function GET() {
  try {
    const { db, kind } = await getDatabase();
    await db.execute(sql`select 1`);
    return Response.json({ status: 'ok', database: kind });
  } catch {
    return Response.json({ status: 'unavailable', error: 'The database is not reachable.' }, { status: 503 });
  }
}

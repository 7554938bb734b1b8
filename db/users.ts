import { sql } from 'drizzle-orm';
import type { Db } from './connect';
import { users } from './schema';

export const SYSTEM_USER_EMAIL = 'system@diptych.invalid';

/** The user that imports and seeds are recorded under; it cannot sign in (no password). */
export async function ensureSystemUser(db: Db): Promise<number> {
  await db
    .insert(users)
    .values({ email: SYSTEM_USER_EMAIL, name: 'Diptych (system)', role: 'system', passwordHash: null })
    .onConflictDoNothing();
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${SYSTEM_USER_EMAIL}`);
  return row!.id;
}

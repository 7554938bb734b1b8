import { and, desc, eq, gt, inArray, lte, or, sql } from 'drizzle-orm';
import { emailSubject, pairSubjectPrefix } from '@/lib/auth/rate-limit';
import type { Db } from '../connect';
import { signInAttempts } from '../schema';

/** The most recent failures of a subject within a window, newest first (at most `limit`). */
export async function getRecentFailures(db: Db, subject: string, since: Date, limit: number): Promise<Date[]> {
  const rows = await db
    .select({ at: signInAttempts.attemptedAt })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.subject, subject), gt(signInAttempts.attemptedAt, since)))
    .orderBy(desc(signInAttempts.attemptedAt))
    .limit(limit);
  return rows.map((r) => r.at);
}

export async function recordFailures(db: Db, subjects: string[], at: Date): Promise<void> {
  if (subjects.length === 0) return;
  await db.insert(signInAttempts).values(subjects.map((subject) => ({ subject, attemptedAt: at })));
}

/** Forget a subject's failures (after a successful sign-in), or only those older than `before` (pruning). */
export async function deleteFailures(db: Db, subjects: string[], before?: Date): Promise<void> {
  if (subjects.length === 0) return;
  const bySubject = inArray(signInAttempts.subject, subjects);
  await db.delete(signInAttempts).where(before ? and(bySubject, lte(signInAttempts.attemptedAt, before)) : bySubject);
}

/** Lifts every sign-in lock on an account: its account-wide failures and those of each address against it. */
export async function unlockSignIn(db: Db, email: string): Promise<void> {
  const prefix = pairSubjectPrefix(email);
  await db
    .delete(signInAttempts)
    .where(or(eq(signInAttempts.subject, emailSubject(email)), sql`left(${signInAttempts.subject}, ${prefix.length}) = ${prefix}`));
}

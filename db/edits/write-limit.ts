/**
 * The per-editor write limit: at most DIPTYCH_WRITES_PER_MINUTE revisions by
 * one account in any minute, across documents and app instances, counted in
 * PostgreSQL like the sign-in limit (revisions_user_created_idx). It bounds
 * how fast one account (or a stolen session) can grow the database.
 * Checked inside the edit's transaction, under a per-account advisory lock,
 * so parallel edits by one account cannot all pass the same count.
 */
import { and, count, eq, gt, sql } from 'drizzle-orm';
import { DomainError } from '@/lib/errors';
import { env } from '@/lib/env';
import type { Db } from '../connect';
import { revisions } from '../schema';

// First key of the two-key advisory lock: names this lock among the app's advisory locks.
const WRITE_LIMIT_LOCK = 9_001;

export class WriteLimitError extends DomainError {
  constructor(limit: number) {
    super(
      'rate-limited',
      `Not saved: you have saved ${limit} changes in the last minute, the most one editor may make. Wait a minute, then save again.`,
      { limit },
    );
  }
}

export async function checkWriteLimit(db: Db, userId: number, limit = env.DIPTYCH_WRITES_PER_MINUTE): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(${WRITE_LIMIT_LOCK}::int, ${userId}::int)`);
  const [row] = await db
    .select({ n: count() })
    .from(revisions)
    .where(and(eq(revisions.userId, userId), gt(revisions.createdAt, sql`now() - interval '1 minute'`)));
  if ((row?.n ?? 0) >= limit) throw new WriteLimitError(limit);
}

/**
 * Checks an email + password, with the failed-attempt limits. Used by the
 * Credentials provider (auth.ts), so every way into sign-in — the form's
 * server action and a direct POST to /api/auth/callback/credentials — is
 * limited alike.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../connect';
import { getRecentFailures, deleteFailures, recordFailures } from '../queries/sign-in-attempts';
import { getSignInCandidateByEmail, type ActiveUser } from './users';
import { verifyAgainstDecoy, verifyPassword } from '@/lib/auth/password';
import {
  decideSignIn,
  defaultRateLimitPolicy,
  emailSubject,
  ipSubject,
  pairSubject,
  WRONG_CREDENTIALS_MESSAGE,
  type RateLimitPolicy,
  type RateLimitSubject,
} from '@/lib/auth/rate-limit';

const ATTEMPT_LOCK_NAMESPACE = 7_240_114; // arbitrary, constant: sign-in attempt locks

export type AuthenticateResult =
  | { ok: true; user: ActiveUser & { sessionVersion: number } }
  | { ok: false; reason: 'rate-limited'; minutes: number; message: string }
  | { ok: false; reason: 'invalid'; message: string };

/**
 * A 31-bit FNV-1a hash of a subject, the second key of its advisory lock. Computed here, not by hashtext(),
 * so the locks can be taken in one fixed order (ascending) and two attempts never wait on each other in a cycle.
 */
function lockKey(subject: string): number {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(subject)) h = Math.imul(h ^ byte, 0x01000193) >>> 0;
  return h & 0x7fffffff;
}

export async function authenticate(
  db: Db,
  input: { email: string; password: string; address: string },
  options: { now?: Date; policy?: RateLimitPolicy } = {},
): Promise<AuthenticateResult> {
  const now = options.now ?? new Date();
  const policy = options.policy ?? defaultRateLimitPolicy;
  const email = input.email.trim().toLowerCase();
  const counted = {
    ip: ipSubject(input.address),
    ...(email ? { pair: pairSubject(email, input.address), account: emailSubject(email) } : {}),
  } satisfies Partial<Record<RateLimitSubject, string>>;
  const subjects = Object.values(counted);

  // One transaction per attempt, serialized per account and per address by advisory locks (always taken in
  // ascending key order), so parallel guesses at one account or from one address cannot slip under a limit.
  return db.transaction(async (tx) => {
    const keys = [...new Set([counted.ip, ...(email ? [emailSubject(email)] : [])].map(lockKey))].sort((a, b) => a - b);
    for (const key of keys) await tx.execute(sql`select pg_advisory_xact_lock(${ATTEMPT_LOCK_NAMESPACE}, ${key})`);
    const failures: Partial<Record<RateLimitSubject, Date[]>> = {};
    for (const [kind, subject] of Object.entries(counted) as [RateLimitSubject, string][]) {
      const rule = policy[kind];
      failures[kind] = await getRecentFailures(tx, subject, new Date(now.getTime() - rule.windowMs), rule.limit);
    }
    const decision = decideSignIn({ failures, now }, policy);
    if (!decision.allowed) return { ok: false, reason: 'rate-limited', minutes: decision.minutes, message: decision.message };

    const candidate = email ? await getSignInCandidateByEmail(tx, email) : null;
    const matches = candidate?.passwordHash
      ? await verifyPassword(candidate.passwordHash, input.password)
      : await verifyAgainstDecoy(input.password);
    if (!candidate || !matches || candidate.disabled || candidate.role === 'system') {
      await recordFailures(tx, subjects, now);
      // Keep the table small: what is older than the longest window no longer counts.
      const oldest = new Date(now.getTime() - Math.max(...Object.values(policy).map((rule) => rule.windowMs)));
      await deleteFailures(tx, subjects, oldest);
      return { ok: false, reason: 'invalid', message: WRONG_CREDENTIALS_MESSAGE };
    }
    // A success ends this address's run of failures at the account; the account-wide ceiling and the
    // address's count stay (the owner signing in does not prove the guessing elsewhere stopped).
    if (counted.pair) await deleteFailures(tx, [counted.pair]);
    return {
      ok: true,
      user: {
        id: candidate.id,
        email: candidate.email,
        name: candidate.name,
        role: candidate.role,
        sessionVersion: candidate.sessionVersion,
      },
    };
  });
}

/**
 * Checks an email + password, with the failed-attempt limits. Used by the
 * Credentials provider (auth.ts), so every way into sign-in — the form's
 * server action and a direct POST to /api/auth/callback/credentials — is
 * limited alike.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../connect';
import { getRecentFailures, deleteFailures, recordFailures } from '../queries/sign-in-attempts';
import { getSignInCandidateByEmail, type ActiveUser } from '../queries/users';
import { verifyAgainstDecoy, verifyPassword } from '@/lib/auth/password';
import {
  decideSignIn,
  defaultRateLimitPolicy,
  emailSubject,
  ipSubject,
  WRONG_CREDENTIALS_MESSAGE,
  type RateLimitPolicy,
} from '@/lib/auth/rate-limit';

const ATTEMPT_LOCK_NAMESPACE = 7_240_114; // arbitrary, constant: sign-in attempt locks

export type AuthenticateResult =
  | { ok: true; user: ActiveUser }
  | { ok: false; reason: 'rate-limited'; minutes: number; message: string }
  | { ok: false; reason: 'invalid'; message: string };

export async function authenticate(
  db: Db,
  input: { email: string; password: string; address: string },
  options: { now?: Date; policy?: RateLimitPolicy } = {},
): Promise<AuthenticateResult> {
  const now = options.now ?? new Date();
  const policy = options.policy ?? defaultRateLimitPolicy;
  const email = input.email.trim().toLowerCase();
  const subjects = [...(email ? [emailSubject(email)] : []), ipSubject(input.address)];

  // One transaction per attempt, serialized per email by an advisory lock, so
  // parallel guesses at one account cannot all slip under the limit.
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${ATTEMPT_LOCK_NAMESPACE}, hashtext(${subjects[0]!}))`);
    const [emailFailures, ipFailures] = await Promise.all([
      email ? getRecentFailures(tx, emailSubject(email), new Date(now.getTime() - policy.email.windowMs), policy.email.limit) : [],
      getRecentFailures(tx, ipSubject(input.address), new Date(now.getTime() - policy.ip.windowMs), policy.ip.limit),
    ]);
    const decision = decideSignIn({ emailFailures, ipFailures, now }, policy);
    if (!decision.allowed) return { ok: false, reason: 'rate-limited', minutes: decision.minutes, message: decision.message };

    const candidate = email ? await getSignInCandidateByEmail(tx, email) : null;
    const matches = candidate?.passwordHash
      ? await verifyPassword(candidate.passwordHash, input.password)
      : await verifyAgainstDecoy(input.password);
    if (!candidate || !matches || candidate.disabled || candidate.role === 'system') {
      await recordFailures(tx, subjects, now);
      // Keep the table small: what is older than the longest window no longer counts.
      const oldest = new Date(now.getTime() - Math.max(policy.email.windowMs, policy.ip.windowMs));
      await deleteFailures(tx, subjects, oldest);
      return { ok: false, reason: 'invalid', message: WRONG_CREDENTIALS_MESSAGE };
    }
    // A success ends the account's run of failures (the address's stay counted).
    if (email) await deleteFailures(tx, [emailSubject(email)]);
    return {
      ok: true,
      user: { id: candidate.id, email: candidate.email, name: candidate.name, role: candidate.role },
    };
  });
}

/**
 * Failed sign-ins are limited per account (email) and per client address
 * over a sliding window. This is the decision alone; the attempts are
 * counted in the database (db/queries/sign-in-attempts.ts) so the limit holds
 * across app instances.
 */

export interface RateLimitRule {
  /** Failures allowed within the window; the next attempt is refused. */
  limit: number;
  windowMs: number;
}

export interface RateLimitPolicy {
  email: RateLimitRule;
  ip: RateLimitRule;
}

export const defaultRateLimitPolicy: RateLimitPolicy = {
  email: { limit: 5, windowMs: 15 * 60_000 },
  ip: { limit: 20, windowMs: 15 * 60_000 },
};

export type RateLimitDecision =
  { allowed: true } | { allowed: false; subject: 'email' | 'ip'; retryAt: Date; minutes: number; message: string };

export function emailSubject(email: string): string {
  return `email:${email.trim().toLowerCase()}`;
}

export function ipSubject(address: string): string {
  return `ip:${address}`;
}

/**
 * When the failures seen so far block a subject, the moment they stop doing
 * so: the window is sliding, so it is when the limit-th most recent failure
 * falls out of it. Null when not blocked.
 */
export function blockedUntil(failures: readonly Date[], rule: RateLimitRule, now: Date): Date | null {
  const recent = failures
    .map((d) => d.getTime())
    .filter((t) => t > now.getTime() - rule.windowMs && t <= now.getTime())
    .sort((a, b) => b - a);
  if (recent.length < rule.limit) return null;
  return new Date(recent[rule.limit - 1]! + rule.windowMs);
}

export function decideSignIn(
  input: { emailFailures: readonly Date[]; ipFailures: readonly Date[]; now: Date },
  policy: RateLimitPolicy = defaultRateLimitPolicy,
): RateLimitDecision {
  const byEmail = blockedUntil(input.emailFailures, policy.email, input.now);
  const byIp = blockedUntil(input.ipFailures, policy.ip, input.now);
  if (!byEmail && !byIp) return { allowed: true };
  // Both may block; the later one is when signing in works again.
  const subject = byEmail && (!byIp || byEmail >= byIp) ? 'email' : 'ip';
  const retryAt = (subject === 'email' ? byEmail : byIp)!;
  const minutes = Math.max(1, Math.ceil((retryAt.getTime() - input.now.getTime()) / 60_000));
  return { allowed: false, subject, retryAt, minutes, message: tooManyMessage(minutes) };
}

export function tooManyMessage(minutes: number): string {
  return `Too many failed sign-ins; try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
}

/** The one message for any failed sign-in: it never says whether the email or the password was wrong. */
export const WRONG_CREDENTIALS_MESSAGE = 'Email or password is incorrect.';

/**
 * The client's address from X-Forwarded-For. The right-most entry is the one
 * the nearest proxy saw (earlier entries are whatever the client sent);
 * without a proxy, Next sets the header to the socket address when absent.
 */
export function clientAddress(forwardedFor: string | null, realIp: string | null): string {
  const hops = (forwardedFor ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  return hops.at(-1) ?? realIp?.trim() ?? 'unknown';
}

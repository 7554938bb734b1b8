/**
 * Failed sign-ins are limited over sliding windows, three ways (docs/auth.md):
 * - per account and address (`pair`): 5 failures lock that pair for 15 minutes,
 *   so a stranger guessing at a named account does not lock its owner out on another address;
 * - per address (`ip`): 20 failures across all accounts in 15 minutes;
 * - per account from all addresses (`account`): a slower ceiling of 50 in an hour
 *   against guessing spread over many addresses.
 * This is the decision alone; the attempts are counted in the database
 * (db/queries/sign-in-attempts.ts) so the limits hold across app instances.
 */

export interface RateLimitRule {
  /** Failures allowed within the window; the next attempt is refused. */
  limit: number;
  windowMs: number;
}

export type RateLimitSubject = 'pair' | 'ip' | 'account';

export type RateLimitPolicy = Record<RateLimitSubject, RateLimitRule>;

export const defaultRateLimitPolicy: RateLimitPolicy = {
  pair: { limit: 5, windowMs: 15 * 60_000 },
  ip: { limit: 20, windowMs: 15 * 60_000 },
  account: { limit: 50, windowMs: 60 * 60_000 },
};

export type RateLimitDecision =
  { allowed: true } | { allowed: false; subject: RateLimitSubject; retryAt: Date; minutes: number; message: string };

export function emailSubject(email: string): string {
  return `email:${email.trim().toLowerCase()}`;
}

export function ipSubject(address: string): string {
  return `ip:${address}`;
}

/** The prefix every pair subject of one account starts with (unlocking an account clears them all). */
export function pairSubjectPrefix(email: string): string {
  return `pair:${email.trim().toLowerCase()}|`;
}

export function pairSubject(email: string, address: string): string {
  return `${pairSubjectPrefix(email)}${address}`;
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
  input: { failures: Partial<Record<RateLimitSubject, readonly Date[]>>; now: Date },
  policy: RateLimitPolicy = defaultRateLimitPolicy,
): RateLimitDecision {
  let latest: { subject: RateLimitSubject; retryAt: Date } | null = null;
  for (const subject of ['pair', 'ip', 'account'] as const) {
    const until = blockedUntil(input.failures[subject] ?? [], policy[subject], input.now);
    // Several may block; the latest is when signing in works again.
    if (until && (!latest || until > latest.retryAt)) latest = { subject, retryAt: until };
  }
  if (!latest) return { allowed: true };
  const minutes = Math.max(1, Math.ceil((latest.retryAt.getTime() - input.now.getTime()) / 60_000));
  return { allowed: false, ...latest, minutes, message: tooManyMessage(minutes) };
}

export function tooManyMessage(minutes: number): string {
  return `Too many failed sign-ins; try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
}

/** The one message for any failed sign-in: it never says whether the email or the password was wrong. */
export const WRONG_CREDENTIALS_MESSAGE = 'Email or password is incorrect.';

/** The request header scripts/serve.mjs stamps with the client's address (the socket's, or a trusted proxy's client). */
export const PEER_HEADER = 'x-diptych-peer';
/** With it, the per-process token that proves the server wrapper, not the client, set PEER_HEADER. */
export const PEER_TOKEN_HEADER = 'x-diptych-peer-token';

/**
 * The client's address, as the server wrapper (scripts/serve.mjs) saw it: never a client-chosen
 * X-Forwarded-For. Without the wrapper (`next dev`, a bare `next start`) every request counts as one
 * address, 'unknown': stricter, never looser.
 */
export function clientAddress(headers: { get(name: string): string | null }, token: string | undefined): string {
  const peer = headers.get(PEER_HEADER)?.trim();
  if (!token || !peer || headers.get(PEER_TOKEN_HEADER) !== token) return 'unknown';
  return peer;
}

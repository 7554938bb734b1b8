import { describe, expect, it } from 'vitest';
import { blockedUntil, clientAddress, decideSignIn, defaultRateLimitPolicy, emailSubject, ipSubject } from '@/lib/auth/rate-limit';

const now = new Date('2026-03-01T12:00:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
const secondsAgo = (s: number) => new Date(now.getTime() - s * 1000);

describe('sign-in rate limit decision', () => {
  it('allows sign-in below five failures per email in 15 minutes', () => {
    const emailFailures = [1, 2, 3, 4].map(minutesAgo);
    expect(decideSignIn({ emailFailures, ipFailures: emailFailures, now })).toEqual({ allowed: true });
  });

  it('refuses the sixth attempt and says when to come back', () => {
    const emailFailures = [0.5, 1, 2, 3, 4].map(minutesAgo);
    const decision = decideSignIn({ emailFailures, ipFailures: [], now });
    expect(decision).toMatchObject({
      allowed: false,
      subject: 'email',
      // The oldest of the five (4 minutes ago) leaves the window in 11 minutes.
      retryAt: new Date(minutesAgo(4).getTime() + 15 * 60_000),
      minutes: 11,
      message: 'Too many failed sign-ins; try again in 11 minutes.',
    });
  });

  it('forgets failures that left the 15-minute window (sliding, not fixed)', () => {
    const emailFailures = [15, 16, 30, 1, 2].map(minutesAgo);
    expect(decideSignIn({ emailFailures, ipFailures: [], now }).allowed).toBe(true);
    const justInside = [14.9, 1, 2, 3, 4].map(minutesAgo);
    expect(decideSignIn({ emailFailures: justInside, ipFailures: [], now }).allowed).toBe(false);
  });

  it('with more failures than the limit, waits for the limit-th most recent to expire', () => {
    const failures = [1, 2, 3, 4, 5, 6, 7].map(minutesAgo);
    // Unsorted input does not matter.
    const shuffled = [failures[3]!, failures[0]!, failures[6]!, failures[1]!, failures[5]!, failures[2]!, failures[4]!];
    expect(blockedUntil(shuffled, defaultRateLimitPolicy.email, now)).toEqual(new Date(minutesAgo(5).getTime() + 15 * 60_000));
  });

  it('rounds the wait up, and never says "0 minutes"', () => {
    const failures = [14.99, 14.99, 14.99, 14.99, 14.99].map(minutesAgo);
    const decision = decideSignIn({ emailFailures: failures, ipFailures: [], now });
    expect(decision).toMatchObject({ allowed: false, minutes: 1, message: 'Too many failed sign-ins; try again in 1 minute.' });
    const fresh = [0, 0, 0, 0, 0].map(secondsAgo);
    expect(decideSignIn({ emailFailures: fresh, ipFailures: [], now })).toMatchObject({ minutes: 15 });
  });

  it('limits an address to twenty failures across all emails', () => {
    const ipFailures = Array.from({ length: 19 }, (_, i) => secondsAgo(i * 10));
    expect(decideSignIn({ emailFailures: [], ipFailures, now }).allowed).toBe(true);
    const twenty = [...ipFailures, secondsAgo(200)];
    expect(decideSignIn({ emailFailures: [], ipFailures: twenty, now })).toMatchObject({ allowed: false, subject: 'ip' });
  });

  it('when both limits apply, reports the later of the two', () => {
    const emailFailures = [1, 1, 1, 1, 1].map(minutesAgo); // free in 14 min
    const ipFailures = Array.from({ length: 20 }, () => minutesAgo(10)); // free in 5 min
    expect(decideSignIn({ emailFailures, ipFailures, now })).toMatchObject({ subject: 'email', minutes: 14 });
    const ipLater = Array.from({ length: 20 }, () => secondsAgo(1));
    expect(decideSignIn({ emailFailures, ipFailures: ipLater, now })).toMatchObject({ subject: 'ip', minutes: 15 });
  });

  it('honours a custom policy', () => {
    const policy = { email: { limit: 2, windowMs: 60_000 }, ip: { limit: 100, windowMs: 60_000 } };
    expect(decideSignIn({ emailFailures: [secondsAgo(10)], ipFailures: [], now }, policy).allowed).toBe(true);
    expect(decideSignIn({ emailFailures: [secondsAgo(10), secondsAgo(20)], ipFailures: [], now }, policy)).toMatchObject({
      allowed: false,
      minutes: 1,
    });
  });
});

describe('rate limit subjects', () => {
  it('names an account by its lower-cased, trimmed email', () => {
    expect(emailSubject('  Ada@Example.ORG ')).toBe('email:ada@example.org');
    expect(ipSubject('203.0.113.9')).toBe('ip:203.0.113.9');
  });

  it('takes the address the nearest proxy saw (right-most X-Forwarded-For entry)', () => {
    expect(clientAddress('198.51.100.7', null)).toBe('198.51.100.7');
    expect(clientAddress('6.6.6.6, 198.51.100.7', null)).toBe('198.51.100.7');
    expect(clientAddress('::1', null)).toBe('::1');
    expect(clientAddress(null, ' 203.0.113.1 ')).toBe('203.0.113.1');
    expect(clientAddress(null, null)).toBe('unknown');
    expect(clientAddress(' , ', null)).toBe('unknown');
  });
});

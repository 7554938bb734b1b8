import { describe, expect, it } from 'vitest';
import {
  blockedUntil,
  clientAddress,
  decideSignIn,
  defaultRateLimitPolicy,
  emailSubject,
  ipSubject,
  pairSubject,
  pairSubjectPrefix,
} from '@/lib/auth/rate-limit';

const now = new Date('2026-03-01T12:00:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
const secondsAgo = (s: number) => new Date(now.getTime() - s * 1000);

describe('sign-in rate limit decision', () => {
  it('allows sign-in below five failures per email in 15 minutes', () => {
    const emailFailures = [1, 2, 3, 4].map(minutesAgo);
    expect(decideSignIn({ failures: { pair: emailFailures, ip: emailFailures }, now })).toEqual({ allowed: true });
  });

  it('refuses the sixth attempt and says when to come back', () => {
    const emailFailures = [0.5, 1, 2, 3, 4].map(minutesAgo);
    const decision = decideSignIn({ failures: { pair: emailFailures, ip: [] }, now });
    expect(decision).toMatchObject({
      allowed: false,
      subject: 'pair',
      // The oldest of the five (4 minutes ago) leaves the window in 11 minutes.
      retryAt: new Date(minutesAgo(4).getTime() + 15 * 60_000),
      minutes: 11,
      message: 'Too many failed sign-ins; try again in 11 minutes.',
    });
  });

  it('forgets failures that left the 15-minute window (sliding, not fixed)', () => {
    const emailFailures = [15, 16, 30, 1, 2].map(minutesAgo);
    expect(decideSignIn({ failures: { pair: emailFailures, ip: [] }, now }).allowed).toBe(true);
    const justInside = [14.9, 1, 2, 3, 4].map(minutesAgo);
    expect(decideSignIn({ failures: { pair: justInside, ip: [] }, now }).allowed).toBe(false);
  });

  it('with more failures than the limit, waits for the limit-th most recent to expire', () => {
    const failures = [1, 2, 3, 4, 5, 6, 7].map(minutesAgo);
    // Unsorted input does not matter.
    const shuffled = [failures[3]!, failures[0]!, failures[6]!, failures[1]!, failures[5]!, failures[2]!, failures[4]!];
    expect(blockedUntil(shuffled, defaultRateLimitPolicy.pair, now)).toEqual(new Date(minutesAgo(5).getTime() + 15 * 60_000));
  });

  it('rounds the wait up, and never says "0 minutes"', () => {
    const failures = [14.99, 14.99, 14.99, 14.99, 14.99].map(minutesAgo);
    const decision = decideSignIn({ failures: { pair: failures, ip: [] }, now });
    expect(decision).toMatchObject({ allowed: false, minutes: 1, message: 'Too many failed sign-ins; try again in 1 minute.' });
    const fresh = [0, 0, 0, 0, 0].map(secondsAgo);
    expect(decideSignIn({ failures: { pair: fresh, ip: [] }, now })).toMatchObject({ minutes: 15 });
  });

  it('limits an address to twenty failures across all emails', () => {
    const ipFailures = Array.from({ length: 19 }, (_, i) => secondsAgo(i * 10));
    expect(decideSignIn({ failures: { pair: [], ip: ipFailures }, now }).allowed).toBe(true);
    const twenty = [...ipFailures, secondsAgo(200)];
    expect(decideSignIn({ failures: { pair: [], ip: twenty }, now })).toMatchObject({ allowed: false, subject: 'ip' });
  });

  it('when both limits apply, reports the later of the two', () => {
    const emailFailures = [1, 1, 1, 1, 1].map(minutesAgo); // free in 14 min
    const ipFailures = Array.from({ length: 20 }, () => minutesAgo(10)); // free in 5 min
    expect(decideSignIn({ failures: { pair: emailFailures, ip: ipFailures }, now })).toMatchObject({ subject: 'pair', minutes: 14 });
    const ipLater = Array.from({ length: 20 }, () => secondsAgo(1));
    expect(decideSignIn({ failures: { pair: emailFailures, ip: ipLater }, now })).toMatchObject({ subject: 'ip', minutes: 15 });
  });

  it('honours a custom policy', () => {
    const policy = {
      pair: { limit: 2, windowMs: 60_000 },
      ip: { limit: 100, windowMs: 60_000 },
      account: { limit: 100, windowMs: 60_000 },
    };
    expect(decideSignIn({ failures: { pair: [secondsAgo(10)], ip: [] }, now }, policy).allowed).toBe(true);
    expect(decideSignIn({ failures: { pair: [secondsAgo(10), secondsAgo(20)], ip: [] }, now }, policy)).toMatchObject({
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

  it('names an account-and-address pair, and all pairs of an account share a prefix', () => {
    expect(pairSubject(' Ada@Example.ORG', '203.0.113.9')).toBe('pair:ada@example.org|203.0.113.9');
    expect(pairSubject('ada@example.org', '::1').startsWith(pairSubjectPrefix('ADA@example.org'))).toBe(true);
  });

  it("trusts the peer header only with the server wrapper's token; never X-Forwarded-For", () => {
    const token = 'per-process-token';
    const h = (entries: Record<string, string>) => new Headers(entries);
    expect(clientAddress(h({ 'x-diptych-peer': '198.51.100.7', 'x-diptych-peer-token': token }), token)).toBe('198.51.100.7');
    expect(clientAddress(h({ 'x-diptych-peer': '6.6.6.6', 'x-diptych-peer-token': 'guessed' }), token)).toBe('unknown');
    expect(clientAddress(h({ 'x-diptych-peer': '6.6.6.6' }), undefined)).toBe('unknown');
    expect(clientAddress(h({ 'x-forwarded-for': '6.6.6.6', 'x-real-ip': '7.7.7.7' }), token)).toBe('unknown');
  });
});

describe('the account-wide ceiling', () => {
  it('fifty failures from all addresses in an hour refuse the account for the rest of the hour', () => {
    const account = Array.from({ length: 50 }, (_, i) => minutesAgo(i));
    expect(decideSignIn({ failures: { account: account.slice(0, 49), pair: [], ip: [] }, now }).allowed).toBe(true);
    expect(decideSignIn({ failures: { account, pair: [], ip: [] }, now })).toMatchObject({
      allowed: false,
      subject: 'account',
      minutes: 11,
    });
  });
});

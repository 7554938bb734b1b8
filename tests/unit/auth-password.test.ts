import { parseOptions } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import {
  generatePassword,
  hashPassword,
  MIN_PASSWORD_LENGTH,
  passwordProblem,
  PasswordPolicyError,
  verifyAgainstDecoy,
  verifyPassword,
} from '@/lib/auth/password';

describe('password hashing', () => {
  it('stores an Argon2id PHC string with the chosen cost, never the password', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(stored).not.toContain('correct horse');
    const params = parseOptions(stored);
    expect(params).toMatchObject({ memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  });

  it('salts every hash: one password, two different hashes, both verify', async () => {
    const a = await hashPassword('correct horse battery staple');
    const b = await hashPassword('correct horse battery staple');
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(b, 'correct horse battery staple')).toBe(true);
  });

  it('rejects a wrong password, a near miss and a different case', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(await verifyPassword(stored, 'correct horse battery stapl')).toBe(false);
    expect(await verifyPassword(stored, 'Correct horse battery staple')).toBe(false);
    expect(await verifyPassword(stored, '')).toBe(false);
  });

  it('handles non-ASCII passwords exactly', async () => {
    const stored = await hashPassword('пароль-для-Горбачева');
    expect(await verifyPassword(stored, 'пароль-для-Горбачева')).toBe(true);
    expect(await verifyPassword(stored, 'пароль-для-горбачева')).toBe(false);
  });

  it('treats a malformed stored hash as a mismatch instead of throwing', async () => {
    expect(await verifyPassword('not a phc string', 'whatever password')).toBe(false);
    expect(await verifyPassword('', 'whatever password')).toBe(false);
  });

  it('the decoy check used for unknown emails always fails', async () => {
    expect(await verifyAgainstDecoy('correct horse battery staple')).toBe(false);
  });
});

describe('password policy', () => {
  it(`needs at least ${MIN_PASSWORD_LENGTH} characters and says how many were given`, async () => {
    expect(passwordProblem('elevenchars')).toBe('The password is too short: 11 characters; it needs at least 12.');
    expect(passwordProblem('twelve chars')).toBeNull();
    await expect(hashPassword('short')).rejects.toBeInstanceOf(PasswordPolicyError);
    await expect(hashPassword('short')).rejects.toMatchObject({ code: 'weak-password' });
  });

  it('counts characters, not bytes or UTF-16 units', () => {
    // 11 Cyrillic letters are 22 bytes, still too short; 12 emoji are 24 UTF-16 units, long enough.
    expect(passwordProblem('абвгдеёжзий')).toMatch(/11 characters/);
    expect(passwordProblem('😀'.repeat(12))).toBeNull();
    expect(passwordProblem('😀'.repeat(11))).toMatch(/11 characters/);
  });

  it('refuses absurdly long input', () => {
    expect(passwordProblem('x'.repeat(1025))).toMatch(/too long/);
  });

  it('generates passwords that meet the policy and differ', () => {
    const a = generatePassword();
    const b = generatePassword();
    expect(a).toHaveLength(20);
    expect(a).toMatch(/^[a-km-zA-HJ-NP-Z2-9]+$/);
    expect(passwordProblem(a)).toBeNull();
    expect(a).not.toBe(b);
  });
});

import { describe, expect, it } from 'vitest';
import { validateNewAccount } from '@/lib/auth/account-rules';
import { safeCallbackPath } from '@/lib/auth/callback-url';

describe('new account validation', () => {
  const ok = { email: ' Ada@Example.org ', role: 'editor', password: 'correct horse battery staple' };

  it('accepts a valid account and defaults the name to the email local part', () => {
    expect(validateNewAccount(ok)).toEqual({ email: 'Ada@Example.org', name: 'Ada', role: 'editor', password: ok.password });
    expect(validateNewAccount({ ...ok, name: '  Ada Lovelace ' }).name).toBe('Ada Lovelace');
  });

  it('names the bad field and why', () => {
    expect(() => validateNewAccount({ ...ok, email: 'not-an-email' })).toThrow(/not an email address.*"not-an-email"/);
    expect(() => validateNewAccount({ ...ok, role: 'system' })).toThrow(
      'Unknown role "system": the role must be one of editor, admin.',
    );
    expect(() => validateNewAccount({ ...ok, password: 'short' })).toThrow(/too short: 5 characters/);
    expect(() => validateNewAccount({ ...ok, name: 'x'.repeat(121) })).toThrow(/name is too long/);
  });

  it('throws typed errors with stable codes', () => {
    const codeOf = (input: Parameters<typeof validateNewAccount>[0]) => {
      try {
        validateNewAccount(input);
        return null;
      } catch (error) {
        return (error as { code: string }).code;
      }
    };
    expect(codeOf({ ...ok, email: '' })).toBe('invalid-email');
    expect(codeOf({ ...ok, role: 'root' })).toBe('invalid-role');
    expect(codeOf({ ...ok, password: '12345678901' })).toBe('weak-password');
  });
});

describe('callback after sign-in', () => {
  it('keeps paths on this site', () => {
    expect(safeCallbackPath('/documents/x?rev=2#T5')).toBe('/documents/x?rev=2#T5');
    expect(safeCallbackPath('http://127.0.0.1:3000/documents/x', 'http://127.0.0.1:3000')).toBe('/documents/x');
    expect(safeCallbackPath(undefined)).toBe('/');
  });

  it('refuses anything that would leave the site or loop', () => {
    for (const bad of [
      '//evil.example/x',
      '/\\evil.example',
      'https://evil.example/',
      'javascript:alert(1)',
      'evil',
      '/sign-in',
      '/sign-in?x=1',
      '/api/auth/signout',
      '/a\nb',
    ]) {
      expect(safeCallbackPath(bad, 'http://127.0.0.1:3000'), bad).toBe('/');
    }
    // Same host name but another origin (port) is another site.
    expect(safeCallbackPath('http://127.0.0.1:4000/x', 'http://127.0.0.1:3000')).toBe('/');
  });
});

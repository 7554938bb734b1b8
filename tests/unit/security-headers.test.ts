import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, randomNonce, securityHeaders, taggedNonce } from '@/lib/http/security-headers';

describe('security headers', () => {
  it('allows scripts only with the nonce, never inline, and no framing', () => {
    const csp = contentSecurityPolicy({ nonce: 'abc123', https: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy({ https: false })).toContain("script-src 'self';");
    expect(contentSecurityPolicy({ nonce: 'n', https: false, development: true })).toContain("'unsafe-eval'");
  });

  it('sends HSTS and upgrades mixed content only over https', () => {
    expect(securityHeaders({ https: false })).not.toHaveProperty('strict-transport-security');
    const secure = securityHeaders({ nonce: 'n', https: true });
    expect(secure['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(secure['content-security-policy']).toContain('upgrade-insecure-requests');
    expect(secure).toMatchObject({
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'x-frame-options': 'DENY',
    });
    expect(secure['permissions-policy']).toContain('camera=()');
  });

  it("a tagged page's nonce is the same for the same tag and secret, and differs otherwise; random ones differ", async () => {
    const a = await taggedNonce('secret-one', '"etag-1"');
    expect(await taggedNonce('secret-one', '"etag-1"')).toBe(a);
    expect(await taggedNonce('secret-one', '"etag-2"')).not.toBe(a);
    expect(await taggedNonce('secret-two', '"etag-1"')).not.toBe(a);
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(randomNonce()).not.toBe(randomNonce());
  });
});

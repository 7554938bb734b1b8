/**
 * The security headers of every response (docs/auth.md, "Headers"). Pure: proxy.ts applies them to each
 * response it passes through or makes (pages, 304s, 503s, the not-found rewrite), next.config.ts to the
 * static files proxy.ts never sees.
 *
 * Scripts run only with the response's nonce (`'strict-dynamic'` lets Next's own scripts load their
 * chunks); Next reads the nonce from the Content-Security-Policy *request* header proxy.ts sets and puts it
 * on every script it renders. Styles allow inline style attributes (React renders some), never scripts.
 */

export interface SecurityHeaderOptions {
  /** The nonce of this response's scripts; without one (static files) no script may run inline. */
  nonce?: string | undefined;
  /** Served over https (the configured public origin): HSTS, and mixed content upgraded. */
  https: boolean;
  /** `next dev` evaluates code for its overlay and fast refresh. */
  development?: boolean;
}

export const HSTS_VALUE = 'max-age=31536000; includeSubDomains';
export const PERMISSIONS_POLICY =
  'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()';

export function contentSecurityPolicy(options: SecurityHeaderOptions): string {
  const scripts = options.nonce ? [`'self'`, `'nonce-${options.nonce}'`, `'strict-dynamic'`] : [`'self'`];
  if (options.development) scripts.push(`'unsafe-eval'`);
  const directives = [
    `default-src 'self'`,
    `script-src ${scripts.join(' ')}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self'`,
    `connect-src 'self'`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `frame-ancestors 'none'`,
    ...(options.https ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}

/** Every security header of a response, by lower-case name. */
export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(options),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'permissions-policy': PERMISSIONS_POLICY,
    ...(options.https ? { 'strict-transport-security': HSTS_VALUE } : {}),
  };
}

/** A fresh random nonce (128 bits, base64), for a response that no cache shares. */
export function randomNonce(): string {
  return toBase64(crypto.getRandomValues(new Uint8Array(16)));
}

/**
 * The nonce of a tagged (ETag) public page: derived from the tag with a server secret, so a 304 for that
 * tag carries the very policy the cached page was served with (a new random nonce there would block the
 * cached page's scripts), every instance behind a balancer agrees, and no one can know it before the
 * revision and URL it depends on exist.
 */
export async function taggedNonce(secret: string, etag: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`csp-nonce:${etag}`)));
  return toBase64(mac.slice(0, 16));
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** Applies the headers to a response's Headers (replacing any earlier value). */
export function applySecurityHeaders(headers: Headers, options: SecurityHeaderOptions): void {
  for (const [name, value] of Object.entries(securityHeaders(options))) headers.set(name, value);
}

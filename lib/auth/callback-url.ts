/**
 * Where to go after signing in. Only a path on this site is accepted: an
 * absolute or protocol-relative URL ("//evil.example") would make the sign-in
 * form an open redirect.
 */
export function safeCallbackPath(candidate: string | null | undefined, origin?: string): string {
  if (!candidate) return '/';
  let value = candidate.trim();
  if (origin && value.startsWith(origin)) value = value.slice(origin.length) || '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  // Control characters and backslashes have no place in our paths and confuse URL parsers.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point: they are refused
  if (/[\u0000-\u001f\\]/.test(value)) return '/';
  // Coming back to the sign-in page itself would be a loop.
  if (value === '/sign-in' || value.startsWith('/sign-in?') || value.startsWith('/api/auth')) return '/';
  return value;
}

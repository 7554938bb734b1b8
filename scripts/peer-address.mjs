// Who is on the other end of a request, for the sign-in limits (docs/auth.md). Plain JavaScript, so the
// server wrapper (scripts/serve.mjs) runs it without a build; unit-tested in tests/unit/peer-address.test.ts.

/** Headers a client may send to pose as another address: dropped unless the socket peer is a trusted proxy. */
export const FORWARDING_HEADERS = ['x-forwarded-for', 'x-real-ip', 'forwarded'];
export const PEER_HEADER = 'x-diptych-peer';
export const PEER_TOKEN_HEADER = 'x-diptych-peer-token';

/**
 * `DIPTYCH_TRUSTED_PROXIES`: a comma-separated list of exact addresses (default: none).
 * @param {string | undefined} value
 * @returns {string[]}
 */
export function parseTrustedProxies(value) {
  return (value ?? '')
    .split(',')
    .map((/** @type {string} */ a) => bare(a))
    .filter(Boolean);
}

/** An address as compared: trimmed, IPv4-mapped IPv6 unwrapped (`::ffff:127.0.0.1` is 127.0.0.1). * @param {string | undefined} address
 */
function bare(address) {
  return (address ?? '').trim().replace(/^::ffff:(?=\d+\.)/i, '');
}

/**
 * The client's address: the socket peer, or, when the peer is a trusted proxy, the right-most
 * X-Forwarded-For hop that is not itself a trusted proxy (entries left of it are whatever the client sent).
 * @param {string | undefined} peer
 * @param {string | string[] | null | undefined} forwardedFor
 * @param {string[]} trusted
 * @returns {string}
 */
export function clientAddressOf(peer, forwardedFor, trusted) {
  const socket = bare(peer) || 'unknown';
  if (!trusted.includes(socket)) return socket;
  const hops = [forwardedFor ?? '']
    .flat()
    .join(',')
    .split(',')
    .map((/** @type {string} */ h) => bare(h))
    .filter(Boolean);
  for (const hop of [...hops].reverse()) if (!trusted.includes(hop)) return hop;
  return hops[0] ?? socket;
}

/**
 * Rewrites an incoming request's headers in place: the forwarding headers survive only from a trusted proxy,
 * and the peer header (with the per-process token) always names the address the app should count.
 * @param {Record<string, string | string[] | undefined>} headers
 * @param {string | undefined} peer
 * @param {string[]} trusted
 * @param {string} token
 */
export function stampPeer(headers, peer, trusted, token) {
  const address = clientAddressOf(peer, headers['x-forwarded-for'], trusted);
  if (!trusted.includes(bare(peer))) for (const name of FORWARDING_HEADERS) delete headers[name];
  headers[PEER_HEADER] = address;
  headers[PEER_TOKEN_HEADER] = token;
  return address;
}

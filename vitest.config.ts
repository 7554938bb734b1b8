import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  resolve: { alias: { '@': root } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          // Each file makes its own throwaway databases; PGlite start-up is the slow part.
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Property and scale suites write thousands of revisions as one user; tests/integration/edit-limits.test.ts sets its own.
          env: { DIPTYCH_WRITES_PER_MINUTE: '1000000' },
          // server-only throws outside React Server Components; tests import db/ directly.
          alias: { 'server-only': fileURLToPath(new URL('./tests/support/empty.ts', import.meta.url)) },
        },
      },
    ],
  },
});

import { defineConfig } from '@playwright/test';
import { findChromium } from './tests/support/chromium';

/**
 * Browser tests drive Debian's Chromium (/usr/bin/chromium), or on a machine
 * without it the Chromium inside @sparticuz/chromium (tests/support/chromium.ts), against the production build, served on its own port with its own
 * database: a fresh PGlite folder, or DATABASE_URL when CI sets it.
 */
const chromium = await findChromium();
if (!process.env.TEST_WORKER_INDEX) console.log(`Chromium: ${chromium.source}`);

const port = Number(process.env.E2E_PORT ?? 3100);
const urlOf = (p: number) => `http://127.0.0.1:${p}`;

/**
 * Specs that edit the seed document each get a server and database of their
 * own, so no spec sees another's edits and each can assume the seed as loaded.
 */
const servers = [
  {
    project: 'reading',
    port,
    testIgnore: [
      /editing\.spec\.ts/,
      /citation\.spec\.ts/,
      /import-export\.spec\.ts/,
      /two-instances\.spec\.ts/,
      /aligning\.spec\.ts/,
      /outage\.spec\.ts/,
      /word-links\.spec\.ts/,
    ],
    flags: ' --large-document',
  },
  // Importing adds documents to the library: only on the editing server, whose specs never count them.
  { project: 'editing', port: port + 1, testMatch: /(?:editing|import-export)\.spec\.ts/ },
  { project: 'citation', port: port + 2, testMatch: /citation\.spec\.ts/ },
  { project: 'aligning', port: port + 3, testMatch: /aligning\.spec\.ts/ },
  // A save during an outage: its own server and database, which the spec closes to connections and opens again.
  ...(process.env.DATABASE_URL ? [{ project: 'outage', port: port + 20, testMatch: /outage\.spec\.ts/ }] : []),
  { project: 'word-links', port: port + 4, testMatch: /word-links\.spec\.ts/ },
];

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: process.env.E2E_OUTPUT_DIR ?? 'test-results',
  // A stray test.only must not pass CI by running one test.
  forbidOnly: !!process.env.CI,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromium.executablePath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    ...servers.map(({ project, port: serverPort, flags: _flags, ...match }) => ({
      name: project,
      ...match,
      use: { browserName: 'chromium' as const, baseURL: urlOf(serverPort) },
    })),
    // Two instances behind nginx start their own servers (ports base+10..12) on one PostgreSQL database.
    ...(process.env.DATABASE_URL
      ? [{ name: 'instances', testMatch: /two-instances\.spec\.ts/, use: { browserName: 'chromium' as const } }]
      : []),
  ],
  webServer: servers.map(({ port: serverPort, flags }) => ({
    command: `node scripts/e2e-server.mjs ${serverPort}${flags ?? ''}`,
    url: `${urlOf(serverPort)}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe' as const,
    stderr: 'pipe' as const,
  })),
});

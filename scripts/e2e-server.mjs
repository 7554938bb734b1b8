#!/usr/bin/env node
// Serves the existing production build for the browser tests, on a fresh
// database each run: a new PGlite folder, or (with DATABASE_URL) a new
// database created on that server, so tests never see an earlier run's edits.
// The test accounts are created first, with the user:create script.
import { spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';

const root = path.resolve(import.meta.dirname, '..');
const port = process.argv[2] ?? '3100';
/** @type {NodeJS.ProcessEnv} */
const env = {
  ...process.env,
  PORT: port,
  AUTH_SECRET: process.env.AUTH_SECRET ?? 'e2e-secret-not-for-production-0123456789',
  // Browser specs save fast and often as one editor; the write limit itself is tested in tests/integration/edit-limits.test.ts.
  DIPTYCH_WRITES_PER_MINUTE: process.env.DIPTYCH_WRITES_PER_MINUTE ?? '100000',
  DIPTYCH_PUBLIC_URL: process.env.DIPTYCH_PUBLIC_URL ?? `http://127.0.0.1:${port}`,
};

if (process.env.DATABASE_URL) {
  const name = `diptych_e2e_${port}_${process.pid}`;
  const admin = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
  // Drop what earlier runs on this port left behind (Playwright kills this process without a goodbye).
  const stale = await admin`select datname from pg_database where datname like ${`diptych_e2e_${port}_%`}`;
  for (const { datname } of stale) await admin.unsafe(`drop database if exists "${datname}" with (force)`);
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
} else {
  const dataDir = path.join(root, 'data', `e2e-${port}`);
  rmSync(dataDir, { recursive: true, force: true });
  env.DIPTYCH_DATA_DIR = dataDir;
}

// The accounts the browser tests sign in with (tests/e2e/fixtures/accounts.ts), created
// through the real command line before the server opens the database.
const E2E_PASSWORD = 'correct horse battery staple';
/** @type {[email: string, role: string, name: string, ...flags: string[]][]} */
const accounts = [
  ['editor@e2e.test', 'editor', 'Eddie Editor'],
  ['admin@e2e.test', 'admin', 'Ada Admin'],
  ['disabled@e2e.test', 'editor', 'Dee Disabled', '--disabled'],
  ['editor2@e2e.test', 'editor', 'Edna Editor'],
];
for (const [email, role, name, ...flags] of accounts) {
  const result = spawnSync(
    path.join(root, 'node_modules', '.bin', 'tsx'),
    ['scripts/user-create.ts', '--email', email, '--role', role, '--name', name, ...flags],
    {
      cwd: root,
      env,
      input: E2E_PASSWORD,
      encoding: 'utf8',
    },
  );
  if (result.status !== 0) {
    console.error(`e2e-server: could not create ${email}:\n${result.stdout}${result.stderr}`);
    process.exit(1);
  }
}

// The reading server also holds a 20,000-turn document (tests/e2e/long-document.spec.ts).
if (process.argv.includes('--large-document')) {
  const result = spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), ['scripts/e2e-large-document.ts'], {
    cwd: root,
    env,
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    console.error(`e2e-server: could not create the large document:\n${result.stdout}${result.stderr}`);
    process.exit(1);
  }
}

const child = spawn(process.execPath, [path.join(root, 'scripts', 'serve.mjs'), '--port', port, '--hostname', '127.0.0.1'], {
  cwd: root,
  stdio: 'inherit',
  env,
});
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));

#!/usr/bin/env node
// `npm start`: builds the app when there is no build (or the sources are newer
// than it), then serves it on PORT (default 3000) with scripts/serve.mjs (`next start` behind a wrapper
// that knows the client's address). The database is migrated and seeded by the server itself before it
// serves. DIPTYCH_PUBLIC_URL (the origin of permalinks) defaults to this local address.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { prepareLocalAuthSecret } from './local-auth-secret.mjs';
import { serveArgs } from './serve-command.mjs';

const root = path.resolve(import.meta.dirname, '..');
const distDir = process.env.NEXT_DIST_DIR || '.next';
const buildId = path.join(root, distDir, 'BUILD_ID');
const sourceDirs = ['app', 'lib', 'db', 'public', 'drizzle'];
const sourceFiles = ['next.config.ts', 'package.json', 'instrumentation.ts', 'proxy.ts', 'auth.ts', 'auth.config.ts'];

/** @param {string} entry a file or folder @returns {number} */
function newestMtime(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, name)));
  return newest;
}

function needsBuild() {
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const sources = [...sourceDirs, ...sourceFiles].map((p) => newestMtime(path.join(root, p)));
  return Math.max(...sources) > built;
}

/** @param {string[]} args `next`'s arguments */
function run(args) {
  const result = spawnSync('npx', ['next', ...args], { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/**
 * Before a build that may take minutes: is the embedded database's folder owned by a
 * running process? The server checks again when it opens the folder (db/owner-lock.ts
 * holds the rules and the message; this is the same test, in plain JavaScript).
 */
/** @param {number} pid */
function processStartOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function refuseIfDatabaseInUse() {
  if (process.env.DATABASE_URL?.trim()) return;
  const dataDir = path.resolve(process.env.DIPTYCH_DATA_DIR?.trim() || './data/pglite');
  /** @typedef {{ pid: number, command?: string, startedAt: string, processStart?: string }} OwnerLock */
  /** @type {OwnerLock} */
  let holder;
  try {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- the lock file is ours; a bad one fails the checks below
    holder = /** @type {OwnerLock} */ (JSON.parse(readFileSync(path.join(dataDir, 'diptych-owner.lock'), 'utf8')));
    process.kill(holder.pid, 0);
  } catch {
    return; // no lock, not ours to read, or its process is gone: the server takes it over
  }
  // A pid reused by another process (a restarted container) is not the holder.
  if (holder.pid === process.pid || (holder.processStart && processStartOf(holder.pid) !== holder.processStart)) return;
  const since = Number.isNaN(Date.parse(holder.startedAt))
    ? ''
    : `, since ${new Date(holder.startedAt).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  console.error(
    `${dataDir} is in use by process ${holder.pid} (${holder.command}${since}). ` +
      'Stop it first, or do this in the browser: /admin/users for accounts, /import for memoranda.',
  );
  process.exit(1);
}

prepareLocalAuthSecret(root);
refuseIfDatabaseInUse();
if (needsBuild()) {
  console.log('Diptych: building the app (first start, or the sources changed)…');
  run(['build']);
}
const port = process.env.PORT || '3000';
const env = { ...process.env, DIPTYCH_PUBLIC_URL: process.env.DIPTYCH_PUBLIC_URL || `http://127.0.0.1:${port}` };
console.log(`Diptych: serving on http://localhost:${port}`);
const served = spawnSync(process.execPath, serveArgs(port), {
  cwd: root,
  stdio: 'inherit',
  env,
});
process.exit(served.status ?? 1);

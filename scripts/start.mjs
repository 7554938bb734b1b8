#!/usr/bin/env node
// `npm start`: builds the app when there is no build (or the sources are newer
// than it), then serves it on PORT (default 3000) with scripts/serve.mjs (`next start` behind a wrapper
// that knows the client's address). The database is migrated and seeded by the server itself before it
// serves. DIPTYCH_PUBLIC_URL (the origin of permalinks) defaults to this local address.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { prepareLocalAuthSecret } from './local-auth-secret.mjs';

const root = path.resolve(import.meta.dirname, '..');
const distDir = process.env.NEXT_DIST_DIR || '.next';
const buildId = path.join(root, distDir, 'BUILD_ID');
const sourceDirs = ['app', 'lib', 'db', 'public', 'drizzle'];
const sourceFiles = ['next.config.ts', 'package.json', 'instrumentation.ts', 'proxy.ts', 'auth.ts', 'auth.config.ts'];

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

function run(args) {
  const result = spawnSync('npx', ['next', ...args], { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

prepareLocalAuthSecret(root);
if (needsBuild()) {
  console.log('Diptych: building the app (first start, or the sources changed)…');
  run(['build']);
}
const port = process.env.PORT || '3000';
const env = { ...process.env, DIPTYCH_PUBLIC_URL: process.env.DIPTYCH_PUBLIC_URL || `http://127.0.0.1:${port}` };
console.log(`Diptych: serving on http://localhost:${port}`);
const served = spawnSync(process.execPath, [path.join(root, 'scripts', 'serve.mjs'), '--port', port], {
  cwd: root,
  stdio: 'inherit',
  env,
});
process.exit(served.status ?? 1);

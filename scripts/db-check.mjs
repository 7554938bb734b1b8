#!/usr/bin/env node
// `npm run db:check`: the migrations in drizzle/ are consistent (`drizzle-kit check`) and match
// db/schema.ts, i.e. `drizzle-kit generate` would write no new migration. The generate runs on a
// copy of drizzle/ in a temporary folder, so the tree is never touched.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const drizzleKit = path.join(root, 'node_modules', '.bin', 'drizzle-kit');

/** @param {string[]} args @returns {string} what it printed */
function run(args) {
  const result = spawnSync(drizzleKit, args, { cwd: root, encoding: 'utf8' });
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  if (result.status !== 0) process.exit(result.status ?? 1);
  return result.stdout + result.stderr;
}

run(['check']);

const out = mkdtempSync(path.join(tmpdir(), 'diptych-db-check-'));
try {
  cpSync(path.join(root, 'drizzle'), out, { recursive: true });
  const before = new Set(readdirSync(out));
  // drizzle-kit reads --out relative to the working folder, even when it is absolute.
  const printed = run(['generate', '--dialect', 'postgresql', '--schema', './db/schema.ts', '--out', path.relative(root, out)]);
  const added = readdirSync(out).filter((name) => !before.has(name));
  if (added.length > 0) {
    console.error(
      `db:check: db/schema.ts differs from drizzle/: \`npm run db:generate -- --name <kebab-name>\` would add ${added.join(', ')}`,
    );
    process.exit(1);
  }
  // drizzle-kit can exit 0 after an error of its own: only its own "nothing to do" counts as a pass.
  if (!printed.includes('No schema changes')) {
    console.error('db:check: drizzle-kit generate did not confirm that drizzle/ matches db/schema.ts');
    process.exit(1);
  }
  console.log('db:check: drizzle/ matches db/schema.ts');
} finally {
  rmSync(out, { recursive: true, force: true });
}

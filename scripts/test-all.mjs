#!/usr/bin/env node
// `npm test`: every suite, in the order CI wants it: lint (types, ESLint, Prettier), unit and
// integration (Vitest), then a production build and the browser tests
// (Playwright in Debian's Chromium) against it, then the load and fault tests on the same build
// (docs/architecture.md#load-and-fault-tests). Stops at the first failure.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
/** @type {[name: string, command: string[]][]} */
const steps = [
  ['lint (types, ESLint, Prettier)', ['npm', 'run', 'lint']],
  ['unit + integration', ['npx', 'vitest', 'run']],
  ['build', ['npx', 'next', 'build']],
  ['browser', ['npx', 'playwright', 'test']],
  ['load and fault', ['npm', 'run', 'test:load']],
];

for (const [name, [cmd = '', ...args]] of steps) {
  console.log(`\n▶ ${name}: ${[cmd, ...args].join(' ')}`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  console.log(`◀ ${name}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (result.status !== 0) process.exit(result.status ?? 1);
}

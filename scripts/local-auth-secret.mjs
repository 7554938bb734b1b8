// Sign-in needs AUTH_SECRET. In production it must be set by the operator; for
// a local `npm start` we generate one once and keep it in .auth-secret (git-ignored),
// so sessions survive restarts.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** @param {string} root the repository's folder */
export function prepareLocalAuthSecret(root) {
  if (process.env.AUTH_SECRET) return;
  if (process.env.NODE_ENV === 'production' && process.env.DIPTYCH_ALLOW_LOCAL_SECRET !== '1') {
    console.error('AUTH_SECRET must be set in production (e.g. `openssl rand -base64 33`).');
    process.exit(1);
  }
  const file = path.join(root, '.auth-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(33).toString('base64'), { mode: 0o600 });
  process.env.AUTH_SECRET = readFileSync(file, 'utf8').trim();
}

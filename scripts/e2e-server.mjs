#!/usr/bin/env node
// Serves the existing production build for the browser tests, on a fresh
// database each run: a new PGlite folder, or (with DATABASE_URL) a new
// database created on that server, so tests never see an earlier run's edits.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';

const root = path.resolve(import.meta.dirname, '..');
const port = process.argv[2] ?? '3100';
const env = { ...process.env, PORT: port, AUTH_SECRET: process.env.AUTH_SECRET ?? 'e2e-secret-not-for-production-0123456789' };

if (process.env.DATABASE_URL) {
  const name = `diptych_e2e_${port}_${process.pid}`;
  const admin = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name}`);
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

const child = spawn('npx', ['next', 'start', '-p', port, '-H', '127.0.0.1'], { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));

/**
 * The production build served for the load test, as scripts/e2e-server.mjs
 * does it: accounts made with the real `user:create` command first, then
 * scripts/serve.mjs (what `npm start` runs) on 127.0.0.1 in a process group of its own, so it can be
 * stopped politely or killed outright (SIGKILL, the embedded-database phase).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import path from 'node:path';
import { serveArgs } from '../../scripts/serve-command.mjs';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const PASSWORD = 'correct horse battery staple';
const AUTH_SECRET = 'load-test-secret-not-for-production-0123456789';

export interface Account {
  email: string;
  name: string;
}

/** Where the server keeps its data: a PostgreSQL database, or a PGlite folder. */
export type Storage = { databaseUrl: string } | { dataDir: string };

function serverEnv(storage: Storage, port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    AUTH_SECRET,
    DIPTYCH_PUBLIC_URL: `http://127.0.0.1:${port}`,
  };
  delete env.DATABASE_URL;
  delete env.DIPTYCH_DATA_DIR;
  if ('databaseUrl' in storage) env.DATABASE_URL = storage.databaseUrl;
  else env.DIPTYCH_DATA_DIR = storage.dataDir;
  return env;
}

/** One account through the real `npm run user:create` command, the password on stdin. */
function createAccount(storage: Storage, { email, name }: Account): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      path.join(ROOT, 'node_modules', '.bin', 'tsx'),
      ['scripts/user-create.ts', '--email', email, '--role', 'editor', '--name', name],
      {
        cwd: ROOT,
        env: serverEnv(storage, 3000),
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.stdin.end(PASSWORD);
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`could not create ${email}:\n${output}`))));
  });
}

/**
 * The editor accounts. PGlite is one process's database: one command at a time. A server takes them
 * side by side once the first has migrated and seeded the database.
 */
export async function createAccounts(storage: Storage, accounts: Account[]): Promise<void> {
  const [first, ...rest] = accounts;
  if (first) await createAccount(storage, first);
  if ('databaseUrl' in storage) await Promise.all(rest.map((account) => createAccount(storage, account)));
  else for (const account of rest) await createAccount(storage, account);
}

export interface AppServer {
  origin: string;
  /** SIGTERM, and wait for the process to end. */
  stop(): Promise<void>;
  /** SIGKILL to the whole process group: no shutdown code runs. */
  kill(): Promise<void>;
  /** The server's output so far (for failures). */
  log(): string;
}

export async function startServer(storage: Storage, port: number, logFile: string): Promise<AppServer> {
  const out = createWriteStream(logFile, { flags: 'a' });
  const child: ChildProcess = spawn(
    process.execPath,
    // As `npm start` serves it: the page cache, the heap limit and the peer stamp included.
    serveArgs(port, '127.0.0.1'),
    {
      cwd: ROOT,
      env: serverEnv(storage, port),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  child.stdout!.pipe(out, { end: false });
  child.stderr!.pipe(out, { end: false });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));
  const signal = async (name: NodeJS.Signals) => {
    if (!gone) {
      try {
        process.kill(-child.pid!, name);
      } catch {
        // already gone
      }
    }
    await exited;
  };
  const server: AppServer = {
    origin: `http://127.0.0.1:${port}`,
    stop: () => signal('SIGTERM'),
    kill: () => signal('SIGKILL'),
    log: () => readFileSync(logFile, 'utf8'),
  };
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (gone) throw new Error(`the server on port ${port} exited at start-up:\n${server.log().slice(-3000)}`);
    try {
      const response = await fetch(`${server.origin}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (response.status === 200) return server;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await server.kill();
      throw new Error(`the server on port ${port} did not become healthy in 120 s:\n${server.log().slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
}

/**
 * The read path under load: builds the app into its own folder, starts it
 * on a throwaway PostgreSQL database holding the seed and a generated
 * 20,000-turn document, and drives it with autocannon on 127.0.0.1 (each case
 * bounded in time and in requests). Every case is a ratio to a baseline
 * measured in the same run: the seed reader against a static file of the
 * same bytes served by the same server (interleaved), the big document's
 * pages against the memo's.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { serveArgs } from '../scripts/serve-command.mjs';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { connect } from '@/db/connect';
import { migrateDatabase } from '@/db/migrate';
import { seedDatabase } from '@/db/seed';
import { ensureSystemUser } from '@/db/accounts/users';
import { createLargeDocument, largeMemoText } from '../tests/support/large-document';

const root = path.resolve(import.meta.dirname, '..');
const PORT = Number(process.env.BENCH_PORT ?? 3210);
const BASE = `http://127.0.0.1:${PORT}`;
const DIST = '.next-bench';
const CONNECTIONS = 32;
// Long enough that a case still counts when a loaded machine answers in seconds.
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const MAX_REQUESTS = 20_000;
const SEED = 'gorbachev-mitterrand-1991-01-18';
const BIG = 'bench-20000';
/** The same generated document at 200 turns: the like-for-like peer of the big one's reader window and edit page. */
const PEER = 'bench-200';
const STATIC_FILE = 'bench-static-reader.html';
const PASSWORD = 'bench password not for production';

export interface LoadResult {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  bytes: number;
}

/** `npm run import` of a generated 20,000-turn memo (about 7 MB): wall time and peak memory of the process tree. */
async function timeImport(env: NodeJS.ProcessEnv): Promise<{ seconds: number; peakRssMb: number; megabytes: number; ok: boolean }> {
  const file = path.join(tmpdir(), `bench-import-${process.pid}.md`);
  writeFileSync(file, largeMemoText(20_000));
  const megabytes = statSync(file).size / 1024 / 1024;
  const t0 = performance.now();
  const child = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), ['scripts/import-memo.ts', file, '--slug', 'bench-import'], {
    cwd: root,
    env,
    stdio: 'ignore',
  });
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssOfTree(child.pid!))), 100);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(sampler);
  rmSync(file, { force: true });
  return { seconds: (performance.now() - t0) / 1000, peakRssMb: peak / 1024, megabytes, ok: code === 0 };
}

export interface HttpReport {
  importRun: { seconds: number; peakRssMb: number; megabytes: number; ok: boolean };
  machine: string;
  loadBefore: string;
  loadAfter: string;
  seed: { reader: LoadResult; static: LoadResult }[];
  cases: LoadResult[];
  big: { firstByte: number; lastByte: number; bytes: number; memoFirstByte: number; memoBytes: number };
  /** big vs its baseline (memo or the 200-turn document); `target`: held to within 1.5 ×. */
  ratios: { name: string; big: number; memo: number; target: boolean }[];
  peakRssMb: number;
  lighthouse: LighthouseScores | null;
  clientJs: { total: number; framework: number; reader: number; files: { file: string; gzip: number; framework: boolean }[] };
}

export interface LighthouseScores {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  /** Largest contentful paint and total blocking time, ms (what the performance score weighs most). */
  lcp: number;
  tbt: number;
}

/**
 * Lighthouse's four categories for one page, with Debian's Chromium (headless, no sandbox: the bench may
 * run as root in a container). Lighthouse's defaults: a mobile device, simulated 4G throttling. Bounded:
 * 4 minutes, then null.
 */
function runLighthouse(url: string): LighthouseScores | null {
  const run = spawnSync(
    path.join(root, 'node_modules', '.bin', 'lighthouse'),
    [
      url,
      '--output=json',
      '--output-path=stdout',
      '--quiet',
      '--chrome-flags=--headless --no-sandbox',
      '--only-categories=performance,accessibility,best-practices,seo',
    ],
    {
      cwd: root,
      env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
      encoding: 'utf8',
      timeout: 240_000,
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (run.status !== 0) {
    process.stderr.write(`bench: lighthouse failed (${run.status ?? run.signal}): ${(run.stderr ?? '').slice(-500)}\n`);
    return null;
  }
  const report = JSON.parse(run.stdout) as {
    categories: Record<string, { score: number | null }>;
    audits: Record<string, { numericValue?: number }>;
  };
  const score = (id: string) => Math.round((report.categories[id]?.score ?? 0) * 100);
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    lcp: report.audits['largest-contentful-paint']?.numericValue ?? 0,
    tbt: report.audits['total-blocking-time']?.numericValue ?? 0,
  };
}

function load(): string {
  return loadavg()
    .map((n) => n.toFixed(2))
    .join(', ');
}

async function cannon(name: string, url: string, headers: Record<string, string> = {}, seconds = SECONDS): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    maxOverallRequests: MAX_REQUESTS,
    timeout: 20,
    headers,
  });
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    bytes: result.throughput.total / Math.max(1, result.requests.total),
  };
}

/**
 * fetch, retried once when the server closed a kept-alive connection just as it was reused (Next closes
 * idle ones after 5 s: after a long step such as Lighthouse, the pool's socket may be gone).
 */
async function get(url: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    const code = ((error as { cause?: { code?: string } }).cause ?? {}).code;
    if (code !== 'UND_ERR_SOCKET' && code !== 'ECONNRESET') throw error;
    return fetch(url, init);
  }
}

/** One request, timed to its first and last byte. */
async function timedGet(url: string, headers: Record<string, string> = {}) {
  const t0 = performance.now();
  const response = await get(url, { headers });
  const reader = response.body!.getReader();
  let firstByte = 0;
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!firstByte) firstByte = performance.now() - t0;
    bytes += value.byteLength;
  }
  return { status: response.status, firstByte, lastByte: performance.now() - t0, bytes };
}

async function medianOf(runs: number, fn: () => Promise<{ firstByte: number; lastByte: number; bytes: number }>) {
  const samples: { firstByte: number; lastByte: number; bytes: number }[] = [];
  for (let i = 0; i < runs; i++) samples.push(await fn());
  const mid = (key: 'firstByte' | 'lastByte' | 'bytes') => samples.map((s) => s[key]).sort((a, b) => a - b)[Math.floor(runs / 2)]!;
  return { firstByte: mid('firstByte'), lastByte: mid('lastByte'), bytes: mid('bytes') };
}

function rssOfTree(pid: number): number {
  // The server and any workers it spawned: sum of resident memory in KB.
  const out = spawnSync('ps', ['-o', 'rss=', '--ppid', String(pid), '-p', String(pid)], { encoding: 'utf8' }).stdout;
  return out
    .split('\n')
    .map((l) => Number(l.trim()))
    .filter((n) => n > 0)
    .reduce((a, b) => a + b, 0);
}

async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/** Signs in through Auth.js's credentials endpoint; returns the Cookie header of the session. */
async function signIn(email: string): Promise<string> {
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const response = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies },
    body: new URLSearchParams({ email, password: PASSWORD, csrfToken, callbackUrl: '/' }).toString(),
  });
  const session = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.includes('session-token'));
  if (!session) throw new Error(`sign-in failed (${response.status})`);
  return session;
}

/** Script files a page loads, gzip-compressed size of each. */
async function scriptsOf(pagePath: string): Promise<Map<string, number>> {
  const html = await (await get(`${BASE}${pagePath}`)).text();
  const files = new Map<string, number>();
  for (const match of html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)) {
    const src = match[1]!;
    if (files.has(src)) continue;
    const body = Buffer.from(await (await get(`${BASE}${src}`)).arrayBuffer());
    files.set(src, gzipSync(body, { level: 9 }).byteLength);
  }
  return files;
}

export async function runHttpBench(serverUrl: string): Promise<HttpReport> {
  const name = `diptych_bench_${randomBytes(4).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let server: ChildProcess | null = null;
  const staticPath = path.join(root, 'public', STATIC_FILE);
  try {
    process.stderr.write('bench: loading the seed and a 20,000-turn document…\n');
    const database = await connect({ url: url.toString() });
    await migrateDatabase(database);
    await seedDatabase(database.db);
    const userId = await ensureSystemUser(database.db);
    await createLargeDocument(database.db, { slug: BIG, turns: 20_000, userId });
    await createLargeDocument(database.db, { slug: PEER, turns: 200, userId });
    await database.db.execute('analyze');
    await database.close();
    const env = {
      ...process.env,
      DATABASE_URL: url.toString(),
      NEXT_DIST_DIR: DIST,
      AUTH_SECRET: 'bench-secret-not-for-production-0123456789',
      PORT: String(PORT),
    };
    const create = spawnSync(
      path.join(root, 'node_modules', '.bin', 'tsx'),
      ['scripts/user-create.ts', '--email', 'bench@bench.test', '--role', 'editor', '--name', 'Bench'],
      {
        cwd: root,
        env,
        input: PASSWORD,
        encoding: 'utf8',
      },
    );
    if (create.status !== 0) throw new Error(`user:create failed: ${create.stdout}${create.stderr}`);
    process.stderr.write('bench: npm run import of a 20,000-turn memo…\n');
    const importRun = await timeImport(env);

    // The static copy must exist at build time to be served from public/; its bytes are filled in below.
    writeFileSync(staticPath, 'placeholder');
    process.stderr.write('bench: building the app…\n');
    // BENCH_REUSE_BUILD=1 keeps an existing .next-bench (a rerun of an unchanged tree); the default builds.
    if (process.env.BENCH_REUSE_BUILD === '1' && existsSync(path.join(root, DIST, 'BUILD_ID'))) {
      process.stderr.write(`bench: reusing the build in ${DIST}\n`);
    } else {
      const built = spawnSync('npx', ['next', 'build'], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
      if (built.status !== 0) throw new Error('next build failed');
    }
    const start = () => {
      // As `npm start` serves it: with the heap limit (scripts/serve-command.mjs).
      const child = spawn(process.execPath, serveArgs(PORT, '127.0.0.1'), {
        cwd: root,
        env: { DIPTYCH_PUBLIC_URL: BASE, ...env },
        stdio: 'ignore',
      });
      return child;
    };
    server = start();
    await waitFor(`${BASE}/api/health`, 120_000);
    const seedPath = `/documents/${SEED}`;
    writeFileSync(staticPath, await (await fetch(`${BASE}${seedPath}`)).text());
    const check = await fetch(`${BASE}/${STATIC_FILE}`);
    if ((await check.text()).length < 1000) throw new Error('the static copy is not served from public/');

    let peakKb = 0;
    const pid = server.pid!;
    const sampler = setInterval(() => (peakKb = Math.max(peakKb, rssOfTree(pid))), 200);
    const loadBefore = load();
    process.stderr.write('bench: warming up…\n');
    for (const p of [
      seedPath,
      `${seedPath}/passages/T5`,
      `/documents/${BIG}?at=T12345`,
      `/documents/${PEER}?at=T150`,
      `/documents/${BIG}/passages/T15000`,
    ]) {
      await fetch(`${BASE}${p}`);
    }
    await cannon('warm-up', `${BASE}${seedPath}`, {}, 2);

    process.stderr.write('bench: seed reader against its static copy (interleaved)…\n');
    const seed: HttpReport['seed'] = [];
    for (let round = 0; round < 2; round++) {
      seed.push({
        reader: await cannon('seed reader', `${BASE}${seedPath}`),
        static: await cannon('static copy', `${BASE}/${STATIC_FILE}`),
      });
    }

    process.stderr.write('bench: passages, search, API, 304…\n');
    const apiPassage = `${BASE}/api/documents/${SEED}/passages/T5`;
    const etag = (await fetch(apiPassage)).headers.get('etag') ?? '';
    const readerEtag = (await fetch(`${BASE}${seedPath}`)).headers.get('etag') ?? '';
    const cases = [
      await cannon('passage page T5', `${BASE}${seedPath}/passages/T5`),
      await cannon('pinned passage T5?rev=1', `${BASE}${seedPath}/passages/T5?rev=1`),
      await cannon('search "Gulf"', `${BASE}/search?q=Gulf`),
      await cannon('API passage T5', apiPassage),
      await cannon('API passage T5, 304', apiPassage, { 'if-none-match': etag }),
      await cannon('seed reader, 304', `${BASE}${seedPath}`, { 'if-none-match': readerEtag }),
    ];

    process.stderr.write('bench: the 20,000-turn document…\n');
    const bigReader = await medianOf(5, () => timedGet(`${BASE}/documents/${BIG}?at=T12345`));
    const memoReader = await medianOf(5, () => timedGet(`${BASE}${seedPath}`));
    const session = await signIn('bench@bench.test').catch((error: unknown) => {
      process.stderr.write(`bench: ${String(error)}; edit pages not measured\n`);
      return null;
    });
    const pairs: [string, string, string, Record<string, string>?][] = [
      ['passage T15000 vs memo T5', `/documents/${BIG}/passages/T15000`, `${seedPath}/passages/T5`],
      ['pinned passage T15000 vs memo T5', `/documents/${BIG}/passages/T15000?rev=1`, `${seedPath}/passages/T5?rev=1`],
      ['API passage T15000 vs memo T5', `/api/documents/${BIG}/passages/T15000`, `/api/documents/${SEED}/passages/T5`],
      ['search "Turn 15000" vs "Gulf"', `/search?q=${encodeURIComponent('"Turn 15000"')}`, '/search?q=Gulf'],
    ];
    // Like for like: the same page kind showing the same number of rows, from a 200-turn document.
    pairs.push([
      'reader window T12301–T12400 vs T101–T200 of a 200-turn document',
      `/documents/${BIG}?at=T12345`,
      `/documents/${PEER}?at=T150`,
    ]);
    if (session) {
      pairs.push([
        'edit page, turns 10,001–10,200 vs turns 1–200 of a 200-turn document',
        `/documents/${BIG}/edit?page=51`,
        `/documents/${PEER}/edit`,
        { cookie: session },
      ]);
      pairs.push([
        'edit page, 200 turns vs the memo edit page (10 turns)',
        `/documents/${BIG}/edit`,
        `${seedPath}/edit`,
        { cookie: session },
      ]);
    }
    const ratios: HttpReport['ratios'] = [];
    for (const [label, bigPath, memoPath, headers] of pairs) {
      // One untimed request each first: compare warm with warm (the first one computes the revision's entry).
      await timedGet(`${BASE}${bigPath}`, headers);
      await timedGet(`${BASE}${memoPath}`, headers);
      const big = await medianOf(5, () => timedGet(`${BASE}${bigPath}`, headers));
      const memo = await medianOf(5, () => timedGet(`${BASE}${memoPath}`, headers));
      ratios.push({ name: label, big: big.lastByte, memo: memo.lastByte, target: !label.includes('(10 turns)') });
    }
    clearInterval(sampler);

    const reader = await scriptsOf(seedPath);
    const framework = await scriptsOf('/documents/no-such-document');

    process.stderr.write('bench: Lighthouse on the seed reader…\n');
    const lighthouse = runLighthouse(`${BASE}${seedPath}`);

    const files = [...reader].map(([file, gzip]) => ({ file, gzip, framework: framework.has(file) }));
    const sum = (list: typeof files) => list.reduce((n, f) => n + f.gzip, 0);
    return {
      importRun,
      machine: machineLine(),
      loadBefore,
      loadAfter: load(),
      seed,
      cases,
      big: {
        firstByte: bigReader.firstByte,
        lastByte: bigReader.lastByte,
        bytes: bigReader.bytes,
        memoFirstByte: memoReader.firstByte,
        memoBytes: memoReader.bytes,
      },
      ratios,
      peakRssMb: peakKb / 1024,
      lighthouse,
      clientJs: {
        total: sum(files),
        framework: sum(files.filter((f) => f.framework)),
        reader: sum(files.filter((f) => !f.framework)),
        files,
      },
    };
  } finally {
    server?.kill('SIGTERM');
    rmSync(staticPath, { force: true });
    await new Promise((r) => setTimeout(r, 500));
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

function machineLine(): string {
  const cpu = readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.+)/)?.[1] ?? 'unknown CPU';
  const cores = readFileSync('/proc/cpuinfo', 'utf8').match(/^processor/gm)?.length ?? 0;
  const memGb = Number(readFileSync('/proc/meminfo', 'utf8').match(/MemTotal:\s+(\d+)/)?.[1] ?? 0) / 1024 / 1024;
  return `${cpu}, ${cores} cores, ${memGb.toFixed(1)} GB RAM, Node ${process.version}`;
}

/**
 * `npm run test:load [-- --long] [-- --phase load|outage|embedded]`: the load and fault test, against the
 * production build (run `npx next build` first).
 *
 *  load      32 readers and 4 editors on PostgreSQL: no 5xx, every acknowledged edit in the history,
 *            the alignment invariants at every revision;
 *  outage    the same load while the PostgreSQL server is stopped for 5 s and started again: readers get
 *            the friendly 503 (or their cached copy), editors a "not saved" 503, never a 500; both recover
 *            within seconds, and no acknowledged edit is lost. Runs on a cluster made for the test
 *            (pg_createcluster on a free port, data under /tmp, dropped at the end), never the shared server;
 *            skipped, with one line saying why, when the tools are missing;
 *  embedded  editors on PGlite, the server killed with SIGKILL while an edit is in flight, restarted on the
 *            same folder: it opens, the acknowledged edits are there, the invariants hold.
 *
 * Short by default (about 20 s per phase, for `npm test`); --long runs minutes. Ports: LOAD_PORT (3500) for
 * the app, +1 for the embedded phase, +40 for the cluster. Exit code 1 on any failure.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { createAccounts, PASSWORD, ROOT, startServer, type Account, type AppServer, type Storage } from './app-server';
import { clusterToolsMissing, createCluster, type Cluster } from './cluster';
import { openEditPages, runTraffic, signIn, Stats, warmUp, type EditorClient, type FaultWindow } from './traffic';
import { verifyDocument } from './verify';

const { values: args } = parseArgs({
  options: {
    long: { type: 'boolean', default: false },
    phase: { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h', default: false },
  },
  strict: true,
});
if (args.help) {
  console.log('Usage: npm run test:load [-- --long] [-- --phase load|outage|embedded ...]');
  process.exit(0);
}
const phases = new Set(args.phase?.length ? args.phase : ['load', 'outage', 'embedded']);
for (const phase of phases) {
  if (!['load', 'outage', 'embedded'].includes(phase)) {
    console.error(`Unknown phase "${phase}": use load, outage or embedded.`);
    process.exit(2);
  }
}

const LONG = args.long;
const BASE_PORT = Number(process.env.LOAD_PORT ?? 3500);
const READERS = 32;
const LOAD_MS = LONG ? 180_000 : 20_000;
const OUTAGE_MS = LONG ? 90_000 : 20_000;
/** When the server stops (after the load started) and for how long. */
const OUTAGE_AT_MS = LONG ? 20_000 : 4_000;
const OUTAGE_FOR_MS = 5_000;
/** The outage phase's traffic lasts at least this long after the restart. */
const AFTER_RESTART_MS = LONG ? 30_000 : 8_000;
/** From the restart until everything answers again; generous, the machine may be busy. */
const RECOVERY_LIMIT_MS = 15_000;
/** Embedded phase: edits before the kill, and after the restart. */
const EMBEDDED_BEFORE_MS = LONG ? 30_000 : 6_000;
const EMBEDDED_AFTER_MS = LONG ? 30_000 : 8_000;
/** How long after the stop a page (not the API) may still be let through and fail with 500: the proxy trusts a good check for 1 s. */
const DETECTION_MS = 2_500;
const EMBEDDED_READERS = 8;

const EDITORS: Account[] = [1, 2, 3, 4].map((n) => ({ email: `load-editor-${n}@load.test`, name: `Load Editor ${n}` }));
/** Editors 3 and 4 share their turns: their edits conflict now and then (409), as real ones do. */
const TURNS = [
  [2, 3],
  [4, 5],
  [7, 9],
  [9, 7],
];

const cleanups: (() => Promise<void> | void)[] = [];
async function cleanUp(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) {
    try {
      await cleanup();
    } catch (error) {
      console.error('cleanup:', (error as Error).message);
    }
  }
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void cleanUp().then(() => process.exit(130));
  });
}

const tmp = mkdtempSync('/tmp/diptych-load-');
// LOAD_KEEP=1 keeps the servers' logs and data for a look afterwards.
if (process.env.LOAD_KEEP) console.log(`▷ logs and data kept in ${tmp}`);
else cleanups.push(() => rmSync(tmp, { recursive: true, force: true }));

interface PhaseReport {
  name: string;
  stats: Stats;
  found?: number;
  /** Acknowledged edits the `found` count is out of, when it covers more than this phase. */
  foundOf?: number;
  revisions?: number;
  recoveryMs?: number;
  problems: string[];
  skipped?: string;
}
const reports: PhaseReport[] = [];
const logs: AppServer[] = [];

async function serve(storage: Storage, port: number, label: string): Promise<AppServer> {
  const server = await startServer(storage, port, path.join(tmp, `${label}.log`));
  cleanups.push(() => server.kill());
  logs.push(server);
  return server;
}

async function signInEditors(origin: string): Promise<EditorClient[]> {
  return Promise.all(
    EDITORS.map(async (account, i) => ({
      index: i + 1,
      account,
      session: await signIn(origin, account, PASSWORD),
      turns: TURNS[i]!,
      inFlight: 0,
      known: new Map(),
    })),
  );
}

function trafficProblems(stats: Stats): string[] {
  const problems = [...stats.failures];
  if (stats.acknowledged.length === 0) problems.push('no edit was acknowledged');
  return problems;
}

/** A database for the PostgreSQL phases: the test's own cluster, else a fresh database on DATABASE_URL, else none. */
async function postgresStorage(): Promise<{ storage: Storage; cluster: Cluster | null; why: string | null }> {
  const missing = clusterToolsMissing();
  if (!missing) {
    try {
      const cluster = createCluster(BASE_PORT + 40);
      cleanups.push(() => cluster.drop());
      return { storage: { databaseUrl: await freshDatabase(cluster.url) }, cluster, why: null };
    } catch (error) {
      const why = `could not create a PostgreSQL cluster: ${(error as Error).message.split('\n').find((l) => l.trim()) ?? 'unknown error'}`;
      if (process.env.DATABASE_URL)
        return { storage: { databaseUrl: await freshDatabase(process.env.DATABASE_URL) }, cluster: null, why };
      return { storage: { dataDir: path.join(tmp, 'pglite-load') }, cluster: null, why };
    }
  }
  if (process.env.DATABASE_URL)
    return { storage: { databaseUrl: await freshDatabase(process.env.DATABASE_URL) }, cluster: null, why: missing };
  return { storage: { dataDir: path.join(tmp, 'pglite-load') }, cluster: null, why: missing };
}

async function freshDatabase(serverUrl: string): Promise<string> {
  const name = `diptych_load_${BASE_PORT}_${process.pid}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  cleanups.push(async () => {
    const again = postgres(serverUrl, { max: 1, onnotice: () => {}, connect_timeout: 5 });
    await again.unsafe(`drop database if exists "${name}" with (force)`).catch(() => {});
    await again.end();
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function postgresPhases(): Promise<void> {
  const { storage, cluster, why } = await postgresStorage();
  const where =
    'databaseUrl' in storage
      ? cluster
        ? `a PostgreSQL cluster of its own on port ${cluster.port}`
        : 'a fresh database on DATABASE_URL'
      : 'PGlite';
  await createAccounts(storage, EDITORS);
  const server = await serve(storage, BASE_PORT, 'postgres');
  await warmUp(server.origin);
  const editors = await signInEditors(server.origin);
  await openEditPages(editors);
  const acknowledged: Stats[] = [];

  if (phases.has('load')) {
    console.log(`▷ load: ${READERS} readers and ${EDITORS.length} editors for ${LOAD_MS / 1000} s on ${where}`);
    const stats = new Stats();
    await runTraffic({ origin: server.origin, readers: READERS, editors, durationMs: LOAD_MS, stats });
    reports.push({ name: 'load', stats, problems: trafficProblems(stats) });
    acknowledged.push(stats);
  }

  if (phases.has('outage')) {
    if (!cluster) {
      console.log(`▷ outage: skipped (${why ?? 'no cluster of its own to stop'})`);
      reports.push({ name: 'outage', stats: new Stats(), problems: [], skipped: why ?? 'no cluster' });
    } else {
      console.log(
        `▷ outage: the same load for ${OUTAGE_MS / 1000} s; PostgreSQL stopped after ${OUTAGE_AT_MS / 1000} s for ${OUTAGE_FOR_MS / 1000} s`,
      );
      const stats = new Stats();
      const times = { stoppedAt: Infinity, startedAt: Infinity };
      const faults: FaultWindow = {
        allows503: (sentAt, answeredAt) => answeredAt >= times.stoppedAt && sentAt <= times.startedAt + RECOVERY_LIMIT_MS,
        allowsNoAnswer: () => false,
        // Let through by the proxy before it could notice the stop, then failed on the database.
        allowsPage500: (sentAt, answeredAt) => answeredAt >= times.stoppedAt && sentAt <= times.stoppedAt + DETECTION_MS,
        describe: (sentAt, answeredAt) => {
          const since = (t: number) => `${((t - times.stoppedAt) / 1000).toFixed(1)} s`;
          const restart = Number.isFinite(times.startedAt) ? `, restarted at ${since(times.startedAt)}` : '';
          return `sent at ${since(sentAt)}, answered at ${since(answeredAt)} after the stop${restart}`;
        },
      };
      const outage = (async () => {
        await new Promise((r) => setTimeout(r, OUTAGE_AT_MS));
        times.stoppedAt = Date.now();
        await cluster.stop();
        await new Promise((r) => setTimeout(r, OUTAGE_FOR_MS));
        await cluster.start();
        times.startedAt = Date.now();
      })();
      // However long the stop and start take on a busy machine, traffic goes on for a while after the restart.
      const phaseStart = Date.now();
      const until = () => Math.max(phaseStart + OUTAGE_MS, times.startedAt + AFTER_RESTART_MS);
      await runTraffic({ origin: server.origin, readers: READERS, editors, durationMs: until, stats, faults });
      const phaseEnd = Date.now();
      await outage;
      const problems = trafficProblems(stats);
      const excused = stats.statuses.get('503') ?? 0;
      if (excused === 0) problems.push('no reader or editor saw the outage (no 503): the fault was not exercised');
      if (stats.notSaved === 0) problems.push('no editor was told "not saved" during the outage');
      const recoveryMs = Math.max(0, stats.lastExcusedAt - times.startedAt);
      if (stats.lastReadOkAt <= times.startedAt || stats.lastEditOkAt <= times.startedAt)
        problems.push(
          `reads or edits did not succeed again after the restart (stopped ${((times.startedAt - times.stoppedAt) / 1000).toFixed(1)} s ` +
            `before it; last good read ${((stats.lastReadOkAt - times.startedAt) / 1000).toFixed(1)} s, last edit ` +
            `${((stats.lastEditOkAt - times.startedAt) / 1000).toFixed(1)} s after it; the phase ended ${((phaseEnd - times.startedAt) / 1000).toFixed(1)} s after it)`,
        );
      if (recoveryMs > RECOVERY_LIMIT_MS) problems.push(`requests sent ${recoveryMs} ms after the restart were still refused`);
      reports.push({ name: 'outage', stats, recoveryMs, problems });
      acknowledged.push(stats);
    }
  }

  await server.stop();
  const verdict = await verifyDocument(
    storage,
    acknowledged.flatMap((s) => s.acknowledged),
  );
  // One history holds both phases' edits: the last phase that ran reports the count for both.
  const last = reports.filter((r) => !r.skipped).at(-1);
  if (last) {
    last.found = verdict.found;
    last.revisions = verdict.revisions;
    last.problems.push(...verdict.problems);
    last.foundOf = acknowledged.reduce((n, st) => n + st.acknowledged.length, 0);
  }
}

const embeddedStorage: Storage = { dataDir: path.join(tmp, 'pglite-embedded') };

async function embeddedPhase(accountsReady: Promise<void>): Promise<void> {
  const storage = embeddedStorage;
  console.log(
    `▷ embedded: ${EMBEDDED_READERS} readers and ${EDITORS.length} editors on PGlite; SIGKILL mid-edit after ${EMBEDDED_BEFORE_MS / 1000} s, ` +
      `restart on the same folder, ${EMBEDDED_AFTER_MS / 1000} s more`,
  );
  await accountsReady;
  let server = await serve(storage, BASE_PORT + 1, 'embedded');
  await warmUp(server.origin);
  const editors = await signInEditors(server.origin);
  await openEditPages(editors);
  const stats = new Stats();
  const times = { killedAt: Infinity, restartedAt: Infinity, end: Infinity };
  const faults: FaultWindow = {
    allows503: () => false,
    // Answers cut off by the kill arrive a moment after it; then nothing listens until the restart.
    allowsNoAnswer: (sentAt, answeredAt) => answeredAt >= times.killedAt && sentAt <= times.restartedAt + 1_000,
    allowsPage500: () => false,
  };
  const problems: string[] = [];
  const crash = (async () => {
    await new Promise((r) => setTimeout(r, EMBEDDED_BEFORE_MS));
    // Wait for an edit on the wire, so the kill lands in the middle of a write.
    const deadline = Date.now() + 10_000;
    while (!editors.some((e) => e.inFlight > 0) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 1));
    times.killedAt = Date.now();
    await server.kill();
    try {
      server = await serve(storage, BASE_PORT + 1, 'embedded-restart');
    } finally {
      times.restartedAt = Date.now();
      times.end = times.restartedAt + EMBEDDED_AFTER_MS;
    }
  })();
  const traffic = runTraffic({
    origin: server.origin,
    readers: EMBEDDED_READERS,
    editors,
    durationMs: () => times.end,
    stats,
    faults,
  });
  const [crashed] = await Promise.allSettled([crash, traffic]);
  problems.push(...trafficProblems(stats));
  if (crashed.status === 'rejected') {
    problems.push(`the embedded database did not reopen after SIGKILL: ${(crashed.reason as Error).message.slice(0, 2000)}`);
    reports.push({ name: 'embedded', stats, problems });
    return;
  }
  if (stats.lastEditOkAt <= times.restartedAt) problems.push('no edit was acknowledged after the restart');
  await server.stop();
  const verdict = await verifyDocument(storage, stats.acknowledged);
  problems.push(...verdict.problems);
  reports.push({
    name: 'embedded',
    stats,
    found: verdict.found,
    revisions: verdict.revisions,
    recoveryMs: times.restartedAt - times.killedAt,
    problems,
  });
}

function summary(finished: boolean): boolean {
  let ok = true;
  console.log('\nload test summary');
  for (const r of reports) {
    if (r.skipped) {
      console.log(`  ${r.name.padEnd(9)} skipped: ${r.skipped}`);
      continue;
    }
    const statuses = [...r.stats.statuses]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([s, n]) => `${s}×${n}`)
      .join(' ');
    const pages500 = r.stats.pages500 ? `; ${r.stats.pages500} pages answered 500 while the outage was being noticed` : '';
    const edits = `edits acknowledged ${r.stats.acknowledged.length}${r.found !== undefined ? `, found ${r.found} of ${r.foundOf ?? r.stats.acknowledged.length}${r.foundOf !== undefined && r.foundOf !== r.stats.acknowledged.length ? ' (both PostgreSQL phases)' : ''}` : ''}, conflicts ${r.stats.conflicts}, not saved ${r.stats.notSaved}, unanswered ${r.stats.unanswered}`;
    const recovery = r.recoveryMs !== undefined ? `, recovery ${(r.recoveryMs / 1000).toFixed(1)} s` : '';
    console.log(
      `  ${r.name.padEnd(9)} ${r.stats.requests} requests (${statuses}); ${edits}${r.revisions ? `; ${r.revisions} revisions checked` : ''}${recovery}${pages500}`,
    );
    for (const problem of r.problems) console.log(`    ✗ ${problem}`);
    if (r.problems.length) ok = false;
  }
  if (!ok)
    for (const server of logs) console.log(`--- ${server.origin} log (last lines)\n${server.log().split('\n').slice(-25).join('\n')}`);
  if (finished) console.log(ok ? 'load test: ok' : 'load test: FAILED');
  return ok;
}

let ok = false;
try {
  if (!existsSync(path.join(ROOT, process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID')))
    throw new Error('no production build: run `npx next build` first');
  // The embedded phase's accounts are made while the PostgreSQL phases run (its folder is its own).
  const embeddedAccounts = phases.has('embedded') ? createAccounts(embeddedStorage, EDITORS) : Promise.resolve();
  embeddedAccounts.catch(() => {});
  if (phases.has('load') || phases.has('outage')) await postgresPhases();
  if (phases.has('embedded')) await embeddedPhase(embeddedAccounts);
  ok = summary(true);
} catch (error) {
  summary(false);
  console.error('load test: FAILED:', error instanceof Error ? error.message : error);
} finally {
  await cleanUp();
}
process.exit(ok ? 0 : 1);

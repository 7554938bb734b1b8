/**
 * A throwaway PostgreSQL cluster for the fault phase, made with Debian's
 * postgresql-common tools: data, configuration (PG_CLUSTER_CONF_ROOT), socket
 * and log all live in one folder under /tmp, it listens on 127.0.0.1 only, and
 * it is dropped at the end. The shared server on 5432 is never touched.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

export interface Cluster {
  url: string;
  port: number;
  /** Asynchronous, so the load's clients keep running (and timing) while the server stops and starts. */
  stop(): Promise<void>;
  start(): Promise<void>;
  drop(): void;
}

const TOOLS = ['pg_createcluster', 'pg_ctlcluster', 'pg_dropcluster'];

/** Why the tools cannot be used here, or null when they can. */
export function clusterToolsMissing(): string | null {
  for (const tool of TOOLS) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).status !== 0)
      return `${tool} is not installed (postgresql-common)`;
  }
  if (!existsSync('/usr/lib/postgresql') || readdirSync('/usr/lib/postgresql').length === 0)
    return 'no PostgreSQL server binaries in /usr/lib/postgresql';
  return null;
}

export function createCluster(port: number): Cluster {
  const versions = readdirSync('/usr/lib/postgresql')
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
  const version = versions[0]!;
  const name = `diptych_load_${port}`;
  const folder = mkdtempSync(`/tmp/diptych-load-pg-${port}-`);
  // The server runs as the cluster's owner (postgres when we are root): it must reach its folder and socket.
  chmodSync(folder, 0o755);
  const socketDir = path.join(folder, 'sock');
  mkdirSync(socketDir, { mode: 0o1777 });
  chmodSync(socketDir, 0o1777);
  const env = { ...process.env, PG_CLUSTER_CONF_ROOT: path.join(folder, 'etc') };
  const run = (tool: string, args: string[]) => execFileSync(tool, args, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const runAsync = async (tool: string, args: string[]) => void (await promisify(execFile)(tool, args, { env, encoding: 'utf8' }));
  let dropped = false;

  run('pg_createcluster', [
    version,
    name,
    '-p',
    String(port),
    '-d',
    path.join(folder, 'data'),
    '-s',
    socketDir,
    '-l',
    path.join(folder, 'postgresql.log'),
    '--start-conf',
    'manual',
    '--',
    '--auth=trust',
  ]);
  const cluster: Cluster = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    // fast: the server ends every session at once, as when it is stopped for maintenance.
    stop: () => runAsync('pg_ctlcluster', [version, name, 'stop', '-m', 'fast']),
    start: () => runAsync('pg_ctlcluster', [version, name, 'start', '-o', '-c listen_addresses=127.0.0.1']),
    drop: () => {
      if (dropped) return;
      dropped = true;
      spawnSync('pg_dropcluster', [version, name, '--stop'], { env, stdio: 'ignore' });
      rmSync(folder, { recursive: true, force: true });
    },
  };
  try {
    run('pg_ctlcluster', [version, name, 'start', '-o', '-c listen_addresses=127.0.0.1']);
  } catch (error) {
    cluster.drop();
    throw error;
  }
  return cluster;
}

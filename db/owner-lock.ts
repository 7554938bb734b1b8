/**
 * One owner for an embedded database folder. PGlite is PostgreSQL inside one
 * process: a second process opening the same folder works on its own copy of
 * the pages, and whichever writes last destroys the other's changes (or the
 * folder). So whoever opens a folder first takes its owner lock, a file in the
 * folder holding who they are; everyone else is refused at once with a message
 * naming the holder, until it closes the database or exits.
 *
 * The lock file is created atomically (a hard link of a complete temporary
 * file, which fails if the name exists), so a reader never sees it half
 * written. A lock left by a process that died (SIGKILL, a crash, a container
 * restart) is taken over: its pid is no longer alive, or is alive but is a
 * different process that started later (pid reuse, checked on Linux through
 * /proc/<pid>/stat).
 */
import { linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const OWNER_LOCK_FILE = 'diptych-owner.lock';

/** What the lock file holds. */
export interface LockHolder {
  pid: number;
  /** How the holder was started, for people: "npm start", "npm run import". */
  command: string;
  /** ISO timestamp of when it took the lock. */
  startedAt: string;
  /** The process's start time in clock ticks since boot (Linux), to tell a reused pid from the holder. */
  processStart?: string | null;
}

/** What a process finds when it looks at a folder's lock (pure inputs for decideLock). */
export interface LockFinding {
  holder: LockHolder | null;
  /** Whether the holder's pid names a live process (process.kill(pid, 0)). */
  alive: boolean;
  /** The start time of the live process with that pid now, if known. */
  currentProcessStart: string | null;
  /** The process asking, and whether it already holds this folder. */
  selfPid: number;
  heldHere: boolean;
}

export type LockDecision = 'take' | 'take-over-stale' | 'refuse';

/**
 * The rules. No lock: take it. An unreadable lock (not our format) or one whose
 * process is gone: take it over. Our own pid: refuse only if this process holds
 * it already (a second open in one process is as harmful as in two); otherwise
 * it is a previous life's lock (a container restarted with the same pid).
 */
export function decideLock(finding: LockFinding): LockDecision {
  const { holder } = finding;
  if (!holder) return 'take-over-stale';
  if (holder.pid === finding.selfPid) return finding.heldHere ? 'refuse' : 'take-over-stale';
  if (!finding.alive) return 'take-over-stale';
  if (holder.processStart && finding.currentProcessStart && holder.processStart !== finding.currentProcessStart)
    return 'take-over-stale';
  return 'refuse';
}

/** Another process owns the folder. The message is one line, for a person. */
export class DatabaseInUseError extends Error {
  readonly code = 'database_in_use';
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(databaseInUseMessage(dataDir, holder));
    this.name = 'DatabaseInUseError';
  }
}

export function databaseInUseMessage(dataDir: string, holder: LockHolder): string {
  const since = formatSince(holder.startedAt);
  return (
    `${dataDir} is in use by process ${holder.pid} (${holder.command}${since ? `, since ${since}` : ''}). ` +
    'Stop it first, or do this in the browser: /admin/users for accounts, /import for memoranda.'
  );
}

function formatSince(iso: string): string | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function parseLockHolder(text: string): LockHolder | null {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (!Number.isInteger(value.pid) || (value.pid as number) <= 0) return null;
    return {
      pid: value.pid as number,
      command: typeof value.command === 'string' && value.command !== '' ? value.command : 'unknown command',
      startedAt: typeof value.startedAt === 'string' ? value.startedAt : '',
      processStart: typeof value.processStart === 'string' ? value.processStart : null,
    };
  } catch {
    return null;
  }
}

/** How this process was started, as a person would type it. */
export function describeCommand(env: Record<string, string | undefined> = process.env, argv: string[] = process.argv): string {
  const script = env.npm_lifecycle_event;
  if (script === 'npx' && env.npm_lifecycle_script) return `npx ${env.npm_lifecycle_script}`.slice(0, 200);
  if (script) return script === 'start' || script === 'test' ? `npm ${script}` : `npm run ${script}`;
  const [, main, ...rest] = argv;
  return [main ? path.basename(main) : 'node', ...rest].join(' ').slice(0, 200);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Field 22 of /proc/<pid>/stat (start time since boot); null where there is no /proc. */
function processStartOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count from the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

// On globalThis, so a module evaluated twice in one process (development reloads) still knows its folders.
const held = ((globalThis as unknown as { __diptychOwnedFolders?: Set<string> }).__diptychOwnedFolders ??= new Set<string>());

export interface OwnerLock {
  path: string;
  /** Removes the lock if it is still ours. Idempotent. */
  release(): void;
}

/** Takes the folder's owner lock or throws DatabaseInUseError. The folder must exist. */
export function acquireOwnerLock(dataDir: string, options: { command?: string } = {}): OwnerLock {
  const folder = path.resolve(dataDir);
  const lockPath = path.join(folder, OWNER_LOCK_FILE);
  const mine: LockHolder = {
    pid: process.pid,
    command: options.command ?? describeCommand(),
    startedAt: new Date().toISOString(),
    processStart: processStartOf(process.pid),
  };
  const text = `${JSON.stringify(mine)}\n`;
  for (let attempt = 0; attempt < 5; attempt++) {
    if (tryCreate(lockPath, text)) return ownLock(folder, lockPath, text);
    let found: string;
    try {
      found = readFileSync(lockPath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue; // released meanwhile: try again
      throw error;
    }
    const holder = parseLockHolder(found);
    const alive = holder ? isAlive(holder.pid) : false;
    const decision = decideLock({
      holder,
      alive,
      currentProcessStart: holder && alive ? processStartOf(holder.pid) : null,
      selfPid: process.pid,
      heldHere: held.has(folder),
    });
    if (decision === 'refuse') throw new DatabaseInUseError(folder, holder!);
    // Stale: remove exactly what we read (a rival taking it over at the same moment re-reads on its next turn).
    try {
      if (readFileSync(lockPath, 'utf8') === found) unlinkSync(lockPath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  throw new Error(`${folder}: could not take the database's owner lock (${lockPath}) after several attempts`);
}

function tryCreate(lockPath: string, text: string): boolean {
  const temporary = `${lockPath}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  try {
    linkSync(temporary, lockPath);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(temporary);
  }
}

function ownLock(folder: string, lockPath: string, text: string): OwnerLock {
  held.add(folder);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    held.delete(folder);
    process.off('exit', release);
    try {
      if (readFileSync(lockPath, 'utf8') === text) unlinkSync(lockPath);
    } catch {
      // Already gone (the folder was deleted): nothing to release.
    }
  };
  // 'exit' runs on a normal end and on process.exit() (Next's own SIGTERM/SIGINT handlers call it);
  // a process killed outright leaves a stale lock, which the next owner takes over.
  process.on('exit', release);
  return { path: lockPath, release };
}

/**
 * The owner lock of an embedded database folder (db/owner-lock.ts): the rules
 * as a pure decision, then the lock file itself in a temporary folder.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  acquireOwnerLock,
  DatabaseInUseError,
  decideLock,
  describeCommand,
  OWNER_LOCK_FILE,
  parseLockHolder,
  type LockFinding,
} from '@/db/owner-lock';

const holder = { pid: 4242, command: 'npm start', startedAt: '2026-12-03T09:15:00.000Z', processStart: '1000' };
const finding = (over: Partial<LockFinding>): LockFinding => ({
  holder,
  alive: true,
  currentProcessStart: '1000',
  selfPid: 7,
  heldHere: false,
  ...over,
});

/** A pid that was alive a moment ago and is not any more. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid;
}

const folder = () => mkdtempSync(path.join(tmpdir(), 'diptych-lock-'));

describe('decideLock', () => {
  it('refuses while the holder is alive and is the process that took the lock', () => {
    expect(decideLock(finding({}))).toBe('refuse');
    // Where no start time can be read (no /proc), a live pid is trusted.
    expect(decideLock(finding({ currentProcessStart: null }))).toBe('refuse');
  });

  it('takes over a lock whose process is gone, was replaced by another with the same pid, or is unreadable', () => {
    expect(decideLock(finding({ alive: false }))).toBe('take-over-stale');
    expect(decideLock(finding({ currentProcessStart: '2000' }))).toBe('take-over-stale');
    expect(decideLock(finding({ holder: null }))).toBe('take-over-stale');
  });

  it('treats its own pid as a previous life unless this process holds the folder already', () => {
    expect(decideLock(finding({ holder: { ...holder, pid: 7 } }))).toBe('take-over-stale');
    expect(decideLock(finding({ holder: { ...holder, pid: 7 }, heldHere: true }))).toBe('refuse');
  });
});

describe('parseLockHolder and describeCommand', () => {
  it('reads only a well-formed lock', () => {
    expect(parseLockHolder(JSON.stringify(holder))).toEqual(holder);
    expect(parseLockHolder('')).toBeNull();
    expect(parseLockHolder('{"pid":"12"}')).toBeNull();
    expect(parseLockHolder('{"pid":0}')).toBeNull();
  });

  it('names the npm script a person typed', () => {
    expect(describeCommand({ npm_lifecycle_event: 'start' }, [])).toBe('npm start');
    expect(describeCommand({ npm_lifecycle_event: 'user:create' }, [])).toBe('npm run user:create');
    expect(describeCommand({ npm_lifecycle_event: 'npx', npm_lifecycle_script: 'vitest run' }, [])).toBe('npx vitest run');
    expect(describeCommand({}, ['/usr/bin/node', '/app/scripts/import-memo.ts', 'memo.md'])).toBe('import-memo.ts memo.md');
  });
});

describe('acquireOwnerLock', () => {
  it('writes who holds the folder and removes the lock on release', () => {
    const dir = folder();
    const lock = acquireOwnerLock(dir, { command: 'npm start' });
    const written = parseLockHolder(readFileSync(path.join(dir, OWNER_LOCK_FILE), 'utf8'));
    expect(written).toMatchObject({ pid: process.pid, command: 'npm start' });
    lock.release();
    lock.release();
    expect(existsSync(path.join(dir, OWNER_LOCK_FILE))).toBe(false);
  });

  it('refuses a second open of the same folder in this process, and allows it after release', () => {
    const dir = folder();
    const lock = acquireOwnerLock(dir, { command: 'npm start' });
    expect(() => acquireOwnerLock(dir)).toThrow(DatabaseInUseError);
    lock.release();
    acquireOwnerLock(dir).release();
  });

  it('refuses a folder a live process holds, naming it in one line', () => {
    const dir = folder();
    // The parent of this test process is alive, and has its own start time.
    const live = { pid: process.ppid, command: 'npm start', startedAt: '2026-12-03T09:15:00.000Z' };
    writeFileSync(path.join(dir, OWNER_LOCK_FILE), JSON.stringify(live));
    let error: unknown;
    try {
      acquireOwnerLock(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatabaseInUseError);
    expect((error as Error).message).toBe(
      `${dir} is in use by process ${process.ppid} (npm start, since 2026-12-03 09:15 UTC). ` +
        'Stop it first, or do this in the browser: /admin/users for accounts, /import for memoranda.',
    );
    // The holder's lock is left as it was.
    expect(JSON.parse(readFileSync(path.join(dir, OWNER_LOCK_FILE), 'utf8'))).toEqual(live);
  });

  it('takes over the lock of a process that died, and a corrupt lock', () => {
    const dir = folder();
    writeFileSync(path.join(dir, OWNER_LOCK_FILE), JSON.stringify({ ...holder, pid: deadPid() }));
    const lock = acquireOwnerLock(dir);
    expect(parseLockHolder(readFileSync(path.join(dir, OWNER_LOCK_FILE), 'utf8'))?.pid).toBe(process.pid);
    lock.release();
    writeFileSync(path.join(dir, OWNER_LOCK_FILE), 'not json');
    acquireOwnerLock(dir).release();
  });

  it('release leaves alone a lock that is no longer its own', () => {
    const dir = folder();
    const lock = acquireOwnerLock(dir);
    const other = JSON.stringify({ ...holder, pid: process.ppid });
    writeFileSync(path.join(dir, OWNER_LOCK_FILE), other);
    lock.release();
    expect(readFileSync(path.join(dir, OWNER_LOCK_FILE), 'utf8')).toBe(other);
  });
});

/**
 * One owner for an embedded database folder (issue 9, finding 1): while this
 * test holds a PGlite folder open, the commands run beside it (user:create,
 * import, db:seed) refuse at once in one line naming the holder, exit 1, and
 * change nothing; after the folder is closed they work; a lock left by a
 * process that died is taken over. PGlite only: a PostgreSQL server has its
 * own sessions and needs no owner.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { connect, type Database } from '@/db/connect';
import { migrateDatabase } from '@/db/migrate';
import { OWNER_LOCK_FILE } from '@/db/owner-lock';
import { documents, users } from '@/db/schema';

const root = path.resolve(import.meta.dirname, '../..');
const TITLE = 'Memorandum of Conversation between A. Smith and B. Jones, Rome, May 1, 1990';

function run(dataDir: string, script: string, args: string[], input?: string) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: root,
    encoding: 'utf8',
    input,
    env: { ...process.env, DATABASE_URL: '', DIPTYCH_DATA_DIR: dataDir, DIPTYCH_SKIP_SEED: '1', npm_lifecycle_event: '' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.trim() };
}

async function open(dataDir: string): Promise<Database> {
  const database = await connect({ dataDir });
  await migrateDatabase(database);
  return database;
}

async function counts(database: Database) {
  const [u] = await database.db.select({ n: count() }).from(users);
  const [d] = await database.db.select({ n: count() }).from(documents);
  return { users: u!.n, documents: d!.n };
}

const inUse = (dataDir: string) =>
  new RegExp(
    `^${dataDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is in use by process ${process.pid} \\(.+, since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC\\)\\. ` +
      'Stop it first, or do this in the browser: /admin/users for accounts, /import for memoranda\\.$',
  );

// Each command starts a Node process and opens PGlite (seconds on a busy machine).
describe('embedded database owner', { timeout: 180_000 }, () => {
  it('refuses every command while another process holds the folder, and lets them in after it closes', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'diptych-owner-'));
    const memo = path.join(dataDir, '..', `${path.basename(dataDir)}-rome.txt`);
    writeFileSync(memo, `${TITLE}\n\nSmith: Hello.\n\nJones: Hi.\n`);
    const database = await open(dataDir);
    const before = await counts(database);

    const create = run(
      dataDir,
      'scripts/user-create.ts',
      ['--email', 'ada@example.org', '--role', 'editor'],
      'correct horse battery staple\n',
    );
    expect(create.status).toBe(1);
    expect(create.stderr).toMatch(inUse(dataDir));
    const imported = run(dataDir, 'scripts/import-memo.ts', [memo, '--slug', 'rome-1990']);
    expect(imported.status).toBe(1);
    // The file's warnings come first (it is read before the database is opened); the refusal is the last line.
    expect(imported.stderr.split('\n').at(-1)).toMatch(inUse(dataDir));
    const seeded = run(dataDir, 'scripts/db-seed.ts', []);
    expect(seeded.status).toBe(1);
    expect(seeded.stderr).toMatch(inUse(dataDir));
    const reset = run(dataDir, 'scripts/db-reset.ts', ['--yes']);
    expect(reset.status).toBe(1);
    expect(reset.stderr).toMatch(inUse(dataDir));

    // Nothing changed, and the holder still works on its folder.
    expect(await counts(database)).toEqual(before);
    await database.close();

    const created = run(
      dataDir,
      'scripts/user-create.ts',
      ['--email', 'ada@example.org', '--role', 'editor'],
      'correct horse battery staple\n',
    );
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);
    const reopened = await open(dataDir);
    try {
      expect((await counts(reopened)).users).toBe(before.users + 1);
    } finally {
      await reopened.close();
    }
  });

  it('takes over the lock of a process that died', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'diptych-owner-'));
    await (await open(dataDir)).close();
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    writeFileSync(
      path.join(dataDir, OWNER_LOCK_FILE),
      JSON.stringify({ pid: dead, command: 'npm start', startedAt: new Date().toISOString() }),
    );
    const migrated = run(dataDir, 'scripts/db-migrate.ts', []);
    expect(migrated.stderr).toBe('');
    expect(migrated.status).toBe(0);
    expect(migrated.stdout).toContain('Migrated embedded PGlite in');
  });
});

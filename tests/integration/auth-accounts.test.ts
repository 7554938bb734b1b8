import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '@/db/accounts/authenticate';
import { findAccountForExternalSignIn } from '@/db/accounts/external-sign-in';
import {
  changeOwnPassword,
  createUser,
  endSessions,
  resetPassword,
  setUserDisabled,
  setUserRole,
  unlockAccount,
  getActiveUserById,
  getSessionUser,
  listAccounts,
  ensureSystemUser,
  SYSTEM_USER_EMAIL,
} from '@/db/accounts/users';
import { signInAttempts, users } from '@/db/schema';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/databases';

const PASSWORD = 'correct horse battery staple';
const MINUTE = 60_000;

describe.each(testDatabaseKinds)('accounts and sign-in on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    console.info(`[integration] auth suite running on ${kind}`);
  });
  afterAll(async () => database?.dispose());

  const attemptsFor = async (subject: string) => {
    const [row] = await database.db.select({ n: count() }).from(signInAttempts).where(eq(signInAttempts.subject, subject));
    return Number(row!.n);
  };

  describe('creating accounts', () => {
    it('creates an editor with an Argon2id hash, never the password', async () => {
      const user = await createUser(database.db, {
        email: 'Ada@Example.org',
        name: 'Ada Lovelace',
        role: 'editor',
        password: PASSWORD,
      });
      expect(user).toMatchObject({ email: 'Ada@Example.org', name: 'Ada Lovelace', role: 'editor' });
      const [row] = await database.db.select().from(users).where(eq(users.id, user.id));
      expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
      expect(row!.passwordHash).not.toContain(PASSWORD);
      expect(row!.disabled).toBe(false);
    });

    it('refuses a second account for the same email in any letter case, and keeps one row', async () => {
      await expect(createUser(database.db, { email: 'ADA@example.ORG', role: 'admin', password: PASSWORD })).rejects.toMatchObject({
        code: 'duplicate-email',
        message: 'An account with the email ADA@example.ORG already exists.',
      });
      const [row] = await database.db
        .select({ n: count() })
        .from(users)
        .where(sql`lower(${users.email}) = 'ada@example.org'`);
      expect(Number(row!.n)).toBe(1);
    });

    it('two simultaneous creations of one email: exactly one wins', async () => {
      const results = await Promise.allSettled(
        [1, 2, 3].map(() => createUser(database.db, { email: 'race@example.org', role: 'editor', password: PASSWORD })),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')) {
        expect(r.reason).toMatchObject({ code: 'duplicate-email' });
      }
    });

    it('refuses a bad role, a short password and a bad email, creating nothing', async () => {
      const before = await listAccounts(database.db);
      await expect(createUser(database.db, { email: 'r@example.org', role: 'system', password: PASSWORD })).rejects.toMatchObject({
        code: 'invalid-role',
      });
      await expect(createUser(database.db, { email: 'r@example.org', role: 'owner', password: PASSWORD })).rejects.toMatchObject({
        code: 'invalid-role',
      });
      await expect(createUser(database.db, { email: 'r@example.org', role: 'editor', password: 'elevenchars' })).rejects.toMatchObject(
        {
          code: 'weak-password',
          message: 'The password is too short: 11 characters; it needs at least 12.',
        },
      );
      await expect(createUser(database.db, { email: 'r@', role: 'editor', password: PASSWORD })).rejects.toMatchObject({
        code: 'invalid-email',
      });
      expect(await listAccounts(database.db)).toEqual(before);
    });

    it('lists people, not the system account', async () => {
      await ensureSystemUser(database.db);
      const emails = (await listAccounts(database.db)).map((a) => a.email);
      expect(emails).toContain('Ada@Example.org');
      expect(emails).not.toContain(SYSTEM_USER_EMAIL);
    });
  });

  describe('signing in', () => {
    let t0: Date;
    beforeAll(async () => {
      t0 = new Date();
      await createUser(database.db, { email: 'grace@example.org', name: 'Grace', role: 'admin', password: PASSWORD });
      await createUser(database.db, { email: 'off@example.org', role: 'editor', password: PASSWORD, disabled: true });
    });
    const at = (minutes: number) => ({ now: new Date(t0.getTime() + minutes * MINUTE) });

    it('accepts the right password, with the email in any case', async () => {
      const result = await authenticate(database.db, { email: ' GRACE@example.org ', password: PASSWORD, address: '10.0.0.1' }, at(0));
      expect(result).toMatchObject({ ok: true, user: { email: 'grace@example.org', name: 'Grace', role: 'admin' } });
    });

    it('gives one message for a wrong password, an unknown email, a disabled and the system account', async () => {
      const tries = [
        { email: 'grace@example.org', password: 'wrong password!!' },
        { email: 'nobody@example.org', password: PASSWORD },
        { email: 'off@example.org', password: PASSWORD },
        { email: SYSTEM_USER_EMAIL, password: PASSWORD },
        { email: '', password: '' },
      ];
      for (const t of tries) {
        expect(await authenticate(database.db, { ...t, address: '10.0.0.2' }, at(0))).toEqual({
          ok: false,
          reason: 'invalid',
          message: 'Email or password is incorrect.',
        });
      }
      // Each failure is counted against its email and the address.
      expect(await attemptsFor('email:grace@example.org')).toBe(1);
      expect(await attemptsFor('email:nobody@example.org')).toBe(1);
      expect(await attemptsFor('ip:10.0.0.2')).toBe(5);
    });

    it('after five failures from one address refuses even the right password there, for 15 minutes, then lets it in', async () => {
      const email = 'locked@example.org';
      await createUser(database.db, { email, role: 'editor', password: PASSWORD });
      for (let i = 0; i < 5; i++) {
        const r = await authenticate(database.db, { email, password: `wrong-${i}-password`, address: '10.1.0.1' }, at(1 + i * 0.1));
        expect(r).toMatchObject({ ok: false, reason: 'invalid' });
      }
      const blocked = await authenticate(database.db, { email, password: PASSWORD, address: '10.1.0.1' }, at(2));
      expect(blocked).toEqual({
        ok: false,
        reason: 'rate-limited',
        minutes: 14,
        message: 'Too many failed sign-ins; try again in 14 minutes.',
      });
      // A refused attempt is not verified and does not extend the lock.
      expect(await attemptsFor(`pair:${email}|10.1.0.1`)).toBe(5);

      // 15 minutes after the first failure, one slot is free again.
      const later = await authenticate(database.db, { email, password: PASSWORD, address: '10.1.0.1' }, at(16.05));
      expect(later).toMatchObject({ ok: true });
      // Success clears this address's run at the account; the account-wide count stays.
      expect(await attemptsFor(`pair:${email}|10.1.0.1`)).toBe(0);
      expect(await attemptsFor(`email:${email}`)).toBe(5);
    });

    it("a stranger's five failures at a named account do not lock its owner out on another address", async () => {
      const email = 'owner@example.org';
      await createUser(database.db, { email, role: 'editor', password: PASSWORD });
      for (let i = 0; i < 6; i++)
        await authenticate(database.db, { email, password: `attacker guess ${i}`, address: '203.0.113.66' }, at(40));
      expect(await authenticate(database.db, { email, password: PASSWORD, address: '203.0.113.66' }, at(40))).toMatchObject({
        reason: 'rate-limited',
      });
      expect(await authenticate(database.db, { email, password: PASSWORD, address: '198.51.100.10' }, at(40))).toMatchObject({
        ok: true,
      });
    });

    it('fifty failures at one account from many addresses within an hour refuse it everywhere (the account-wide ceiling)', async () => {
      const email = 'ceiling@example.org';
      await createUser(database.db, { email, role: 'editor', password: PASSWORD });
      for (let i = 0; i < 50; i++) {
        const r = await authenticate(
          database.db,
          { email, password: `spread guess ${i}`, address: `100.64.${Math.floor(i / 4)}.${i % 4}` },
          at(45 + i * 0.5),
        );
        expect(r).toMatchObject({ ok: false, reason: 'invalid' });
      }
      const refused = await authenticate(database.db, { email, password: PASSWORD, address: '198.51.100.11' }, at(71));
      // The first of the fifty (at minute 45) leaves the hour at minute 105.
      expect(refused).toMatchObject({ ok: false, reason: 'rate-limited', minutes: 34 });
      expect(await authenticate(database.db, { email, password: PASSWORD, address: '198.51.100.11' }, at(105.05))).toMatchObject({
        ok: true,
      });
    });

    it('limits an address to twenty failures across accounts; other addresses are unaffected', async () => {
      const address = '192.0.2.50';
      for (let i = 0; i < 20; i++) {
        await authenticate(database.db, { email: `spray-${i}@example.org`, password: 'wrong password!!', address }, at(30));
      }
      const blocked = await authenticate(database.db, { email: 'grace@example.org', password: PASSWORD, address }, at(31));
      expect(blocked).toMatchObject({ ok: false, reason: 'rate-limited', minutes: 14 });
      const elsewhere = await authenticate(
        database.db,
        { email: 'grace@example.org', password: PASSWORD, address: '192.0.2.51' },
        at(31),
      );
      expect(elsewhere).toMatchObject({ ok: true });
    });

    it('parallel guesses at one account from one address cannot slip past the limit', async () => {
      const email = 'target@example.org';
      await createUser(database.db, { email, role: 'editor', password: PASSWORD });
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          authenticate(database.db, { email, password: `guess number ${i}`, address: '172.16.0.1' }, at(60)),
        ),
      );
      expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(5);
      expect(results.filter((r) => !r.ok && r.reason === 'rate-limited')).toHaveLength(5);
      expect(await attemptsFor(`pair:${email}|172.16.0.1`)).toBe(5);
    });

    it('forty parallel guesses from one address at forty accounts: at most twenty are evaluated', async () => {
      const address = '172.16.9.9';
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          authenticate(database.db, { email: `parallel-${i}@example.org`, password: 'wrong password!!', address }, at(62)),
        ),
      );
      expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(20);
      expect(results.filter((r) => !r.ok && r.reason === 'rate-limited')).toHaveLength(20);
      expect(await attemptsFor(`ip:${address}`)).toBe(20);
    });

    it('prunes failures older than the window when recording new ones', async () => {
      const address = '198.51.100.99';
      await authenticate(database.db, { email: 'prune@example.org', password: 'wrong password!!', address }, at(100));
      await authenticate(database.db, { email: 'prune@example.org', password: 'wrong password!!', address }, at(200));
      expect(await attemptsFor(`ip:${address}`)).toBe(1);
      expect(await attemptsFor('email:prune@example.org')).toBe(1);
      expect(await attemptsFor(`pair:prune@example.org|${address}`)).toBe(1);
    });
  });

  describe('disabling and roles', () => {
    let adminId: number;
    let editorId: number;
    beforeAll(async () => {
      adminId = (await createUser(database.db, { email: 'boss@example.org', role: 'admin', password: PASSWORD })).id;
      editorId = (await createUser(database.db, { email: 'worker@example.org', role: 'editor', password: PASSWORD })).id;
    });

    it('a disabled account has no session user and cannot sign in; enabled again, it can', async () => {
      expect(await getActiveUserById(database.db, editorId)).toMatchObject({ role: 'editor' });
      await setUserDisabled(database.db, { actorId: adminId, userId: editorId, disabled: true });
      expect(await getActiveUserById(database.db, editorId)).toBeNull();
      const refused = await authenticate(database.db, { email: 'worker@example.org', password: PASSWORD, address: '10.9.9.9' });
      expect(refused).toMatchObject({ ok: false, reason: 'invalid', message: 'Email or password is incorrect.' });

      await setUserDisabled(database.db, { actorId: adminId, userId: editorId, disabled: false });
      expect(await getActiveUserById(database.db, editorId)).toMatchObject({ id: editorId });
      expect(await authenticate(database.db, { email: 'worker@example.org', password: PASSWORD, address: '10.9.9.9' })).toMatchObject({
        ok: true,
      });
    });

    it('changes a role, and the session user sees it at once', async () => {
      await setUserRole(database.db, { actorId: adminId, userId: editorId, role: 'admin' });
      expect(await getActiveUserById(database.db, editorId)).toMatchObject({ role: 'admin' });
      await setUserRole(database.db, { actorId: adminId, userId: editorId, role: 'editor' });
      expect(await getActiveUserById(database.db, editorId)).toMatchObject({ role: 'editor' });
    });

    it('an admin cannot disable or demote themself, and says why', async () => {
      await expect(setUserDisabled(database.db, { actorId: adminId, userId: adminId, disabled: true })).rejects.toMatchObject({
        code: 'self-lockout',
        message: expect.stringContaining('You cannot disable your own account'),
      });
      await expect(setUserRole(database.db, { actorId: adminId, userId: adminId, role: 'editor' })).rejects.toMatchObject({
        code: 'self-lockout',
        message: expect.stringContaining('You cannot remove your own admin role'),
      });
      expect(await getActiveUserById(database.db, adminId)).toMatchObject({ role: 'admin' });
    });

    it('an OAuth/OIDC email maps only onto an existing, enabled person', async () => {
      expect(await findAccountForExternalSignIn(database.db, 'WORKER@example.org')).toMatchObject({ id: editorId, role: 'editor' });
      expect(await findAccountForExternalSignIn(database.db, 'stranger@example.org')).toBeNull();
      expect(await findAccountForExternalSignIn(database.db, null)).toBeNull();
      expect(await findAccountForExternalSignIn(database.db, SYSTEM_USER_EMAIL)).toBeNull();
      await setUserDisabled(database.db, { actorId: adminId, userId: editorId, disabled: true });
      expect(await findAccountForExternalSignIn(database.db, 'worker@example.org')).toBeNull();
      await setUserDisabled(database.db, { actorId: adminId, userId: editorId, disabled: false });
      // Nothing was created along the way.
      expect((await listAccounts(database.db)).map((a) => a.email)).not.toContain('stranger@example.org');
    });

    it('refuses unknown accounts and the system account', async () => {
      await expect(setUserDisabled(database.db, { actorId: adminId, userId: 999_999, disabled: true })).rejects.toMatchObject({
        code: 'not-found',
        message: 'There is no account with id 999999.',
      });
      const systemId = await ensureSystemUser(database.db);
      await expect(setUserRole(database.db, { actorId: adminId, userId: systemId, role: 'admin' })).rejects.toMatchObject({
        code: 'system-account',
      });
      expect(await getActiveUserById(database.db, systemId)).toBeNull();
    });
  });

  describe('session versions', () => {
    let adminId: number;
    const versionOf = async (id: number) =>
      (await database.db.select({ v: users.sessionVersion }).from(users).where(eq(users.id, id)))[0]!.v;
    beforeAll(async () => {
      adminId = (await createUser(database.db, { email: 'chief@example.org', role: 'admin', password: PASSWORD })).id;
    });
    const newEditor = async (email: string) => (await createUser(database.db, { email, role: 'editor', password: PASSWORD })).id;

    it("a sign-in carries the account's version; a token of that version is a session user, any other is not", async () => {
      const id = await newEditor('sv-basic@example.org');
      const signedIn = await authenticate(database.db, { email: 'sv-basic@example.org', password: PASSWORD, address: '10.20.0.1' });
      expect(signedIn).toMatchObject({ ok: true, user: { id, sessionVersion: 1 } });
      expect(await getSessionUser(database.db, id, 1)).toMatchObject({ id, role: 'editor' });
      expect(await getSessionUser(database.db, id, 2)).toBeNull();
      expect(await getSessionUser(database.db, id, 0)).toBeNull();
    });

    it('sign-out ends every session of the account; a revoked token cannot bump the version again', async () => {
      const id = await newEditor('sv-out@example.org');
      await endSessions(database.db, { userId: id, sessionVersion: 1 });
      expect(await versionOf(id)).toBe(2);
      expect(await getSessionUser(database.db, id, 1)).toBeNull();
      await endSessions(database.db, { userId: id, sessionVersion: 1 });
      expect(await versionOf(id)).toBe(2);
      expect(await getSessionUser(database.db, id, 2)).toMatchObject({ id });
    });

    it('disabling ends the sessions, and enabling again does not revive them', async () => {
      const id = await newEditor('sv-off@example.org');
      await setUserDisabled(database.db, { actorId: adminId, userId: id, disabled: true });
      expect(await getSessionUser(database.db, id, 1)).toBeNull();
      expect(await getSessionUser(database.db, id, 2)).toBeNull();
      await setUserDisabled(database.db, { actorId: adminId, userId: id, disabled: false });
      expect(await getSessionUser(database.db, id, 1)).toBeNull();
      expect(await versionOf(id)).toBe(2);
      const again = await authenticate(database.db, { email: 'sv-off@example.org', password: PASSWORD, address: '10.20.0.2' });
      expect(again).toMatchObject({ ok: true, user: { sessionVersion: 2 } });
    });

    it('a role change ends the sessions; an unchanged role does not', async () => {
      const id = await newEditor('sv-role@example.org');
      await setUserRole(database.db, { actorId: adminId, userId: id, role: 'editor' });
      expect(await versionOf(id)).toBe(1);
      await setUserRole(database.db, { actorId: adminId, userId: id, role: 'admin' });
      expect(await getSessionUser(database.db, id, 1)).toBeNull();
      expect(await getSessionUser(database.db, id, 2)).toMatchObject({ role: 'admin' });
    });

    it("changing one's own password needs the current one, and ends the sessions", async () => {
      const id = await newEditor('sv-pass@example.org');
      const next = 'a brand new passphrase';
      await expect(
        changeOwnPassword(database.db, { userId: id, currentPassword: 'not the password', newPassword: next }),
      ).rejects.toMatchObject({
        code: 'wrong-password',
      });
      await expect(
        changeOwnPassword(database.db, { userId: id, currentPassword: PASSWORD, newPassword: 'short' }),
      ).rejects.toMatchObject({
        code: 'weak-password',
      });
      expect(await versionOf(id)).toBe(1);
      await changeOwnPassword(database.db, { userId: id, currentPassword: PASSWORD, newPassword: next });
      expect(await getSessionUser(database.db, id, 1)).toBeNull();
      expect(
        await authenticate(database.db, { email: 'sv-pass@example.org', password: PASSWORD, address: '10.20.0.3' }),
      ).toMatchObject({ ok: false });
      expect(await authenticate(database.db, { email: 'sv-pass@example.org', password: next, address: '10.20.0.3' })).toMatchObject({
        ok: true,
        user: { sessionVersion: 2 },
      });
    });

    it("an admin's password reset ends the sessions and lifts the locks; unlocking alone lifts the locks", async () => {
      const email = 'sv-reset@example.org';
      const id = await newEditor(email);
      for (let i = 0; i < 5; i++) await authenticate(database.db, { email, password: `wrong guess ${i}!`, address: '10.20.1.1' });
      expect(await authenticate(database.db, { email, password: PASSWORD, address: '10.20.1.1' })).toMatchObject({
        reason: 'rate-limited',
      });
      await unlockAccount(database.db, { userId: id });
      expect(await attemptsFor(`email:${email}`)).toBe(0);
      expect(await attemptsFor(`pair:${email}|10.20.1.1`)).toBe(0);
      expect(await authenticate(database.db, { email, password: PASSWORD, address: '10.20.1.1' })).toMatchObject({ ok: true });

      for (let i = 0; i < 5; i++) await authenticate(database.db, { email, password: `wrong guess ${i}!`, address: '10.20.1.2' });
      await resetPassword(database.db, { actorId: adminId, userId: id, password: 'the admin chose this one' });
      expect(await getSessionUser(database.db, id, 1)).toBeNull();
      expect(await authenticate(database.db, { email, password: 'the admin chose this one', address: '10.20.1.2' })).toMatchObject({
        ok: true,
        user: { sessionVersion: 2 },
      });
      await expect(
        resetPassword(database.db, { actorId: adminId, userId: adminId, password: 'the admin chose this one' }),
      ).rejects.toMatchObject({
        code: 'self-lockout',
      });
    });
  });
});

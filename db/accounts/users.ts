/**
 * Accounts, in one module: reading them (the session check, sign-in, the
 * admin list), the system user that imports are recorded under, and
 * creating and changing accounts. Changing is admin-only in the app (the
 * actions check the role); the command line (scripts/user-create.ts) calls
 * createUser directly. An admin cannot disable or demote themself, so the
 * last admin can never lock everyone out.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../connect';
import { users } from '../schema';
import { AccountError } from '@/lib/auth/account-errors';
import { validateNewAccount } from '@/lib/auth/account-rules';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { accountRoles, isAccountRole, type AccountRole, type UserRole } from '@/lib/auth/roles';
import { accountColumns } from '../queries/columns';
import { unlockSignIn } from '../queries/sign-in-attempts';

// 'system' (the importer's account) is never a person's role and never signs in.
export type { AccountRole };

export const SYSTEM_USER_EMAIL = 'system@diptych.invalid';

/** The user that imports and seeds are recorded under; it cannot sign in (no password). */
export async function ensureSystemUser(db: Db): Promise<number> {
  await db
    .insert(users)
    .values({ email: SYSTEM_USER_EMAIL, name: 'Diptych (system)', role: 'system', passwordHash: null })
    .onConflictDoNothing();
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${SYSTEM_USER_EMAIL}`);
  return row!.id;
}

export interface ActiveUser {
  id: number;
  email: string;
  name: string;
  role: AccountRole;
}

/** The account behind a session, if it still exists, is enabled and is a person (not 'system'). */
export async function getActiveUserById(db: Db, id: number): Promise<ActiveUser | null> {
  const [row] = await db
    .select(accountColumns)
    .from(users)
    .where(and(eq(users.id, id), eq(users.disabled, false), inArray(users.role, [...accountRoles])));
  return row && isAccountRole(row.role) ? { ...row, role: row.role } : null;
}

/**
 * The account a session token names, only while the token's session version is the account's current one
 * (sign-out, disabling, a role or password change bump it) and the account is enabled: else null, signed out.
 */
export async function getSessionUser(db: Db, id: number, sessionVersion: number): Promise<ActiveUser | null> {
  const [row] = await db
    .select(accountColumns)
    .from(users)
    .where(
      and(
        eq(users.id, id),
        eq(users.sessionVersion, sessionVersion),
        eq(users.disabled, false),
        inArray(users.role, [...accountRoles]),
      ),
    );
  return row ? { ...row, role: row.role as AccountRole } : null;
}

export interface SignInCandidate {
  id: number;
  email: string;
  name: string;
  role: UserRole;
  disabled: boolean;
  passwordHash: string | null;
  sessionVersion: number;
}

/** The account an email signs in to (emails compare case-insensitively). */
export async function getSignInCandidateByEmail(db: Db, email: string): Promise<SignInCandidate | null> {
  const [row] = await db
    .select({ ...accountColumns, disabled: users.disabled, passwordHash: users.passwordHash, sessionVersion: users.sessionVersion })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`);
  return row ?? null;
}

export interface UserListEntry {
  id: number;
  email: string;
  name: string;
  role: AccountRole;
  disabled: boolean;
  createdAt: Date;
}

/** People's accounts (not the system user), oldest first. */
export async function listAccounts(db: Db): Promise<UserListEntry[]> {
  const rows = await db
    .select({ ...accountColumns, disabled: users.disabled, createdAt: users.createdAt })
    .from(users)
    .where(inArray(users.role, [...accountRoles]))
    .orderBy(asc(users.createdAt), asc(users.id));
  return rows.flatMap((r) => (isAccountRole(r.role) ? [{ ...r, role: r.role }] : []));
}

export interface CreatedUser {
  id: number;
  email: string;
  name: string;
  role: AccountRole;
}

export async function createUser(
  db: Db,
  input: { email: string; name?: string | undefined; role: string; password: string; disabled?: boolean },
): Promise<CreatedUser> {
  const account = validateNewAccount(input);
  if (await emailTaken(db, account.email)) throw duplicate(account.email);
  const passwordHash = await hashPassword(account.password);
  try {
    const [row] = await db
      .insert(users)
      .values({ email: account.email, name: account.name, role: account.role, passwordHash, disabled: input.disabled ?? false })
      .returning({ id: users.id, email: users.email, name: users.name });
    return { ...row!, role: account.role };
  } catch (error) {
    // Two creations of one email at once: the unique index decides.
    if (isUniqueViolation(error)) throw duplicate(account.email);
    throw error;
  }
}

async function emailTaken(db: Db, email: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return Boolean(row);
}

function duplicate(email: string): AccountError {
  return new AccountError('duplicate-email', `An account with the email ${email} already exists.`);
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

async function getChangeableUser(db: Db, userId: number) {
  const [row] = await db
    .select({ id: users.id, email: users.email, role: users.role, disabled: users.disabled })
    .from(users)
    .where(eq(users.id, userId));
  if (!row) throw new AccountError('not-found', `There is no account with id ${userId}.`);
  if (row.role === 'system') throw new AccountError('system-account', 'The system account records imports; it cannot be changed.');
  return row;
}

export async function setUserDisabled(db: Db, input: { actorId: number; userId: number; disabled: boolean }): Promise<void> {
  const target = await getChangeableUser(db, input.userId);
  if (input.disabled && input.userId === input.actorId) {
    throw new AccountError(
      'self-lockout',
      'You cannot disable your own account: you would be signed out at once, and no admin might be left to enable it again.',
    );
  }
  if (target.disabled === input.disabled) return;
  // Disabling ends every session; enabling again does not bring them back (the version only goes up).
  await db
    .update(users)
    .set(input.disabled ? { disabled: true, sessionVersion: sql`${users.sessionVersion} + 1` } : { disabled: false })
    .where(eq(users.id, input.userId));
}

export async function setUserRole(db: Db, input: { actorId: number; userId: number; role: AccountRole }): Promise<void> {
  const target = await getChangeableUser(db, input.userId);
  if (input.userId === input.actorId && input.role !== 'admin') {
    throw new AccountError(
      'self-lockout',
      'You cannot remove your own admin role: you would lose access to this page, and no admin might be left to give it back.',
    );
  }
  if (target.role === input.role) return;
  // A role change ends the account's sessions: whoever holds one signs in again under the new role.
  await db
    .update(users)
    .set({ role: input.role, sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, input.userId));
}

/**
 * Ends every session of the account at once (sign-out signs out everywhere), when `sessionVersion` is still
 * the account's current one: a token already revoked changes nothing.
 */
export async function endSessions(db: Db, input: { userId: number; sessionVersion: number }): Promise<void> {
  await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(and(eq(users.id, input.userId), eq(users.sessionVersion, input.sessionVersion)));
}

/** A person changes their own password: the current one must match; every session of the account ends. */
export async function changeOwnPassword(
  db: Db,
  input: { userId: number; currentPassword: string; newPassword: string },
): Promise<void> {
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, input.userId));
  if (!row?.passwordHash || !(await verifyPassword(row.passwordHash, input.currentPassword))) {
    throw new AccountError('wrong-password', 'The current password is not right; nothing was changed.');
  }
  if (input.newPassword === input.currentPassword) {
    throw new AccountError('weak-password', 'The new password is the same as the current one.');
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db
    .update(users)
    .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, input.userId));
}

/** An admin sets a new password for someone (shown to the admin once): their sessions end and their sign-in locks are lifted. */
export async function resetPassword(db: Db, input: { actorId: number; userId: number; password: string }): Promise<void> {
  const target = await getChangeableUser(db, input.userId);
  if (input.userId === input.actorId) {
    throw new AccountError('self-lockout', 'Change your own password on your account page, with your current password.');
  }
  const passwordHash = await hashPassword(input.password);
  await db
    .update(users)
    .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, input.userId));
  await unlockSignIn(db, target.email);
}

/** Clears every sign-in lock on an account (its own failures and those of each address against it). */
export async function unlockAccount(db: Db, input: { userId: number }): Promise<void> {
  const target = await getChangeableUser(db, input.userId);
  await unlockSignIn(db, target.email);
}

/**
 * Creating and changing accounts. Admin-only in the app (the actions check
 * the role); the command line (scripts/user-create.ts) calls createUser
 * directly. An admin cannot disable or demote themself, so the last admin
 * can never lock everyone out.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../connect';
import { users } from '../schema';
import { AccountError } from '@/lib/auth/account-errors';
import { validateNewAccount, type AccountRole } from '@/lib/auth/account-rules';
import { hashPassword } from '@/lib/auth/password';

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
  await db.update(users).set({ disabled: input.disabled }).where(eq(users.id, input.userId));
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
  await db.update(users).set({ role: input.role }).where(eq(users.id, input.userId));
}

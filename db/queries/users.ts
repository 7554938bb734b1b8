import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../connect';
import { users } from '../schema';
import { accountRoles, isAccountRole, type AccountRole, type UserRole } from '@/lib/auth/roles';

// 'system' (the importer's account) is never a person's role and never signs in.
export type { AccountRole };

export interface ActiveUser {
  id: number;
  email: string;
  name: string;
  role: AccountRole;
}

/** The account behind a session, if it still exists, is enabled and is a person (not 'system'). */
export async function getActiveUserById(db: Db, id: number): Promise<ActiveUser | null> {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
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
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
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
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      disabled: users.disabled,
      passwordHash: users.passwordHash,
      sessionVersion: users.sessionVersion,
    })
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
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      disabled: users.disabled,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(inArray(users.role, [...accountRoles]))
    .orderBy(asc(users.createdAt), asc(users.id));
  return rows.flatMap((r) => (isAccountRole(r.role) ? [{ ...r, role: r.role }] : []));
}

/**
 * Who is signed in, for server components and actions. The session cookie
 * (a JWT) only names the account and its session version; auth() voids a
 * token whose version is no longer the account's (the jwt callback in auth.ts),
 * and role and enabled state are re-read here, so sign-out, disabling and role
 * or password changes take effect at once, not when the token expires.
 */
import 'server-only';
import { cache } from 'react';
import { auth } from '@/auth';
import { getDb } from '@/db';
import { getActiveUserById } from '@/db/accounts/users';

export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: 'editor' | 'admin';
}

/** The signed-in, enabled user, re-read from the database (a disabled or deleted account is null), or null. */
export const getCurrentUser: () => Promise<SessionUser | null> = cache(async () => {
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  return getActiveUserById(await getDb(), id);
});

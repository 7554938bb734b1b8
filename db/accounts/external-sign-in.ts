/**
 * OAuth / OIDC sign-ins never create accounts (admins do): a verified email
 * from the provider maps onto an existing, enabled person's account, or the
 * sign-in is refused.
 */
import type { Db } from '../connect';
import { getSignInCandidateByEmail, type ActiveUser } from './users';

export async function findAccountForExternalSignIn(
  db: Db,
  verifiedEmail: string | null | undefined,
): Promise<(ActiveUser & { sessionVersion: number }) | null> {
  if (!verifiedEmail?.trim()) return null;
  const candidate = await getSignInCandidateByEmail(db, verifiedEmail);
  if (!candidate || candidate.disabled || candidate.role === 'system') return null;
  return {
    id: candidate.id,
    email: candidate.email,
    name: candidate.name,
    role: candidate.role,
    sessionVersion: candidate.sessionVersion,
  };
}

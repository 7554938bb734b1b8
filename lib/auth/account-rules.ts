/**
 * What makes account data acceptable, shared by the command line
 * (scripts/user-create.ts), the admin pages and the database layer.
 */
import { z } from 'zod';
import { AccountError } from './account-errors';
import { passwordProblem } from './password';

import { accountRoles, type AccountRole } from './roles';

export { accountRoles, type AccountRole };

export const emailSchema = z.string().trim().max(254, 'The email is too long.').pipe(z.email('That is not an email address.'));

export const nameSchema = z.string().trim().min(1, 'The name is empty.').max(120, 'The name is too long (at most 120 characters).');

export const roleSchema = z.enum(accountRoles, { error: `The role must be one of: ${accountRoles.join(', ')}.` });

export interface NewAccount {
  email: string;
  name: string;
  role: AccountRole;
  password: string;
}

/** Checks a new account's fields, naming the first bad one; the name defaults to the email's local part. */
export function validateNewAccount(input: { email: string; name?: string | undefined; role: string; password: string }): NewAccount {
  const email = emailSchema.safeParse(input.email);
  if (!email.success)
    throw new AccountError('invalid-email', `${email.error.issues[0]?.message ?? 'Invalid email.'} (${JSON.stringify(input.email)})`);
  const role = roleSchema.safeParse(input.role);
  if (!role.success) {
    throw new AccountError(
      'invalid-role',
      `Unknown role ${JSON.stringify(input.role)}: the role must be one of ${accountRoles.join(', ')}.`,
    );
  }
  const rawName = input.name?.trim() ? input.name : email.data.split('@')[0]!;
  const name = nameSchema.safeParse(rawName);
  if (!name.success) throw new AccountError('invalid-name', name.error.issues[0]?.message ?? 'Invalid name.');
  const problem = passwordProblem(input.password);
  if (problem) throw new AccountError('weak-password', problem);
  return { email: email.data, name: name.data, role: role.data, password: input.password };
}

'use server';
/** Account administration: admin only, every action through formAction({ role: 'admin' }). */
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { formAction } from '@/app/_actions/authorized-action';
import { getDb } from '@/db';
import { createUser, resetPassword, setUserDisabled, setUserRole, unlockAccount } from '@/db/accounts/users';
import { accountRoles } from '@/lib/auth/account-rules';
import { generatePassword } from '@/lib/auth/password';

const USERS_PATH = '/admin/users';
const optionalText = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().max(4096).optional());
const userId = z.coerce.number().int().positive();

const createSchema = z.object({
  email: z.string().max(254),
  name: optionalText,
  role: z.enum(accountRoles),
  // Empty: generate one and show it once.
  password: optionalText,
});

export const createAccount = formAction({ role: 'admin', schema: createSchema, name: 'admin.createAccount' }, async (input) => {
  const password = input.password ?? generatePassword();
  const user = await createUser(await getDb(), { email: input.email, name: input.name, role: input.role, password });
  revalidatePath(USERS_PATH);
  return { email: user.email, name: user.name, role: user.role, generatedPassword: input.password ? null : password };
});

const disabledSchema = z.object({ userId, disabled: z.enum(['true', 'false']).transform((v) => v === 'true') });

export const setAccountDisabled = formAction(
  { role: 'admin', schema: disabledSchema, name: 'admin.setAccountDisabled' },
  async ({ userId: id, disabled }, { user }) => {
    await setUserDisabled(await getDb(), { actorId: user.id, userId: id, disabled });
    revalidatePath(USERS_PATH);
    return { userId: id, disabled };
  },
);

const roleSchema = z.object({ userId, role: z.enum(accountRoles) });

export const setAccountRole = formAction(
  { role: 'admin', schema: roleSchema, name: 'admin.setAccountRole' },
  async ({ userId: id, role }, { user }) => {
    await setUserRole(await getDb(), { actorId: user.id, userId: id, role });
    revalidatePath(USERS_PATH);
    return { userId: id, role };
  },
);

/** A new generated password, shown to the admin once; the account's sessions end and its sign-in locks lift. */
export const resetAccountPassword = formAction(
  { role: 'admin', schema: z.object({ userId }), name: 'admin.resetAccountPassword' },
  async ({ userId: id }, { user }) => {
    const password = generatePassword();
    await resetPassword(await getDb(), { actorId: user.id, userId: id, password });
    return { userId: id, generatedPassword: password };
  },
);

/** Lifts the failed-sign-in locks on an account (from every address). */
export const unlockAccountSignIn = formAction(
  { role: 'admin', schema: z.object({ userId }), name: 'admin.unlockAccountSignIn' },
  async ({ userId: id }) => {
    await unlockAccount(await getDb(), { userId: id });
    return { userId: id, unlocked: true };
  },
);

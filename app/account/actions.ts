'use server';
/** A person's own account: changing their password (which ends every other session of the account). */
import { z } from 'zod';
import { formAction } from '@/app/_actions/authorized-action';
import { signIn } from '@/auth';
import { getDb } from '@/db';
import { changeOwnPassword } from '@/db/accounts/users';
import { AccountError } from '@/lib/auth/account-errors';

const changeSchema = z.object({
  currentPassword: z.string().max(4096),
  newPassword: z.string().max(4096),
  confirmPassword: z.string().max(4096),
});

export const changePassword = formAction(
  { role: 'editor', schema: changeSchema, name: 'account.changePassword' },
  async (input, { user }) => {
    if (input.newPassword !== input.confirmPassword) {
      throw new AccountError('weak-password', 'The new password and its confirmation differ; nothing was changed.');
    }
    await changeOwnPassword(await getDb(), {
      userId: user.id,
      currentPassword: input.currentPassword,
      newPassword: input.newPassword,
    });
    // The change ended every session, this one too: sign this browser in again with the new password
    // (Auth.js sets the new cookie and redirects).
    await signIn('credentials', { email: user.email, password: input.newPassword, redirectTo: '/account?changed=1' });
    return { changed: true };
  },
);

'use client';
import { useActionState } from 'react';
import type { AccountRole } from '@/lib/auth/account-rules';
import { resetAccountPassword, setAccountDisabled, setAccountRole, unlockAccountSignIn } from './actions';
import styles from './users.module.css';

interface Props {
  userId: number;
  email: string;
  role: AccountRole;
  disabled: boolean;
}

export function UserRowActions({ userId, email, role, disabled }: Props) {
  const [statusResult, statusAction, statusPending] = useActionState(setAccountDisabled, null);
  const [roleResult, roleAction, rolePending] = useActionState(setAccountRole, null);
  const [resetResult, resetAction, resetPending] = useActionState(resetAccountPassword, null);
  const [unlockResult, unlockAction, unlockPending] = useActionState(unlockAccountSignIn, null);
  const error = [statusResult, roleResult, resetResult, unlockResult].find((r) => r && !r.ok);
  return (
    <div className={styles.rowActions}>
      <form action={statusAction}>
        <input type="hidden" name="userId" value={userId} />
        <input type="hidden" name="disabled" value={disabled ? 'false' : 'true'} />
        <button
          type="submit"
          className={styles.smallButton}
          disabled={statusPending}
          aria-label={`${disabled ? 'Enable' : 'Disable'} ${email}`}
        >
          {disabled ? 'Enable' : 'Disable'}
        </button>
      </form>
      <form action={roleAction} className={styles.roleForm}>
        <input type="hidden" name="userId" value={userId} />
        <select name="role" defaultValue={role} key={role} aria-label={`Role of ${email}`}>
          <option value="editor">editor</option>
          <option value="admin">admin</option>
        </select>
        <button type="submit" className={styles.smallButton} disabled={rolePending} aria-label={`Change role of ${email}`}>
          Change role
        </button>
      </form>
      <form action={resetAction}>
        <input type="hidden" name="userId" value={userId} />
        <button type="submit" className={styles.smallButton} disabled={resetPending} aria-label={`Reset the password of ${email}`}>
          Reset password
        </button>
      </form>
      <form action={unlockAction}>
        <input type="hidden" name="userId" value={userId} />
        <button type="submit" className={styles.smallButton} disabled={unlockPending} aria-label={`Unlock sign-in for ${email}`}>
          Unlock sign-in
        </button>
      </form>
      <p role="status" aria-live="polite" className={styles.result} data-testid="account-action-result">
        {resetResult?.ok ? (
          <>
            New password, shown only now (their sessions have ended):{' '}
            <code data-testid="reset-password">{resetResult.data.generatedPassword}</code>
          </>
        ) : null}
        {unlockResult?.ok ? 'Sign-in unlocked: failed attempts against this account no longer count.' : null}
      </p>
      <p role="alert" className={styles.error}>
        {error && !error.ok ? error.error.message : null}
      </p>
    </div>
  );
}

'use client';
import { useActionState } from 'react';
import type { AccountRole } from '@/lib/auth/account-rules';
import { setAccountDisabled, setAccountRole } from './actions';
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
  const error = [statusResult, roleResult].find((r) => r && !r.ok);
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
      <p role="status" aria-live="polite" className={styles.error}>
        {error && !error.ok ? error.error.message : null}
      </p>
    </div>
  );
}

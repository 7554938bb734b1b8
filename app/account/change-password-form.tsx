'use client';
import { useActionState } from 'react';
import styles from '@/app/admin/users/users.module.css';
import { changePassword } from './actions';

export function ChangePasswordForm() {
  const [result, action, pending] = useActionState(changePassword, null);
  return (
    <form action={action} className={styles.createForm} aria-labelledby="password-heading">
      <h2 id="password-heading">Change your password</h2>
      <label className={styles.field}>
        <span>Current password</span>
        <input name="currentPassword" type="password" required autoComplete="current-password" />
      </label>
      <label className={styles.field}>
        <span>New password</span>
        <input
          name="newPassword"
          type="password"
          required
          minLength={12}
          autoComplete="new-password"
          aria-describedby="new-password-hint"
        />
        <small id="new-password-hint">At least 12 characters. Every other session of your account ends.</small>
      </label>
      <label className={styles.field}>
        <span>New password again</span>
        <input name="confirmPassword" type="password" required minLength={12} autoComplete="new-password" />
      </label>
      <button type="submit" className={styles.button} disabled={pending}>
        {pending ? 'Changing…' : 'Change password'}
      </button>
      <div role="status" aria-live="polite" data-testid="change-password-result" className={styles.result}>
        {result && !result.ok ? <p className={styles.error}>{result.error.message}</p> : null}
      </div>
    </form>
  );
}

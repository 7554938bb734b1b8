'use client';
import { useActionState } from 'react';
import { createAccount } from './actions';
import styles from './users.module.css';

export function CreateUserForm() {
  const [result, action, pending] = useActionState(createAccount, null);
  const fieldError = (field: string) =>
    result && !result.ok ? result.error.issues?.find((i) => i.path === field)?.message : undefined;
  return (
    <form action={action} className={styles.createForm} aria-labelledby="create-heading">
      <h2 id="create-heading">Create an account</h2>
      <label className={styles.field}>
        <span>Email</span>
        <input name="email" type="email" required autoComplete="off" />
      </label>
      <label className={styles.field}>
        <span>Name</span>
        <input name="name" type="text" autoComplete="off" placeholder="defaults to the email's first part" />
      </label>
      <label className={styles.field}>
        <span>Role</span>
        <select name="role" defaultValue="editor">
          <option value="editor">editor — edits alignments and texts</option>
          <option value="admin">admin — also manages accounts</option>
        </select>
      </label>
      <label className={styles.field}>
        <span>Password</span>
        <input name="password" type="password" autoComplete="new-password" minLength={12} aria-describedby="password-hint" />
        <small id="password-hint">At least 12 characters. Leave empty to generate one, shown once.</small>
        {fieldError('password') ? <small className={styles.error}>{fieldError('password')}</small> : null}
      </label>
      <button type="submit" className={styles.button} disabled={pending}>
        {pending ? 'Creating…' : 'Create account'}
      </button>
      <div role="status" aria-live="polite" data-testid="create-account-result" className={styles.result}>
        {result?.ok ? (
          <p>
            Created the {result.data.role} account for {result.data.name} ({result.data.email}).
            {result.data.generatedPassword ? (
              <>
                {' '}
                Its password, shown only now: <code data-testid="generated-password">{result.data.generatedPassword}</code>
              </>
            ) : null}
          </p>
        ) : null}
        {result && !result.ok ? <p className={styles.error}>{result.error.message}</p> : null}
      </div>
    </form>
  );
}

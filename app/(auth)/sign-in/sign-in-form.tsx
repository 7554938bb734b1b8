'use client';
import { useActionState } from 'react';
import { signInWithPassword, type SignInState } from '../actions';
import styles from './sign-in.module.css';

const initial: SignInState = { error: null, email: '' };

/** Works without JavaScript too: the form posts to the server action and the page comes back with the error. */
export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState(signInWithPassword, initial);
  return (
    <form action={action} className={styles.form} aria-describedby="sign-in-error">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <label className={styles.field}>
        <span>Email</span>
        <input
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.email}
          aria-invalid={state.error ? true : undefined}
        />
      </label>
      <label className={styles.field}>
        <span>Password</span>
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={state.error ? true : undefined}
        />
      </label>
      {/* Always rendered, so screen readers announce the message when it appears. */}
      <p id="sign-in-error" className={styles.error} role="status" aria-live="polite" data-testid="sign-in-error">
        {state.error}
      </p>
      <button type="submit" className={styles.button} disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}

import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { externalProviders } from '@/auth';
import { getCurrentUser } from '@/app/_auth/current-user';
import { safeCallbackPath } from '@/lib/auth/callback-url';
import { tooManyMessage, WRONG_CREDENTIALS_MESSAGE } from '@/lib/auth/rate-limit';
import { signInWithProvider } from '../actions';
import { SignInForm } from './sign-in-form';
import styles from './sign-in.module.css';

export const metadata: Metadata = { title: 'Sign in', robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Errors Auth.js reports by redirecting here (a direct API sign-in, or an OAuth account with no match). */
function redirectedError(error: string | undefined, code: string | undefined): string | null {
  if (!error) return null;
  if (error === 'CredentialsSignin') {
    const minutes = /^rate-limited-(\d+)$/.exec(code ?? '')?.[1];
    return minutes ? tooManyMessage(Number(minutes)) : WRONG_CREDENTIALS_MESSAGE;
  }
  if (error === 'AccessDenied') return 'There is no enabled Diptych account with that verified email. An admin creates accounts.';
  return 'Signing in did not work; please try again.';
}

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const requestHeaders = await headers();
  const host = requestHeaders.get('host');
  const proto = requestHeaders.get('x-forwarded-proto') ?? 'http';
  const origin = host ? `${proto}://${host}` : undefined;
  // Back to where the reader came from: the explicit callbackUrl, else the referring page of this site.
  const callbackUrl = safeCallbackPath(first(params.callbackUrl) ?? requestHeaders.get('referer'), origin);
  const user = await getCurrentUser();
  const notice = redirectedError(first(params.error), first(params.code));

  return (
    <div className={styles.page}>
      <h1>Sign in</h1>
      {user ? (
        <p data-testid="already-signed-in">
          You are signed in as {user.name} ({user.email}). <Link href={callbackUrl}>Continue</Link>
        </p>
      ) : (
        <>
          <p className={styles.note}>
            Editors and admins sign in here. Reading and citing need no account. Accounts are created by an admin.
          </p>
          {notice ? (
            <p className={styles.error} role="status" data-testid="sign-in-notice">
              {notice}
            </p>
          ) : null}
          <SignInForm callbackUrl={callbackUrl} />
          {externalProviders.length > 0 ? (
            <div className={styles.providers}>
              {externalProviders.map((provider) => (
                <form key={provider.id} action={signInWithProvider}>
                  <input type="hidden" name="provider" value={provider.id} />
                  <input type="hidden" name="callbackUrl" value={callbackUrl} />
                  <button type="submit" className={styles.secondary}>
                    Sign in with {provider.name}
                  </button>
                </form>
              ))}
            </div>
          ) : null}
        </>
      )}
    </div>
  );
}

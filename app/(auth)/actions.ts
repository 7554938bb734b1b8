'use server';
/**
 * Signing in and out. These two are the only server actions that do not go
 * through authorizedAction: they are how a session starts and ends. The
 * password check and its rate limits live in the Credentials provider
 * (auth.ts → db/accounts/authenticate.ts), which also guards the API route.
 */
import { unstable_rethrow } from 'next/navigation';
import { AuthError, CredentialsSignin } from 'next-auth';
import { z } from 'zod';
import { externalProviders, signIn, signOut } from '@/auth';
import { formDataToObject } from '@/lib/auth/action-pipeline';
import { safeCallbackPath } from '@/lib/auth/callback-url';
import { tooManyMessage, WRONG_CREDENTIALS_MESSAGE } from '@/lib/auth/rate-limit';

export interface SignInState {
  error: string | null;
  email: string;
}

const signInSchema = z.object({
  email: z.string().trim().max(254).catch(''),
  password: z.string().max(4096).catch(''),
  callbackUrl: z.string().max(2048).optional().catch(undefined),
});

/** A public endpoint: anything may arrive, not only the form's FormData. */
function fields(input: unknown): Record<string, unknown> {
  if (input instanceof FormData) return formDataToObject(input);
  return typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
}

export async function signInWithPassword(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const parsed = signInSchema.safeParse(fields(formData));
  const email = parsed.success ? parsed.data.email : '';
  if (!parsed.success || !parsed.data.email || !parsed.data.password) {
    return { error: 'Enter your email and your password.', email };
  }
  try {
    await signIn('credentials', {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeCallbackPath(parsed.data.callbackUrl),
    });
  } catch (error) {
    // Success throws NEXT_REDIRECT, which must reach Next; only Auth.js errors are failures.
    unstable_rethrow(error);
    if (error instanceof AuthError) return { error: signInErrorMessage(error), email };
    throw error;
  }
  return { error: null, email };
}

function signInErrorMessage(error: AuthError): string {
  if (error instanceof CredentialsSignin) {
    const minutes = /^rate-limited-(\d+)$/.exec(error.code)?.[1];
    return minutes ? tooManyMessage(Number(minutes)) : WRONG_CREDENTIALS_MESSAGE;
  }
  return 'Signing in is not possible right now; please try again later.';
}

export async function signOutAndReturnHome(): Promise<void> {
  await signOut({ redirectTo: '/' });
}

/** Starts an OAuth/OIDC sign-in (only providers configured in auth.ts exist). */
export async function signInWithProvider(formData: FormData): Promise<void> {
  const { provider, callbackUrl } = fields(formData);
  if (typeof provider !== 'string' || !externalProviders.some((p) => p.id === provider)) return;
  await signIn(provider, { redirectTo: safeCallbackPath(typeof callbackUrl === 'string' ? callbackUrl : null) });
}

/**
 * THE wrapper every server action is built on. A server action is a public
 * POST endpoint; this is what keeps each one safe: session → role → zod
 * parse → handler, with domain errors passed through and anything else
 * logged and reported without internals. tests/e2e/security.spec.ts calls
 * every action in the build anonymously and as a disabled user.
 */
import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import { getCurrentUser, type SessionUser } from '@/app/_auth/current-user';
import { runAction, type ActionResult } from '@/lib/auth/action-pipeline';

export type { ActionResult } from '@/lib/auth/action-pipeline';

export interface AuthorizedActionOptions<S extends z.ZodType> {
  role: 'editor' | 'admin';
  schema: S;
  /** Names the action in server logs. */
  name: string;
}

export function authorizedAction<S extends z.ZodType, T>(
  options: AuthorizedActionOptions<S>,
  handler: (input: z.output<S>, ctx: { user: SessionUser }) => Promise<T>,
): (input: unknown) => Promise<ActionResult<T>> {
  return (input: unknown) => runAction(options, handler, input, getCurrentUser, undefined, unstable_rethrow);
}

/**
 * The same, shaped for `useActionState` / `<form action>`:
 * `(previousState, formData) => Promise<ActionResult<T>>`.
 */
export function formAction<S extends z.ZodType, T>(
  options: AuthorizedActionOptions<S>,
  handler: (input: z.output<S>, ctx: { user: SessionUser }) => Promise<T>,
): (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>> {
  return (_previous, formData) => runAction(options, handler, formData, getCurrentUser, undefined, unstable_rethrow);
}

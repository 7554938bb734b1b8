/**
 * The order every server action runs in: session → role → input → handler.
 * Pure (no Next, no database): the wrapper in app/_actions supplies the
 * signed-in user, so this pipeline is unit-tested on its own.
 */
import { z } from 'zod';
import { DomainError } from '@/lib/errors';
import type { AccountRole } from './account-rules';

export interface ActionUser {
  id: number;
  email: string;
  name: string;
  role: AccountRole;
}

export type ActionError = {
  code: string;
  message: string;
  details?: unknown;
  issues?: { path: string; message: string }[];
};

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

export const INTERNAL_ERROR_MESSAGE = 'Something went wrong; nothing was saved.';

/** admin ⊇ editor: an admin may do everything an editor may. */
export function hasRole(user: Pick<ActionUser, 'role'>, required: AccountRole): boolean {
  return required === 'editor' ? user.role === 'editor' || user.role === 'admin' : user.role === 'admin';
}

/**
 * FormData (from a <form action>) becomes a plain object; repeated fields
 * become arrays, so a multi-value field is not silently truncated. Next's
 * internal `$ACTION_*` fields are dropped.
 */
export function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith('$ACTION')) continue;
    const values = form.getAll(key);
    out[key] = values.length === 1 ? values[0] : values;
  }
  return out;
}

export function zodIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

export interface PipelineOptions<S extends z.ZodType> {
  role: AccountRole;
  schema: S;
  /** Names the action in server logs. */
  name: string;
}

export async function runAction<S extends z.ZodType, T>(
  options: PipelineOptions<S>,
  handler: (input: z.output<S>, ctx: { user: ActionUser }) => Promise<T>,
  input: unknown,
  loadUser: () => Promise<ActionUser | null>,
  log: (message: string, error: unknown) => void = (message, error) => console.error(message, error),
  /** Throws again what is Next's control flow (redirect(), notFound()): the app passes next/navigation's unstable_rethrow. */
  rethrowControlFlow: (error: unknown) => void = (error) => {
    if (isNextControlFlow(error)) throw error;
  },
): Promise<ActionResult<T>> {
  try {
    const user = await loadUser();
    if (!user) return { ok: false, error: { code: 'unauthenticated', message: 'Sign in to do this.' } };
    if (!hasRole(user, options.role)) {
      return { ok: false, error: { code: 'forbidden', message: `This needs the ${options.role} role.` } };
    }
    const raw = input instanceof FormData ? formDataToObject(input) : input;
    const parsed = options.schema.safeParse(raw);
    if (!parsed.success) {
      const issues = zodIssues(parsed.error);
      const first = issues[0];
      const message = first ? `Invalid input${first.path ? ` (${first.path})` : ''}: ${first.message}` : 'Invalid input.';
      return { ok: false, error: { code: 'invalid-input', message, issues } };
    }
    const data = await handler(parsed.data, { user });
    return { ok: true, data };
  } catch (error) {
    if (error instanceof DomainError) {
      return {
        ok: false,
        error:
          error.details === undefined
            ? { code: error.code, message: error.message }
            : { code: error.code, message: error.message, details: error.details },
      };
    }
    rethrowControlFlow(error);
    log(`[action ${options.name}] failed:`, error);
    return { ok: false, error: { code: 'internal', message: INTERNAL_ERROR_MESSAGE } };
  }
}

/**
 * redirect() and notFound() work by throwing; they must reach Next, not be
 * reported as failures. Recognised by their digest, without importing Next: the default for code
 * outside Next (unit tests); the app itself uses next/navigation's unstable_rethrow.
 */
export function isNextControlFlow(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('digest' in error)) return false;
  const digest = error.digest;
  return (
    typeof digest === 'string' &&
    (digest.startsWith('NEXT_REDIRECT') || digest.startsWith('NEXT_HTTP_ERROR_FALLBACK') || digest === 'NEXT_NOT_FOUND')
  );
}

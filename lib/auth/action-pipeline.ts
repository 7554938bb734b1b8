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
export const UNAVAILABLE_ERROR_MESSAGE = 'Not saved — the database is unavailable; try again.';

// Node's socket errors and postgres.js's own connection errors.
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
]);
// SQLSTATEs of a server that is going away or not taking connections: class 08 (connection exception),
// 57P01-57P03 (shutting down, crashed, starting up), 53300 (too many connections).
const UNAVAILABLE_SQLSTATES = /^(?:08...|57P0[123]|53300)$/;

/**
 * Whether an error (or one it was caused by: Drizzle wraps the driver's) means the database did not answer,
 * rather than that the request was wrong. Such an action reports 'unavailable', so the editor keeps their
 * text and is told to try again, instead of a generic failure.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; typeof e === 'object' && e !== null && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (CONNECTION_CODES.has(code) || UNAVAILABLE_SQLSTATES.test(code))) return true;
    // 55000 is generic, but with this text it is a database closed to connections (ALLOW_CONNECTIONS false).
    if (code === '55000' && typeof message === 'string' && message.includes('not currently accepting connections')) return true;
    if (e instanceof AggregateError && e.errors.some(isDatabaseUnavailable)) return true;
  }
  return false;
}

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
    if (isDatabaseUnavailable(error)) {
      log(`[action ${options.name}] database unavailable:`, error instanceof Error ? error.message : error);
      return { ok: false, error: { code: 'unavailable', message: UNAVAILABLE_ERROR_MESSAGE } };
    }
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

/**
 * The one table from an error code (DomainError's `code`, kebab-case) to the HTTP status that answers it,
 * used by the JSON API (app/api/_lib/http.ts), the cite form's redirect and proxy.ts. A code not listed
 * is the client's mistake: 400. The messages people read stay with each error, where they name the input.
 */
export const HTTP_STATUS_BY_CODE = {
  /** A reference that reads but names nothing. */
  'turn-out-of-range': 404,
  'sentence-out-of-range': 404,
  /** A word citation (T5.2@w12) beyond the passage's last word. */
  'word-out-of-range': 404,
  'no-such-revision': 404,
  /** A row id (the reader's word-link fetch) that names no row at that revision. */
  'no-such-row': 404,
  'no-reference-witness': 404,
  'document-not-found': 404,
  'database-unavailable': 503,
  /** An undo that later edits around its text make impossible: the same answer as a conflict. */
  'undo-blocked': 409,
  internal: 500,
} as const satisfies Record<string, number>;

export type KnownErrorCode = keyof typeof HTTP_STATUS_BY_CODE;

/** Fixed messages for the codes that carry no facts of their own. */
export const ERROR_MESSAGES = {
  internal: 'Something went wrong on the server. Please try again.',
} as const satisfies Partial<Record<KnownErrorCode, string>>;

export function httpStatusOf(code: string): number {
  return (HTTP_STATUS_BY_CODE as Record<string, number>)[code] ?? 400;
}

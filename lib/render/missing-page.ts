/**
 * How proxy.ts hands a "not found" decision to the not-found page: the request
 * is rewritten to a path no route matches (Next renders app/not-found.tsx on
 * the server for those), carrying what was missing and why in a request
 * header. Pure, so both sides agree on the encoding.
 */
export const MISSING_PAGE_HEADER = 'x-diptych-missing';
/** No route matches this path: Next answers it with app/not-found.tsx, status 404. */
export const MISSING_PAGE_PATH = '/_diptych/missing';

export type MissingKind = 'page' | 'document' | 'passage' | 'revision';
export type MissingPage = { kind: MissingKind; message: string };

const KINDS: readonly MissingKind[] = ['page', 'document', 'passage', 'revision'];

export function encodeMissingPage(page: MissingPage): string {
  return `${page.kind}:${encodeURIComponent(page.message)}`;
}

/** Null for a header this app did not write (proxy.ts drops any copy a client sends). */
export function decodeMissingPage(header: string | null): MissingPage | null {
  if (!header) return null;
  const colon = header.indexOf(':');
  const kind = header.slice(0, colon) as MissingKind;
  if (colon < 0 || !KINDS.includes(kind)) return null;
  try {
    return { kind, message: decodeURIComponent(header.slice(colon + 1)) };
  } catch {
    return null;
  }
}

/**
 * Pages that do not exist for an anonymous visitor (the accounts page is for
 * admins only; the editors' pages send anonymous visitors to sign in instead).
 */
export function isAdminPath(pathname: string): boolean {
  return /^\/admin(?:\/|$)/.test(pathname);
}

/**
 * ETags for HTML pages, decided in proxy.ts before any page renders. A
 * reader or passage page is a function of (build, document revision, URL),
 * so its tag is computed from the document's current revision alone (one
 * indexed lookup) and a revalidation is answered 304 without reading the
 * document. Pages that show several documents (library, search) use every
 * document's revision. Signed-in pages differ per person: they get no tag.
 */

export type PageScope = { kind: 'document'; slug: string } | { kind: 'all-documents' } | null;

/** Which revisions a page at `pathname` depends on, or null for pages that get no tag. */
export function pageScope(pathname: string): PageScope {
  if (pathname === '/' || pathname === '/search') return { kind: 'all-documents' };
  return documentScope(/^\/documents\/([^/]+)(?:\/passages\/[^/]+)?\/?$/.exec(pathname));
}

/**
 * Which revisions a public JSON answer at `pathname` depends on (docs/api.md): the document list, a
 * document, a passage. Exports and edits are left to their handlers. Null for anything else.
 */
export function apiScope(pathname: string): PageScope {
  if (pathname === '/api/documents' || pathname === '/api/documents/') return { kind: 'all-documents' };
  return documentScope(/^\/api\/documents\/([^/]+)(?:\/passages\/[^/]+)?\/?$/.exec(pathname));
}

/** The document a path names by its (percent-encoded) slug, or null when it names none or cannot be decoded. */
function documentScope(match: RegExpExecArray | null): PageScope {
  if (!match) return null;
  try {
    return { kind: 'document', slug: decodeURIComponent(match[1]!) };
  } catch {
    return null;
  }
}

/** True when the request carries an Auth.js session cookie (plain or __Secure-, possibly chunked). */
export function hasSessionCookie(cookieHeader: string | null): boolean {
  return cookieHeader != null && /(?:^|;\s*)(?:__Secure-)?authjs\.session-token/.test(cookieHeader);
}

/** A weak tag: the bytes differ per response (nonces), the page as read does not. */
export function pageEtag(parts: { build: string; revisions: string; url: string }): string {
  return `W/"p-${fnv1a(`${parts.build}\u0000${parts.revisions}\u0000${parts.url}`)}"`;
}

/** If-None-Match names this tag (weak comparison, as RFC 9110 asks for GET). */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((tag) => bare(tag) === bare(etag));
}

// 64-bit FNV-1a in two 32-bit halves: short, stable across instances, no crypto needed for a cache key.
function fnv1a(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x811c9dc5) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

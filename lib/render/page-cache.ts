/**
 * Whole rendered pages, kept per (build, revisions shown, URL): a public
 * page is a function of those (its script nonce is derived from its ETag,
 * lib/http/security-headers.ts), so once rendered it can be sent again
 * without rendering. Next's per-request render of the server-component tree
 * was what remained of a reader request once data and citations were
 * cached (docs/benchmarks.md). An edit changes the revisions, hence the
 * key, so no entry is ever stale, on any instance: each keeps its own.
 */
import { LRUCache } from 'lru-cache';

export interface CachedPage {
  status: number;
  headers: [string, string][];
  body: Uint8Array;
}

/** Headers of a rendered page that a copy must not repeat: per response, per connection, or per visitor. */
const NOT_REPEATED = new Set([
  'connection',
  'content-encoding',
  'content-length',
  'date',
  'keep-alive',
  'set-cookie',
  'transfer-encoding',
]);

export function pageCacheKey(parts: { build: string; revisions: string; url: string }): string {
  return `${parts.build}\u0000${parts.revisions}\u0000${parts.url}`;
}

/** A page worth keeping: a complete 200 HTML answer that sets no cookie. */
export function cacheablePage(response: { status: number; headers: Headers }): boolean {
  return (
    response.status === 200 &&
    (response.headers.get('content-type') ?? '').startsWith('text/html') &&
    !response.headers.has('set-cookie')
  );
}

/** A JSON API answer worth keeping: a 200 that sets no cookie (its own ETag and Cache-Control are kept with it). */
export function cacheableAnswer(response: { status: number; headers: Headers }): boolean {
  return (
    response.status === 200 &&
    (response.headers.get('content-type') ?? '').startsWith('application/json') &&
    !response.headers.has('set-cookie')
  );
}

export function pageHeaders(headers: Headers): [string, string][] {
  return [...headers].filter(([name]) => !NOT_REPEATED.has(name.toLowerCase()));
}

export function createPageCache(maxBytes: number): LRUCache<string, CachedPage> {
  return new LRUCache<string, CachedPage>({
    maxSize: maxBytes,
    sizeCalculation: (page, key) => page.body.byteLength + key.length + 512,
  });
}

/**
 * Renders a page for the cache, once more when the server failed to: right
 * after a PostgreSQL restart on a busy machine one pooled connection can time
 * out (10 s, db/reconnect.ts) though the server is up again, and that page
 * answered 500 (tests/load, outage phase). 'unavailable' when the database is
 * down now: the visitor gets the friendly 503 rather than an error page.
 */
export async function renderForCache<Page extends { status: number }>(
  render: () => Promise<Page>,
  databaseUp: () => Promise<boolean>,
): Promise<Page | 'unavailable'> {
  const first = await render();
  if (first.status < 500) return first;
  if (!(await databaseUp())) return 'unavailable';
  const second = await render();
  if (second.status >= 500 && !(await databaseUp())) return 'unavailable';
  return second;
}

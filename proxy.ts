/**
 * Runs before every page:
 * - refuses a request body over 1 MiB (413) and a cross-origin write (403)
 *   with a message, before anything else (lib/http/request-guards.ts);
 * - answers 503 with a friendly page while the PostgreSQL server is down
 *   (except to a server action, which reports the outage itself, in place)
 *   (a server component cannot set a status): one `select 1` on a dedicated
 *   small client, remembered for a few seconds (lib/render/availability.ts);
 * - answers a revalidation of a public page (reader, passage, library,
 *   search) with 304 when the revisions it shows have not changed, after one
 *   indexed lookup and before any page code reads the document; other
 *   responses get the ETag and `Cache-Control: public, no-cache`, so a shared
 *   cache may keep them but asks each time (lib/render/page-etag.ts).
 * - answers a URL that names no document, passage or revision (or the
 *   accounts page, to an anonymous visitor) with the not-found page rendered on the
 *   server, saying why (db/read-path/missing-page.ts): a page's own
 *   notFound() gives an empty body without JavaScript in Next 16;
 * - puts the security headers on every response it passes through or makes
 *   (lib/http/security-headers.ts), with a script nonce per page that Next
 *   copies onto its scripts; a tagged page's nonce is derived from its ETag,
 *   so a 304 repeats the policy the cached page was served with.
 * The embedded PGlite database lives inside this process: it is always up,
 * and the revision lookup goes through the app's own handle.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { NextResponse, type NextRequest } from 'next/server';
import { LRUCache } from 'lru-cache';
import postgres from 'postgres';
import { isDatabaseUnavailable } from '@/db/unavailable';
import { RECONNECT_OPTIONS } from '@/db/reconnect';
import { env } from '@/lib/env';
import { guardRequest, type GuardRefusal } from '@/lib/http/request-guards';
import { createAvailabilityGate } from '@/lib/render/availability';
import { encodeMissingPage, isAdminPath, MISSING_PAGE_HEADER, MISSING_PAGE_PATH, type MissingPage } from '@/lib/render/missing-page';
import { applySecurityHeaders, contentSecurityPolicy, randomNonce, taggedNonce } from '@/lib/http/security-headers';
import { apiScope, etagMatches, hasSessionCookie, pageEtag, pageScope, type PageScope } from '@/lib/render/page-etag';
import {
  cacheableAnswer,
  cacheablePage,
  createPageCache,
  pageCacheKey,
  pageHeaders,
  renderForCache,
  type CachedPage,
} from '@/lib/render/page-cache';
import { httpStatusOf } from '@/lib/error-codes';
import { RETRY_AFTER_SECONDS, UNAVAILABLE_MESSAGE, unavailableHtml } from '@/lib/render/unavailable-page';

let client: postgres.Sql | null = null;
const server = () =>
  (client ??= postgres(env.DATABASE_URL!, { max: 4, ...RECONNECT_OPTIONS, connect_timeout: 2, idle_timeout: 60, onnotice: () => {} }));

// A good answer is trusted for one second only: pages rendering while the server is down answer 500
// (a server component cannot set a status), so the gate must notice an outage quickly (tests/load).
const isDatabaseAvailable = env.DATABASE_URL
  ? createAvailabilityGate({
      check: async () => {
        await server()`select 1`;
        return true;
      },
      upTtlMs: 1_000,
    })
  : () => Promise.resolve(true);

/** The revisions a page shows, as one string: "7@12" for a document, "1@3,7@12" for all; null if the document is unknown. */
async function revisionsOf(scope: Exclude<PageScope, null>): Promise<string | null> {
  if (env.DATABASE_URL) {
    const rows =
      scope.kind === 'document'
        ? await server()<{ v: string }[]>`select id || '@' || current_rev as v from documents where slug = ${scope.slug}`
        : await server()<
            { v: string }[]
          >`select coalesce(string_agg(id || '@' || current_rev, ',' order by id), '') as v from documents`;
    return rows[0]?.v ?? null;
  }
  const { getDocumentRevisions } = await import('@/db/read-path/revisions');
  return getDocumentRevisions(scope.kind === 'document' ? scope.slug : null);
}

let buildId: string | undefined;
function build(): string {
  if (buildId === undefined) {
    try {
      buildId = readFileSync(path.join(process.cwd(), process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID'), 'utf8').trim();
    } catch {
      buildId = 'dev';
    }
  }
  return buildId;
}

/** This response's script nonce: random, or (revalidated) derived from the page's ETag. */
interface Policy {
  nonce: string;
}

const development = process.env.NODE_ENV === 'development';
const https = env.DIPTYCH_PUBLIC_URL?.startsWith('https:') ?? false;
// Shared by every instance (AUTH_SECRET), so any of them answers a revalidation with the same nonce.
const nonceSecret = env.AUTH_SECRET ?? randomNonce();

/** Passes the request on with the policy in its headers: Next takes the nonce from there for its scripts. */
function forward(request: NextRequest, policy: Policy, headers = new Headers(request.headers)) {
  headers.set('content-security-policy', contentSecurityPolicy({ nonce: policy.nonce, https, development }));
  return { request: { headers } };
}

/**
 * Rendered public pages (lib/render/page-cache.ts). A miss renders the page once by asking this same
 * server for it (scripts/serve.mjs says where: DIPTYCH_SELF_ORIGIN) with a per-process token that lets
 * the request through to Next; concurrent misses share that one render. Without a known origin (plain
 * `next start`) every request renders, as before.
 */
const selfOrigin = process.env.DIPTYCH_SELF_ORIGIN;
const PAGE_CACHE_BYTES = 64 * 1024 * 1024;
const RENDER_HEADER = 'x-diptych-render';
const renderToken = randomNonce();
const pages = selfOrigin ? createPageCache(PAGE_CACHE_BYTES) : null;
const rendering = new Map<string, Promise<Rendered>>();

/** One render by this server, through Next; `keep` says whether the answer may be cached. */
async function renderPage(request: NextRequest, keep: (response: Response) => boolean): Promise<CachedPage & { keep: boolean }> {
  const headers = new Headers(request.headers);
  for (const name of ['host', 'if-none-match', 'if-modified-since', 'connection']) headers.delete(name);
  headers.set(RENDER_HEADER, renderToken);
  headers.set('accept-encoding', 'identity');
  const response = await fetch(new URL(`${request.nextUrl.pathname}${request.nextUrl.search}`, selfOrigin), {
    headers,
    redirect: 'manual',
    signal: AbortSignal.timeout(30_000),
  });
  const body = new Uint8Array(await response.arrayBuffer());
  return { status: response.status, headers: pageHeaders(response.headers), body, keep: keep(response) };
}

/** The answer for `key`: rendered (a failed render tried once more), cached when it may be; null to let Next render it. */
async function renderOnce(request: NextRequest, key: string, keep: (response: Response) => boolean): Promise<Rendered> {
  const page = await renderForCache(
    () => renderPage(request, keep),
    () => isDatabaseAvailable({ fresh: true }),
  );
  if (page === 'unavailable') return page;
  const { keep: kept, ...rendered } = page;
  if (kept) pages!.set(key, rendered);
  // An answer that failed twice is sent as it is: a third render would fail the same way.
  return kept || rendered.status >= 500 ? rendered : null;
}

type Rendered = CachedPage | 'unavailable' | null;

/** The cached answer for `key`, or one render shared by every concurrent request for it. */
async function sharedRender(request: NextRequest, key: string, keep: (response: Response) => boolean): Promise<Rendered> {
  if (!pages || request.method !== 'GET' || request.headers.get(RENDER_HEADER) === renderToken) return null;
  const cached = pages.get(key);
  if (cached) return cached;
  let pending = rendering.get(key);
  if (!pending) {
    pending = renderOnce(request, key, keep)
      .catch(() => null)
      .finally(() => rendering.delete(key));
    rendering.set(key, pending);
  }
  return pending;
}

async function cachedPage(request: NextRequest, key: string, etag: string): Promise<NextResponse | 'unavailable' | null> {
  // Kept only when rendered at the revisions the key names (an edit may land in between).
  const page = await sharedRender(request, key, (response) => cacheablePage(response) && response.headers.get('etag') === etag);
  if (page === 'unavailable' || !page) return page;
  const response = new NextResponse(page.body.slice(), { status: page.status, headers: page.headers });
  // A signed-in visitor gets another page (their menu, edit links): shared caches must key on the cookie too.
  const vary = response.headers.get('vary');
  if (!/(?:^|,)\s*cookie\s*(?:,|$)/i.test(vary ?? '')) response.headers.set('vary', vary ? `${vary}, Cookie` : 'Cookie');
  return response;
}

/**
 * A public JSON answer (document list, document, passage) kept like a page, under the revisions it
 * shows: sent, or answered 304 against its own ETag, after one indexed lookup and without Next's route
 * dispatch, which was most of an API request's cost once the handler cached its answer (docs/benchmarks.md).
 */
async function cachedAnswer(request: NextRequest, scope: Exclude<PageScope, null>): Promise<NextResponse | 'unavailable' | null> {
  const revisions = await revisionsOnce(request, scope);
  if (revisions == null) return null;
  const url = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  const answer = await sharedRender(request, pageCacheKey({ build: build(), revisions, url }), cacheableAnswer);
  if (answer === 'unavailable' || !answer) return answer;
  const headers = new Headers(answer.headers);
  const etag = headers.get('etag');
  if (etag && etagMatches(request.headers.get('if-none-match'), etag)) {
    return new NextResponse(null, { status: 304, headers: { etag, 'cache-control': headers.get('cache-control') ?? 'no-cache' } });
  }
  return new NextResponse(answer.body.slice(), { status: answer.status, headers });
}

async function revalidated(request: NextRequest, policy: Policy): Promise<NextResponse> {
  const scope = request.method === 'GET' || request.method === 'HEAD' ? pageScope(request.nextUrl.pathname) : null;
  // Signed-in pages show the person's menu and edit links: private, and not tagged. Client-side
  // navigations (RSC payloads of the same URL) and server actions are left to Next as well.
  const skip = hasSessionCookie(request.headers.get('cookie')) || request.headers.has('rsc') || request.headers.has('next-action');
  const api = request.method === 'GET' && !skip ? apiScope(request.nextUrl.pathname) : null;
  if (api) {
    const answer = await cachedAnswer(request, api);
    if (answer === 'unavailable') return unavailableResponse(request);
    if (answer) return answer;
  }
  if (!scope || skip) return NextResponse.next(forward(request, policy));
  const revisions = await revisionsOnce(request, scope);
  if (revisions == null) return NextResponse.next(forward(request, policy));
  const etag = pageEtag({ build: build(), revisions, url: `${request.nextUrl.pathname}${request.nextUrl.search}` });
  policy.nonce = await taggedNonce(nonceSecret, etag);
  const headers = { etag, 'cache-control': 'public, no-cache', vary: 'Cookie' };
  if (etagMatches(request.headers.get('if-none-match'), etag)) return new NextResponse(null, { status: 304, headers });
  const url = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  const cached = await cachedPage(request, pageCacheKey({ build: build(), revisions, url }), etag);
  if (cached === 'unavailable') return unavailableResponse(request);
  if (cached) return cached;
  const response = NextResponse.next(forward(request, policy));
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

const missingPages = new LRUCache<string, { page: MissingPage | null }>({ max: 10_000 });

function documentSlugOf(pathname: string): string | null {
  const raw = /^\/documents\/([^/]+)/.exec(pathname)?.[1];
  if (raw === undefined) return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/** The revisions a request's page shows, looked up once per request (the missing-page check and the tag both need them). */
const revisionLookups = new WeakMap<NextRequest, Map<string, Promise<string | null>>>();
function revisionsOnce(request: NextRequest, scope: Exclude<PageScope, null>): Promise<string | null> {
  const key = scope.kind === 'document' ? `d:${scope.slug}` : 'all';
  let lookups = revisionLookups.get(request);
  if (!lookups) revisionLookups.set(request, (lookups = new Map<string, Promise<string | null>>()));
  let lookup = lookups.get(key);
  if (!lookup) lookups.set(key, (lookup = revisionsOf(scope)));
  return lookup;
}

/** Null for anything but a full-page GET (client navigations and actions let the page decide). */
async function missingPage(request: NextRequest): Promise<MissingPage | null> {
  if (!(request.method === 'GET' || request.method === 'HEAD') || request.headers.has('rsc') || request.headers.has('next-action'))
    return null;
  const { pathname, searchParams } = request.nextUrl;
  if (isAdminPath(pathname) && !hasSessionCookie(request.headers.get('cookie'))) {
    return { kind: 'page', message: 'There is no page at this address.' };
  }
  const slug = documentSlugOf(pathname);
  if (slug == null) return null;
  // Whether a page exists is a function of the document's revision and the URL: decided once per revision.
  const revisions = await revisionsOnce(request, { kind: 'document', slug });
  const key = revisions == null ? null : `${revisions}\u0000${pathname}\u0000${searchParams.toString()}`;
  if (key != null && missingPages.has(key)) return missingPages.get(key)!.page;
  const [{ findMissingPage }, { getDb }] = await Promise.all([import('@/db/read-path/missing-page'), import('@/db')]);
  const page = await findMissingPage(await getDb(), pathname, searchParams);
  if (key != null) missingPages.set(key, { page });
  return page;
}

function notFoundResponse(request: NextRequest, missing: MissingPage, policy: Policy): NextResponse {
  const headers = new Headers(request.headers);
  headers.set(MISSING_PAGE_HEADER, encodeMissingPage(missing));
  return NextResponse.rewrite(new URL(MISSING_PAGE_PATH, request.url), forward(request, policy, headers));
}

function refusalResponse(request: NextRequest, refusal: GuardRefusal): NextResponse {
  const headers = { 'cache-control': 'no-store', connection: 'close' };
  if (request.nextUrl.pathname.startsWith('/api/')) {
    return NextResponse.json({ error: { code: refusal.code, message: refusal.message } }, { status: refusal.status, headers });
  }
  // Plain text: the message may quote the request's Origin, which must never become markup.
  return new NextResponse(`${refusal.message}\n`, {
    status: refusal.status,
    headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' },
  });
}

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const policy: Policy = { nonce: randomNonce() };
  const response = await respond(request, policy);
  applySecurityHeaders(response.headers, { nonce: policy.nonce, https, development });
  return response;
}

async function respond(request: NextRequest, policy: Policy): Promise<NextResponse> {
  const refusal = guardRequest({
    method: request.method,
    header: (name) => request.headers.get(name),
    publicUrl: env.DIPTYCH_PUBLIC_URL,
  });
  if (refusal) return refusalResponse(request, refusal);
  // A server action answers for itself: during an outage it returns a typed 'unavailable' result that the
  // form shows in place, keeping the editor's text, where a 503 page would replace the whole page.
  if (request.method === 'POST' && request.headers.has('next-action')) return NextResponse.next();
  if (await isDatabaseAvailable()) {
    try {
      const missing = await missingPage(request);
      // Awaited here, so a failure of the revision lookup is caught below too.
      return missing ? notFoundResponse(request, missing, policy) : await revalidated(request, policy);
    } catch (error) {
      // The server went away after the last check said it was up: the same 503, not a bare 500.
      if (!isDatabaseUnavailable(error)) throw error;
    }
  }
  return unavailableResponse(request);
}

function unavailableResponse(request: NextRequest): NextResponse {
  const headers = { 'retry-after': String(RETRY_AFTER_SECONDS), 'cache-control': 'no-store' };
  if (request.nextUrl.pathname.startsWith('/api/')) {
    return NextResponse.json(
      { error: { code: 'database-unavailable', message: UNAVAILABLE_MESSAGE } },
      { status: httpStatusOf('database-unavailable'), headers },
    );
  }
  return new NextResponse(unavailableHtml(), {
    status: 503,
    headers: { ...headers, 'content-type': 'text/html; charset=utf-8' },
  });
}

export const config = {
  // Static assets never need the database; /api/health reports on it itself.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|robots.txt|api/health).*)'],
};

/**
 * HTTP plumbing shared by the JSON API and the citation downloads: errors as
 * `{ error: { code, message } }` with a status that fits, and ETag
 * revalidation (If-None-Match → 304). Plain Web Responses, no Next imports,
 * so the handlers can be called directly in tests.
 */
import { ERROR_MESSAGES, httpStatusOf } from '@/lib/error-codes';
import { DomainError } from '@/lib/errors';
import { etagMatches as tagMatches } from '@/lib/render/page-etag';
import { isDatabaseUnavailable } from '@/db/unavailable';
import { RETRY_AFTER_SECONDS, UNAVAILABLE_MESSAGE } from '@/lib/render/unavailable-page';
import { LRUCache } from 'lru-cache';
import type { Db } from '@/db/connect';

export interface ApiErrorBody {
  error: { code: string; message: string };
}

export function jsonError(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } } satisfies ApiErrorBody, {
    status,
    headers: { 'Cache-Control': 'no-store' },
  });
}

/** A reference that cannot be read is the client's mistake (400); one that reads but names nothing is 404 (lib/error-codes.ts). */
export function refErrorResponse(error: DomainError): Response {
  return jsonError(httpStatusOf(error.code), error.code, error.message);
}

export function documentNotFound(slug: string): Response {
  return jsonError(httpStatusOf('document-not-found'), 'document-not-found', `There is no document “${slug}”.`);
}

/**
 * Runs a handler; a database that stopped answering mid-request is the same 503 the proxy gives once it
 * notices (tests/load), and any other error that is not a DomainError is logged and answered as a generic 500.
 */
export async function guarded(handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    if (error instanceof DomainError) return refErrorResponse(error);
    if (isDatabaseUnavailable(error)) {
      return Response.json({ error: { code: 'database-unavailable', message: UNAVAILABLE_MESSAGE } } satisfies ApiErrorBody, {
        status: 503,
        headers: { 'Cache-Control': 'no-store', 'Retry-After': String(RETRY_AFTER_SECONDS) },
      });
    }
    console.error('[api]', error);
    return jsonError(httpStatusOf('internal'), 'internal', ERROR_MESSAGES.internal);
  }
}

/** True when the request's If-None-Match names this ETag (weak comparison, lib/render/page-etag.ts). */
export function etagMatches(request: Request, etag: string): boolean {
  return tagMatches(request.headers.get('if-none-match'), etag);
}

/**
 * Answers with `body` (JSON or text) under an ETag, or 304 when the client
 * already has it. Revalidate every time (no-cache): the tag is cheap to
 * compute, and a new revision must show at once.
 */
export type Freshness = 'revalidate' | 'immutable';

/** Shared caches may keep a current response but must ask again; a settled pinned one never changes. */
export const CACHE_CONTROL: Record<Freshness, string> = {
  revalidate: 'public, no-cache',
  immutable: 'public, max-age=31536000, immutable',
};

const validators = (etag: string, freshness: Freshness) => ({ ETag: etag, 'Cache-Control': CACHE_CONTROL[freshness] });

export function notModified(etag: string, freshness: Freshness = 'revalidate'): Response {
  return new Response(null, { status: 304, headers: validators(etag, freshness) });
}

export function withEtag(
  request: Request,
  etag: string,
  body: () => { data: string; contentType: string; headers?: Record<string, string> },
  freshness: Freshness = 'revalidate',
): Response {
  const common = validators(etag, freshness);
  if (etagMatches(request, etag)) return notModified(etag, freshness);
  const { data, contentType, headers } = body();
  return new Response(data, { status: 200, headers: { ...common, 'Content-Type': contentType, ...headers } });
}

export function json(value: unknown): { data: string; contentType: string } {
  return { data: JSON.stringify(value), contentType: 'application/json; charset=utf-8' };
}

/** A response body worth keeping under its tag: what was sent, and how long caches may keep it. */
export interface Answer {
  data: string;
  contentType: string;
  headers?: Record<string, string>;
  freshness: Freshness;
}

// Per database handle, like the revision cache (tests run many databases whose ids coincide).
const answers = new WeakMap<Db, LRUCache<string, Answer>>();

/**
 * Like withEtag, for an answer that is a function of its tag and the origin it links to: built once
 * (reading the view, formatting, serializing) and then sent from memory until the tag changes. The
 * tag names the revisions shown, so an edit is a new entry on every instance.
 */
export async function withCachedAnswer(
  db: Db,
  request: Request,
  etag: string,
  origin: string,
  build: () => Promise<Answer>,
): Promise<Response> {
  if (etagMatches(request, etag)) return notModified(etag);
  let cache = answers.get(db);
  if (!cache) {
    cache = new LRUCache<string, Answer>({
      maxSize: 32 * 1024 * 1024,
      sizeCalculation: (a, key) => 2 * a.data.length + key.length + 256,
    });
    answers.set(db, cache);
  }
  const key = `${etag}\u0000${origin}`;
  let answer = cache.get(key);
  if (!answer) {
    answer = await build();
    cache.set(key, answer);
  }
  return new Response(answer.data, {
    status: 200,
    headers: { ...validators(etag, answer.freshness), 'Content-Type': answer.contentType, ...answer.headers },
  });
}

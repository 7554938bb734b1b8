/**
 * HTTP plumbing of the JSON write endpoint (POST /api/documents/[slug]/edits):
 * a same-origin check (a session cookie alone never authorizes a write from
 * another site), a bounded JSON body, and the status that fits each refusal.
 * Plain Web Responses, no Next imports.
 */
import type { ActionError } from '@/lib/auth/action-pipeline';
import { RETRY_AFTER_SECONDS } from '@/lib/render/unavailable-page';
import { jsonError } from './http';

/** Largest request body accepted: a 100,000-character text as JSON escapes, with room to spare. */
export const MAX_EDIT_BODY_BYTES = 1_000_000;

/**
 * Browsers send Origin on every cross-origin POST and cannot forge it or Host: requiring it to name this host
 * refuses cross-site requests (403) before the session is read. Programs send it too (`Origin: https://…`).
 */
export function sameOriginRefusal(request: Request): Response | null {
  if (request.headers.get('sec-fetch-site') === 'cross-site')
    return jsonError(403, 'cross-origin', 'Cross-site requests may not edit.');
  const origin = request.headers.get('origin');
  if (!origin) return jsonError(403, 'cross-origin', 'Send an Origin header naming this site to edit.');
  const host =
    request.headers.get('x-forwarded-host')?.split(',')[0]?.trim() || request.headers.get('host') || new URL(request.url).host;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return jsonError(403, 'cross-origin', 'The Origin header is not a URL.');
  }
  return originHost === host ? null : jsonError(403, 'cross-origin', `Edits from ${origin} are not accepted here.`);
}

/** The body as parsed JSON, or the response refusing it (415 not JSON, 413 too large, 400 unreadable). */
export async function readJsonBody(request: Request, limit = MAX_EDIT_BODY_BYTES): Promise<unknown> {
  if (!/^application\/json\b/i.test(request.headers.get('content-type') ?? '')) {
    return jsonError(415, 'unsupported-media-type', 'Send the edit as JSON (Content-Type: application/json).');
  }
  const tooLarge = () => jsonError(413, 'too-large', `The request body is larger than ${limit.toLocaleString('en')} bytes.`);
  if (Number(request.headers.get('content-length') ?? 0) > limit) return tooLarge();
  // Read in chunks and stop at the limit: a body without Content-Length is never buffered whole.
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader!.read()) {
    size += chunk.value.byteLength;
    if (size > limit) {
      await reader!.cancel();
      return tooLarge();
    }
    chunks.push(chunk.value);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return jsonError(400, 'invalid-json', 'The request body is not valid JSON.');
  }
}

const STATUS_OF_CODE: Record<string, number> = {
  unauthenticated: 401,
  forbidden: 403,
  'invalid-input': 400,
  'bad-revision': 400,
  'not-found': 404,
  conflict: 409,
  'database-unavailable': 503,
  internal: 500,
};

/** A refused edit: 409 for a conflict (with the current passage in `details`), 503 when not saved for an outage, 422 for other refusals. */
export function editErrorResponse(error: ActionError): Response {
  const status = STATUS_OF_CODE[error.code] ?? 422;
  const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
  if (status === 503) headers['Retry-After'] = String(RETRY_AFTER_SECONDS);
  return Response.json({ error }, { status, headers });
}

/**
 * Checks on a request before anything reads its body or the database, run
 * by proxy.ts on every request it sees. Pure: the headers in, a refusal (or
 * null) out.
 *
 * - A body over MAX_REQUEST_BODY_BYTES is refused with 413, by its declared
 *   Content-Length. Next enforces the same limit on server action bodies
 *   (next.config.ts `serverActions.bodySizeLimit`, set from this constant) but
 *   answers 500; declared lengths never get that far.
 * - A write (POST, PUT, PATCH, DELETE) whose Origin header names another site
 *   is refused with 403: a browser always sends Origin on a cross-origin
 *   write, so this is a cross-site request forgery. Next would refuse a
 *   cross-origin server action too, but with a 500. Requests without an Origin
 *   (curl, API clients) are not browsers acting for someone and pass.
 */

/** The largest request body accepted: 1 MiB (what Next's server actions take by default). */
export const MAX_REQUEST_BODY_BYTES = 1024 * 1024;

export interface GuardRequest {
  method: string;
  /** Case-insensitive header lookup (Headers.get). */
  header(name: string): string | null;
  /** DIPTYCH_PUBLIC_URL, when set: the only origin writes may come from. */
  publicUrl?: string;
}

export interface GuardRefusal {
  status: 413 | 403;
  code: 'payload-too-large' | 'cross-origin';
  message: string;
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function checkBodySize(request: Pick<GuardRequest, 'header'>, limit = MAX_REQUEST_BODY_BYTES): GuardRefusal | null {
  const declared = request.header('content-length');
  if (declared === null || !/^\d+$/.test(declared.trim())) return null;
  const bytes = Number(declared.trim());
  if (bytes <= limit) return null;
  return {
    status: 413,
    code: 'payload-too-large',
    message: `The request body is ${formatBytes(bytes)}; the limit is ${formatBytes(limit)}. Nothing was saved.`,
  };
}

export function checkOrigin(request: GuardRequest): GuardRefusal | null {
  if (!WRITE_METHODS.has(request.method.toUpperCase())) return null;
  const origin = request.header('origin');
  if (origin === null) return null;
  if (isOwnOrigin(origin, request)) return null;
  return {
    status: 403,
    code: 'cross-origin',
    message: `Requests that change something must come from this site's own pages; this one came from ${describeOrigin(origin)}. Nothing was changed.`,
  };
}

/** The first refusal that applies, size before origin (both before the database is asked anything). */
export function guardRequest(request: GuardRequest): GuardRefusal | null {
  return checkBodySize(request) ?? checkOrigin(request);
}

function isOwnOrigin(origin: string, request: GuardRequest): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // "null" (a sandboxed frame, a file) or garbage: not this site
  }
  if (request.publicUrl) {
    let publicOrigin: URL;
    try {
      publicOrigin = new URL(request.publicUrl);
    } catch {
      return false;
    }
    if (url.origin === publicOrigin.origin) return true;
    // The public host with another scheme (an http page of an https site) is not this site.
    if (url.host === publicOrigin.host) return false;
  }
  // Also the host the browser addressed (an instance reached directly, behind the public name), as Next
  // itself checks server actions: a page of another site cannot make the browser send this host as Origin.
  // The scheme is not compared here, since a TLS-terminating proxy forwards https requests as http; the host and port are.
  const host = request.header('host');
  return host !== null && url.host.toLowerCase() === host.trim().toLowerCase();
}

function describeOrigin(origin: string): string {
  const shown = origin.length > 100 ? `${origin.slice(0, 100)}…` : origin;
  return origin === 'null' ? 'a page with no origin' : shown;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toLocaleString('en', { maximumFractionDigits: 1 })} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toLocaleString('en', { maximumFractionDigits: 1 })} KiB`;
  return `${bytes} bytes`;
}

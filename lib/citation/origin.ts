/**
 * The origin absolute URLs (permalinks, canonical links, og:url) start
 * with. A configured public URL wins (DIPTYCH_PUBLIC_URL, for deployments
 * behind proxies that rewrite Host); otherwise the request's own host and
 * scheme, as forwarded by a proxy. A malformed Host header is not echoed into
 * citations: it falls back to localhost.
 */

export interface OriginSources {
  publicUrl?: string | null;
  host?: string | null;
  forwardedHost?: string | null;
  forwardedProto?: string | null;
}

const HOST =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

export function resolveOrigin(sources: OriginSources): string {
  if (sources.publicUrl) return new URL(sources.publicUrl).origin;
  const host = first(sources.forwardedHost) ?? first(sources.host);
  const proto = first(sources.forwardedProto)?.toLowerCase();
  const scheme = proto === 'https' || proto === 'http' ? proto : 'http';
  if (!host || !HOST.test(host)) return 'http://localhost';
  return `${scheme}://${host}`;
}

/** Proxies append: "a, b" — the first is the client-facing value. */
function first(value: string | null | undefined): string | undefined {
  const v = value?.split(',')[0]?.trim();
  return v ? v : undefined;
}

/** The origin for a route handler's Request. */
export function originOfRequest(request: Request, publicUrl?: string | null): string {
  const h = request.headers;
  return resolveOrigin({
    publicUrl,
    host: h.get('host') ?? new URL(request.url).host,
    forwardedHost: h.get('x-forwarded-host'),
    forwardedProto: h.get('x-forwarded-proto') ?? new URL(request.url).protocol.replace(':', ''),
  });
}

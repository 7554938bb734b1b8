/**
 * A dynamic route segment as the visitor typed it. Next 16 hands page params
 * still percent-encoded (route handlers get them decoded), so a page decodes
 * before parsing or quoting them; a malformed escape is kept as written.
 */
export function decodeRouteParam(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

import 'server-only';
import { headers } from 'next/headers';
import { env } from '@/lib/env';
import { resolveOrigin } from '@/lib/citation/origin';

/** The origin absolute URLs on this page start with (DIPTYCH_PUBLIC_URL, else the request's host). */
export async function requestOrigin(): Promise<string> {
  const h = await headers();
  return resolveOrigin({
    publicUrl: env.DIPTYCH_PUBLIC_URL,
    host: h.get('host'),
    forwardedHost: h.get('x-forwarded-host'),
    forwardedProto: h.get('x-forwarded-proto'),
  });
}

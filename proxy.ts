/**
 * Answers 503 with a friendly page while the PostgreSQL server is down.
 * A server component cannot set a status, so the decision is made here,
 * before any page renders: one `select 1` on a dedicated one-connection
 * client, remembered for a few seconds (lib/render/availability.ts).
 * The embedded PGlite database lives inside this process: nothing to check.
 */
import { NextResponse, type NextRequest } from 'next/server';
import postgres from 'postgres';
import { env } from '@/lib/env';
import { createAvailabilityGate } from '@/lib/render/availability';
import { RETRY_AFTER_SECONDS, UNAVAILABLE_MESSAGE, unavailableHtml } from '@/lib/render/unavailable-page';

let client: postgres.Sql | null = null;

const isDatabaseAvailable = env.DATABASE_URL
  ? createAvailabilityGate({
      check: async () => {
        client ??= postgres(env.DATABASE_URL!, { max: 1, connect_timeout: 2, idle_timeout: 60, onnotice: () => {} });
        await client`select 1`;
        return true;
      },
    })
  : async () => true;

export async function proxy(request: NextRequest): Promise<NextResponse> {
  if (await isDatabaseAvailable()) return NextResponse.next();
  const headers = { 'retry-after': String(RETRY_AFTER_SECONDS), 'cache-control': 'no-store' };
  if (request.nextUrl.pathname.startsWith('/api/')) {
    return NextResponse.json(
      { error: { code: 'database_unavailable', message: UNAVAILABLE_MESSAGE } },
      { status: 503, headers },
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

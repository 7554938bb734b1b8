import { getDb } from '@/db';
import { env } from '@/lib/env';
import { originOfRequest } from '@/lib/citation/origin';
import { listDocumentsResponse } from './_handlers';

export const dynamic = 'force-dynamic';

/** GET /api/documents — every document with its metadata and current revision (docs/api.md). */
export async function GET(request: Request) {
  return listDocumentsResponse(await getDb(), request, originOfRequest(request, env.DIPTYCH_PUBLIC_URL));
}

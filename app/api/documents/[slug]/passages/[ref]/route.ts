import { getDb } from '@/db';
import { env } from '@/lib/env';
import { originOfRequest } from '@/lib/citation/origin';
import { passageResponse } from '../../../_handlers';

export const dynamic = 'force-dynamic';

/** GET /api/documents/[slug]/passages/[ref]?rev=N — the aligned passage, its citation and permalink (docs/api.md). */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string; ref: string }> }) {
  return passageResponse(await getDb(), request, originOfRequest(request, env.DIPTYCH_PUBLIC_URL), await params);
}

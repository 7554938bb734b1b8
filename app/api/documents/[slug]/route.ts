import { getDb } from '@/db';
import { env } from '@/lib/env';
import { originOfRequest } from '@/lib/citation/origin';
import { documentResponse } from '../_handlers';

export const dynamic = 'force-dynamic';

/** GET /api/documents/[slug] — metadata, witnesses, turn range and citation of one document (docs/api.md). */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return documentResponse(await getDb(), request, originOfRequest(request, env.DIPTYCH_PUBLIC_URL), slug);
}

import { getDb } from '@/db';
import { exportResponse } from '../../_export';

export const dynamic = 'force-dynamic';

/** GET /api/documents/[slug]/export?format=tei|tmx|json|csv[&rev=N] (docs/formats.md). */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return exportResponse(await getDb(), request, slug);
}

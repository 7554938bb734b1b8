import { getDb } from '@/db';
import { citeRedirect } from '../_citation/cite-redirect';

export const dynamic = 'force-dynamic';

/** GET /documents/[slug]/cite?from=T5&to=T7 → 303 to /documents/[slug]/passages/T5-T7. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return citeRedirect(await getDb(), request, slug);
}

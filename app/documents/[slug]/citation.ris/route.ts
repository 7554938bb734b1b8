import { getDb } from '@/db';
import { originOfRequest } from '@/lib/citation/origin';
import { env } from '@/lib/env';
import { documentCitationFile } from '../_citation/downloads';

export const dynamic = 'force-dynamic';

/** The document's citation as RIS, at its current revision. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return documentCitationFile(await getDb(), request, originOfRequest(request, env.DIPTYCH_PUBLIC_URL), { slug, format: 'ris' });
}

import { getDb } from '@/db';
import { originOfRequest } from '@/lib/citation/origin';
import { env } from '@/lib/env';
import { passageCitationFile } from '../../../_citation/downloads';

export const dynamic = 'force-dynamic';

/** The passage's citation as CSL-JSON, pinned with ?rev=N. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string; ref: string }> }) {
  const { slug, ref } = await params;
  return passageCitationFile(await getDb(), request, originOfRequest(request, env.DIPTYCH_PUBLIC_URL), { slug, ref, format: 'json' });
}

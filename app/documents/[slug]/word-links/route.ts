import { documentNotFound, guarded, jsonError } from '@/app/api/_lib/http';
import { getDb } from '@/db';
import { getDocumentBySlug } from '@/db/queries/documents';
import { rowWordsAt } from '@/db/queries/word-links';

export const dynamic = 'force-dynamic';

const MAX_ROWS = 50;

/**
 * The words and word links of a few rows (?rows=key,key), now or at ?rev=N:
 * fetched by the reader's word-link script when a row is hovered or focused.
 * A pinned revision never changes, so it may be cached for good.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return guarded(async () => {
    const { slug } = await params;
    const db = await getDb();
    const doc = await getDocumentBySlug(db, slug);
    if (!doc) return documentNotFound(slug);
    const url = new URL(request.url);
    const rowKeys = (url.searchParams.get('rows') ?? '').split(',').filter((k) => /^[\w-]{1,64}$/.test(k));
    if (!rowKeys.length || rowKeys.length > MAX_ROWS)
      return jsonError(400, 'bad-rows', `Name 1 to ${MAX_ROWS} row keys as ?rows=a,b.`);
    const revParam = url.searchParams.get('rev');
    const rev = revParam === null ? null : Number(revParam);
    if (rev !== null && (!Number.isInteger(rev) || rev < 1 || rev > doc.currentRev)) {
      return jsonError(
        404,
        'no-such-revision',
        `“${revParam}” is not a revision of this document: its revisions are 1 to ${doc.currentRev}.`,
      );
    }
    const rows = await rowWordsAt(db, doc.id, rowKeys, rev);
    return Response.json(
      { rev: rev ?? doc.currentRev, rows },
      { headers: { 'Cache-Control': rev === null ? 'public, no-cache' : 'public, max-age=31536000, immutable' } },
    );
  });
}

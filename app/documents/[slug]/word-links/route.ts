import { documentNotFound, guarded, jsonError } from '@/app/api/_lib/http';
import { getDb } from '@/db';
import { getDocumentBySlug } from '@/db/queries/documents';
import { isRowAnchor, rowWordsByAnchor } from '@/db/queries/word-links';
import { httpStatusOf } from '@/lib/error-codes';

export const dynamic = 'force-dynamic';

/**
 * The words and word links of one row (?row=<its element id>, e.g. T5 or
 * T5.2) at ?rev=N (default: now): fetched by the reader's word-link script
 * when a row is first hovered or focused. A pinned revision never changes,
 * so its answer may be cached for good.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return guarded(async () => {
    const { slug } = await params;
    const db = await getDb();
    const doc = await getDocumentBySlug(db, slug);
    if (!doc) return documentNotFound(slug);
    const url = new URL(request.url);
    const anchor = url.searchParams.get('row') ?? '';
    if (!isRowAnchor(anchor)) {
      return jsonError(400, 'bad-row', 'Name one row by its id on the page, as ?row=T5 or ?row=T5.2.');
    }
    const revParam = url.searchParams.get('rev');
    const rev = revParam === null ? doc.currentRev : Number(revParam);
    if (!Number.isInteger(rev) || rev < 1 || rev > doc.currentRev) {
      return jsonError(
        httpStatusOf('no-such-revision'),
        'no-such-revision',
        `“${revParam}” is not a revision of this document: its revisions are 1 to ${doc.currentRev}.`,
      );
    }
    const row = await rowWordsByAnchor(db, doc.id, anchor, rev);
    if (!row) return jsonError(httpStatusOf('no-such-row'), 'no-such-row', `No row of this document is ${anchor} at revision ${rev}.`);
    return Response.json(
      { rev, row },
      { headers: { 'Cache-Control': revParam === null ? 'public, no-cache' : 'public, max-age=31536000, immutable' } },
    );
  });
}

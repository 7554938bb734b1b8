/**
 * The stable download URLs: RIS and CSL-JSON of a document
 * (/documents/slug/citation.ris) and of a passage
 * (/documents/slug/passages/T5-T7/citation.ris?rev=N) or of cited words
 * (/documents/slug/passages/T5.2@w3-w5/citation.ris?rev=N). Same data as the cite
 * panel; errors as JSON like the API. Handlers take the database so tests
 * can call them directly.
 */
import { documentNotFound, etagMatches, guarded, notModified, withEtag } from '@/app/api/_lib/http';
import { readPassageRequest } from '@/app/api/_lib/passage-request';
import type { Db } from '@/db/connect';
import { getDocumentBySlug } from '@/db/queries/documents';
import { citedWordsOf } from '@/db/queries/cited-words';
import { passageViewOf } from '@/db/queries/passages';
import { cachedDocumentCitation, cachedPassageCitation } from '@/db/read-path/citations';
import type { CitationSet } from '@/lib/citation/format';
import type { DownloadFormat } from '@/lib/citation/urls';
import { CSL_JSON_MIME, RIS_MIME } from '@/lib/citation/metadata';

const FORMAT = 'v1';

function file(citations: CitationSet, format: DownloadFormat, filename: string) {
  return format === 'ris'
    ? {
        data: citations.ris,
        contentType: `${RIS_MIME}; charset=utf-8`,
        // A download: browsers save it, reference-manager connectors import it.
        headers: { 'Content-Disposition': `attachment; filename="${filename}.ris"` },
      }
    : {
        data: citations.cslJson,
        contentType: `${CSL_JSON_MIME}; charset=utf-8`,
        headers: { 'Content-Disposition': `inline; filename="${filename}.json"` },
      };
}

export function passageCitationFile(
  db: Db,
  request: Request,
  origin: string,
  params: { slug: string; ref: string; format: DownloadFormat },
): Promise<Response> {
  return guarded(async () => {
    const found = await readPassageRequest(db, request, params, { words: true });
    if (!found) return documentNotFound(params.slug);
    const { doc, ref, words, rev, canonical } = found;
    const shown = rev ?? doc.currentRev;
    // Pinned files never change; unpinned ones change with each revision.
    const etag = `"citation-${FORMAT}-${params.format}-${doc.id}-${canonical}-r${shown}"`;
    const freshness = rev != null ? 'immutable' : 'revalidate';
    if (etagMatches(request, etag)) return notModified(etag, freshness);
    const view = await passageViewOf(db, doc, ref, rev);
    // A word citation (T5.2@w3-w5) cites its words, as the passage page and the API do.
    const cited = words ? (await citedWordsOf(db, view, { passage: ref, words })).cited : null;
    const citation = await cachedPassageCitation(db, view, origin, cited);
    return withEtag(request, etag, () => file(citation.citations, params.format, `${doc.slug}-${canonical}-r${shown}`), freshness);
  });
}

export function documentCitationFile(
  db: Db,
  request: Request,
  origin: string,
  params: { slug: string; format: DownloadFormat },
): Promise<Response> {
  return guarded(async () => {
    const doc = await getDocumentBySlug(db, params.slug);
    if (!doc) return documentNotFound(params.slug);
    const etag = `"citation-${FORMAT}-${params.format}-${doc.id}-r${doc.currentRev}"`;
    if (etagMatches(request, etag)) return notModified(etag);
    const citation = await cachedDocumentCitation(db, doc, origin);
    return withEtag(request, etag, () => file(citation.citations, params.format, `${doc.slug}-r${doc.currentRev}`));
  });
}

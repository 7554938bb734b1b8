/**
 * GET /api/documents/[slug]/export?format=tei|tmx|json|csv[&rev=N]: the
 * whole document at a revision (current by default) in one of the export
 * formats of docs/formats.md, as a download named slug-revN.ext. A pinned
 * revision never changes, so its export is immutable; the current one
 * revalidates on its ETag (the revision).
 */
import type { Db } from '@/db/connect';
import { getDocumentBySlug } from '@/db/queries/documents';
import { getDocumentBundle } from '@/db/queries/export';
import { exportCsv } from '@/lib/export/csv';
import { exportJson } from '@/lib/export/json';
import { exportTei } from '@/lib/export/tei';
import { exportTmx } from '@/lib/export/tmx';
import { checkRevision, parseRevParam } from '@/lib/refs/revision';
import { documentNotFound, guarded, jsonError, withEtag } from './../_lib/http';

export const EXPORT_FORMATS = {
  tei: { ext: 'tei.xml', type: 'application/tei+xml; charset=utf-8', write: exportTei },
  tmx: { ext: 'tmx', type: 'application/x-tmx+xml; charset=utf-8', write: (b: Parameters<typeof exportTmx>[0]) => exportTmx(b) },
  json: { ext: 'json', type: 'application/json; charset=utf-8', write: exportJson },
  csv: { ext: 'csv', type: 'text/csv; charset=utf-8; header=present', write: exportCsv },
} as const;
export type ExportFormat = keyof typeof EXPORT_FORMATS;

export function exportResponse(db: Db, request: Request, slug: string): Promise<Response> {
  return guarded(async () => {
    const url = new URL(request.url);
    const format = url.searchParams.get('format') ?? 'json';
    if (!(format in EXPORT_FORMATS)) {
      return jsonError(400, 'bad-format', `“${format}” is not an export format: use format=tei, tmx, json or csv.`);
    }
    const spec = EXPORT_FORMATS[format as ExportFormat];
    const rev = parseRevParam(
      url.searchParams.getAll('rev').length > 1 ? url.searchParams.getAll('rev') : url.searchParams.get('rev'),
    );
    const doc = await getDocumentBySlug(db, slug);
    if (!doc) return documentNotFound(slug);
    checkRevision(rev, doc.currentRev);
    const atRev = rev ?? doc.currentRev;
    const etag = `"export-${format}-${doc.slug}-${atRev}"`;
    const bundle = await getDocumentBundle(db, doc, atRev);
    const response = withEtag(request, etag, () => ({
      data: spec.write(bundle),
      contentType: spec.type,
      headers: {
        'Content-Disposition': `attachment; filename="${doc.slug}-rev${atRev}.${spec.ext}"`,
        'X-Diptych-Revision': String(atRev),
      },
    }));
    if (rev !== null) response.headers.set('Cache-Control', 'public, max-age=31536000, immutable');
    return response;
  });
}

/**
 * What a passage URL names (/…/documents/slug/passages/T5-T7?rev=N), read
 * the same way by the JSON API and the citation downloads: the reference and
 * the revision are checked before the document is looked up, the revision
 * against the document after. The API and the downloads also read word
 * citations (T5.2@w3-w5) when asked to.
 */
import type { Db } from '@/db/connect';
import { getDocumentBySlug, type DocumentMeta } from '@/db/queries/documents';
import { formatRef, parseRef, type PassageRef } from '@/lib/refs/parse';
import { checkRevision, parseRevParam } from '@/lib/refs/revision';
import { formatCitedRef, parseCitedRef, type WordRange } from '@/lib/refs/words';

export interface PassageRequest {
  doc: DocumentMeta;
  ref: PassageRef;
  /** The cited words (T5.2@w3-w5), when the request may and does name them. */
  words: WordRange | null;
  /** The pinned revision (?rev=N), null for the current one. */
  rev: number | null;
  /** The reference as the canonical URLs spell it, words included. */
  canonical: string;
}

/** Null when no document has the slug; a bad reference or revision throws its DomainError. */
export async function readPassageRequest(
  db: Db,
  request: Request,
  params: { slug: string; ref: string },
  options: { words?: boolean } = {},
): Promise<PassageRequest | null> {
  const cited = options.words ? parseCitedRef(params.ref) : { passage: parseRef(params.ref), words: null };
  const rev = parseRevParam(new URL(request.url).searchParams.getAll('rev'));
  const doc = await getDocumentBySlug(db, params.slug);
  if (!doc) return null;
  checkRevision(rev, doc.currentRev);
  return {
    doc,
    ref: cited.passage,
    words: cited.words,
    rev,
    canonical: options.words ? formatCitedRef(cited) : formatRef(cited.passage),
  };
}

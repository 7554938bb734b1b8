/**
 * The stable URLs of documents and passages. Permalinks pin a revision
 * (?rev=N): they show the alignment as it was cited, whatever came after.
 */

const enc = encodeURIComponent;

export function documentPath(slug: string): string {
  return `/documents/${enc(slug)}`;
}

/** The pages under a document (app/documents/[slug]/…). */
export type DocumentPage = 'edit' | 'edit/review' | 'edit/source' | 'edit/words' | 'word-links' | 'history' | 'details' | 'cite';

/** /documents/slug/edit, /documents/slug/history?before=7…: every link to a document's own pages is built here. */
export function documentPagePath(slug: string, page: DocumentPage, query?: string): string {
  return `${documentPath(slug)}/${page}${query ? `?${query}` : ''}`;
}

/** One revision in the document's history: /documents/slug/history/7. */
export function revisionPath(slug: string, rev: number): string {
  return `${documentPath(slug)}/history/${rev}`;
}

/** The reader at a turn: /documents/slug#T5. */
export function readerAnchorPath(slug: string, anchor: string): string {
  return `${documentPath(slug)}#${enc(anchor)}`;
}

/** A reference as a path segment: the @ of a word citation (T5.2@w3-w5) is valid in a path and stays readable. */
function refSegment(canonicalRef: string): string {
  return enc(canonicalRef).replace(/%40/g, '@');
}

export function passagePath(slug: string, canonicalRef: string, rev?: number | null): string {
  return `${documentPath(slug)}/passages/${refSegment(canonicalRef)}${rev != null ? `?rev=${rev}` : ''}`;
}

export type DownloadFormat = 'ris' | 'json';

/** RIS or CSL-JSON of the document (no ref), a passage or cited words, pinned when rev is given. */
export function citationFilePath(slug: string, format: DownloadFormat, canonicalRef?: string | null, rev?: number | null): string {
  const base = canonicalRef ? `${documentPath(slug)}/passages/${refSegment(canonicalRef)}` : documentPath(slug);
  return `${base}/citation.${format}${rev != null ? `?rev=${rev}` : ''}`;
}

export function apiDocumentPath(slug: string): string {
  return `/api/documents/${enc(slug)}`;
}

export function apiPassagePath(slug: string, canonicalRef: string, rev?: number | null): string {
  return `${apiDocumentPath(slug)}/passages/${refSegment(canonicalRef)}${rev != null ? `?rev=${rev}` : ''}`;
}

export function absoluteUrl(origin: string, path: string): string {
  return new URL(path, origin).toString();
}

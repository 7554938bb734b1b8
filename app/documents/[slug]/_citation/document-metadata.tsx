import 'server-only';
import type { Metadata } from 'next';
import { cache } from 'react';
import { getDb } from '@/db';
import { loadDocument } from '@/app/documents/[slug]/_data/load-document';
import { cachedDocumentCitation } from '@/db/read-path/citations';
import type { DocumentCitation } from '@/lib/citation/passage-citation';
import { CslJsonScript } from './csl-json-script';
import { toNextMetadata } from './next-metadata';
import { requestOrigin } from './request-origin';

/** The document's citation at its current revision: built once per revision, looked up once per request. */
const loadDocumentCitation = cache(async (slug: string): Promise<DocumentCitation | null> => {
  const db = await getDb();
  const doc = await loadDocument(slug);
  if (!doc) return null;
  return cachedDocumentCitation(db, doc, await requestOrigin());
});

/**
 * For the reader page's generateMetadata: Highwire citation_* tags, Open
 * Graph, the canonical link and the RIS / CSL-JSON alternates. Empty for an
 * unknown document (the page itself answers 404).
 */
export async function documentCitationMetadata(slug: string): Promise<Metadata> {
  const citation = await loadDocumentCitation(slug);
  return citation ? toNextMetadata(citation.meta) : {};
}

/** The document's CSL-JSON, embedded in the reader page for reference managers. */
export async function DocumentCitationScript({ slug }: { slug: string }) {
  const citation = await loadDocumentCitation(slug);
  return citation ? <CslJsonScript items={[citation.citations.item]} /> : null;
}

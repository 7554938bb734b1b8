import 'server-only';
import type { Metadata } from 'next';
import { cache } from 'react';
import { getDb } from '@/db';
import { getWitnesses } from '@/db/queries/alignment';
import { loadDocument } from '@/app/documents/[slug]/_data/load-document';
import { getLastTurn } from '@/db/queries/passages';
import { referenceWitness } from '@/lib/alignment/row-refs';
import { documentCitation, type DocumentCitation } from '@/lib/citation/passage-citation';
import { CslJsonScript } from './csl-json-script';
import { toNextMetadata } from './next-metadata';
import { requestOrigin } from './request-origin';

/** The document's citation at its current revision, once per request (metadata and page both use it). */
const loadDocumentCitation = cache(async (slug: string): Promise<DocumentCitation | null> => {
  const db = await getDb();
  const doc = await loadDocument(slug);
  if (!doc) return null;
  const reference = referenceWitness({ witnesses: await getWitnesses(db, doc.id) });
  const lastTurn = reference ? await getLastTurn(db, doc.id, reference.id) : 0;
  return documentCitation({ document: doc, rev: doc.currentRev, lastTurn, language: reference?.lang ?? 'en', origin: await requestOrigin() });
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

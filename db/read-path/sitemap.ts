/** Documents and their last turns for the sitemap: one read of documents, one index probe per document. */
import { asc } from 'drizzle-orm';
import type { Db } from '../connect';
import { documents } from '../schema';
import { getDocumentShape } from './reader';

export async function listLibraryEntriesForSitemap(db: Db): Promise<{ slug: string; lastTurn: number }[]> {
  const docs = await db
    .select({ id: documents.id, slug: documents.slug, rev: documents.currentRev })
    .from(documents)
    .orderBy(asc(documents.slug));
  return Promise.all(docs.map(async (d) => ({ slug: d.slug, lastTurn: (await getDocumentShape(db, d.id, d.rev)).lastTurn })));
}

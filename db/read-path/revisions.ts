/**
 * The revisions a page shows, for its ETag (proxy.ts): "7@12" for one
 * document (null when unknown), "1@3,7@12" for every document. One indexed
 * lookup on the documents table, nothing else.
 */
import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { getDb } from '../index';
import { documents } from '../schema';

export async function getDocumentRevisions(slug: string | null): Promise<string | null> {
  const db = await getDb();
  const rows = await db
    .select({ id: documents.id, rev: documents.currentRev })
    .from(documents)
    .where(slug == null ? undefined : eq(documents.slug, slug))
    .orderBy(asc(documents.id));
  if (slug != null && rows.length === 0) return null;
  return rows.map((r) => `${r.id}@${r.rev}`).join(',');
}

/**
 * Search results are a function of the query and of every document's
 * revision (a search spans the library), so they are cached under both: an
 * edit to any document makes the next search compute afresh.
 */
import { asc } from 'drizzle-orm';
import type { Db } from '../connect';
import { searchSegments, type SearchResults } from '../queries/search';
import { documents } from '../schema';
import { readCache } from './cache';

export async function cachedSearch(db: Db, query: string): Promise<SearchResults> {
  const revisions = await db.select({ id: documents.id, rev: documents.currentRev }).from(documents).orderBy(asc(documents.id));
  const key = `search:${revisions.map((r) => `${r.id}@${r.rev}`).join(',')}:${query}`;
  return readCache(db).get(key, () => searchSegments(db, query));
}

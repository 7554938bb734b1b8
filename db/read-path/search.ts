/**
 * Search results are a function of the query and of every document's
 * revision (a search spans the library), so they are cached under both: an
 * edit to any document makes the next search compute afresh.
 */
import { asc } from 'drizzle-orm';
import type { Db } from '../connect';
import { searchSegments, type SearchFilters, type SearchResults } from '../queries/search';
import { documents } from '../schema';
import { readCache } from './cache';

export async function cachedSearch(db: Db, query: string, filters: SearchFilters = {}): Promise<SearchResults> {
  const revisions = await db.select({ id: documents.id, rev: documents.currentRev }).from(documents).orderBy(asc(documents.id));
  const key = `search:${revisions.map((r) => `${r.id}@${r.rev}`).join(',')}:${JSON.stringify([query, filters.document ?? null, filters.speaker ?? null])}`;
  return readCache(db).get(key, () => searchSegments(db, query, { filters }));
}

/**
 * One revision cache per database handle (lib/cache/revision-cache.ts): the
 * app has one, and each test database gets its own, so documents that share
 * an id in two databases never share an entry.
 */
import { createRevisionCache, type RevisionCache } from '@/lib/cache/revision-cache';
import type { Db } from '../connect';

/** Entries are windows of a few hundred rows, passages and their citations: a few hundred KB at most each. */
const MAX_ENTRIES = 1_000;

// On globalThis: proxy.ts is bundled apart from the pages, and both must see one cache per handle.
const holder = globalThis as unknown as { __diptychReadCaches?: WeakMap<Db, RevisionCache> };
const caches = (holder.__diptychReadCaches ??= new WeakMap<Db, RevisionCache>());

export function readCache(db: Db): RevisionCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = createRevisionCache({ maxEntries: MAX_ENTRIES });
    caches.set(db, cache);
  }
  return cache;
}

/** The key of something revision `rev` of a document shows. */
export function revisionKey(documentId: number, rev: number, what: string): string {
  return `${documentId}@${rev}:${what}`;
}

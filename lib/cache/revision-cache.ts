/**
 * Compute-once cache for what a revision shows. Keys name the document's
 * revision ("doc 7 @ rev 12: reader window 1–250"), and a revision never
 * changes once written, so an entry is never stale: an edit makes a new
 * revision, the next request asks for a new key, and the old entries serve
 * pinned links until the LRU drops them. Invalidation is therefore the
 * revision number itself, read from the database on every request (one
 * indexed lookup), which every app instance sees at once (docs/deploy.md).
 *
 * Concurrent misses for one key share one computation (the promise is
 * cached); a failed computation is forgotten so the next request retries.
 */
import { LRUCache } from 'lru-cache';

export interface RevisionCacheStats {
  hits: number;
  misses: number;
}

export interface RevisionCache {
  get<T>(key: string, compute: () => Promise<T>): Promise<T>;
  /** Whether `key` is cached (tests and diagnostics). */
  has(key: string): boolean;
  stats(): RevisionCacheStats;
}

export function createRevisionCache(options: { maxEntries: number }): RevisionCache {
  const entries = new LRUCache<string, Promise<unknown>>({ max: options.maxEntries });
  const counts: RevisionCacheStats = { hits: 0, misses: 0 };
  return {
    get<T>(key: string, compute: () => Promise<T>): Promise<T> {
      const cached = entries.get(key);
      if (cached) {
        counts.hits++;
        return cached as Promise<T>;
      }
      counts.misses++;
      const promise = compute();
      entries.set(key, promise);
      promise.catch(() => {
        if (entries.get(key) === promise) entries.delete(key);
      });
      return promise;
    },
    has: (key) => entries.has(key),
    stats: () => ({ ...counts }),
  };
}

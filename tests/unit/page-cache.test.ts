/**
 * The whole-page cache's rules (lib/render/page-cache.ts): which answers are
 * kept, which headers a copy repeats, and that the byte budget holds.
 */
import { describe, expect, it } from 'vitest';
import { cacheablePage, createPageCache, pageCacheKey, pageHeaders } from '@/lib/render/page-cache';

const html = (extra: Record<string, string> = {}) => new Headers({ 'content-type': 'text/html; charset=utf-8', ...extra });

describe('page cache', () => {
  it('keeps complete HTML answers only, never one that sets a cookie', () => {
    expect(cacheablePage({ status: 200, headers: html() })).toBe(true);
    expect(cacheablePage({ status: 200, headers: html({ 'set-cookie': 'a=b' }) })).toBe(false);
    expect(cacheablePage({ status: 308, headers: html() })).toBe(false);
    expect(cacheablePage({ status: 500, headers: html() })).toBe(false);
    expect(cacheablePage({ status: 200, headers: new Headers({ 'content-type': 'application/json' }) })).toBe(false);
  });

  it('repeats the page headers but not those of one response or connection', () => {
    const kept = pageHeaders(
      html({ etag: 'W/"p-1"', vary: 'rsc', date: 'x', 'content-length': '5', 'content-encoding': 'gzip', connection: 'close' }),
    );
    expect(Object.fromEntries(kept)).toEqual({ 'content-type': 'text/html; charset=utf-8', etag: 'W/"p-1"', vary: 'rsc' });
  });

  it('names a page by build, revisions and URL, so an edit (new revisions) is another page', () => {
    const before = pageCacheKey({ build: 'b1', revisions: '1@12', url: '/documents/x' });
    expect(pageCacheKey({ build: 'b1', revisions: '1@13', url: '/documents/x' })).not.toBe(before);
    expect(pageCacheKey({ build: 'b2', revisions: '1@12', url: '/documents/x' })).not.toBe(before);
    expect(pageCacheKey({ build: 'b1', revisions: '1@12', url: '/documents/x?at=T5' })).not.toBe(before);
  });

  it('stays within its byte budget, dropping the least recently read page', () => {
    const cache = createPageCache(10_000);
    const page = { status: 200, headers: [] as [string, string][], body: new Uint8Array(4_000) };
    cache.set('a', page);
    cache.set('b', page);
    cache.get('a');
    cache.set('c', page);
    expect([...cache.keys()].sort()).toEqual(['a', 'c']);
    expect(cache.calculatedSize).toBeLessThanOrEqual(10_000);
  });
});

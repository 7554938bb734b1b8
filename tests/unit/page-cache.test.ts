/**
 * The whole-page cache's rules (lib/render/page-cache.ts): which answers are
 * kept, which headers a copy repeats, and that the byte budget holds.
 */
import { describe, expect, it } from 'vitest';
import { cacheableAnswer, cacheablePage, createPageCache, pageCacheKey, pageHeaders, renderForCache } from '@/lib/render/page-cache';
import { apiScope } from '@/lib/render/page-etag';

const html = (extra: Record<string, string> = {}) => new Headers({ 'content-type': 'text/html; charset=utf-8', ...extra });

describe('page cache', () => {
  it('keeps complete HTML answers only, never one that sets a cookie', () => {
    expect(cacheablePage({ status: 200, headers: html() })).toBe(true);
    expect(cacheablePage({ status: 200, headers: html({ 'set-cookie': 'a=b' }) })).toBe(false);
    expect(cacheablePage({ status: 308, headers: html() })).toBe(false);
    expect(cacheablePage({ status: 500, headers: html() })).toBe(false);
    expect(cacheablePage({ status: 200, headers: new Headers({ 'content-type': 'application/json' }) })).toBe(false);
  });

  it('keeps public JSON answers (document list, document, passage) under the revisions they show, nothing else of the API', () => {
    const json = new Headers({ 'content-type': 'application/json; charset=utf-8', etag: '"passage-1"' });
    expect(cacheableAnswer({ status: 200, headers: json })).toBe(true);
    expect(cacheableAnswer({ status: 404, headers: json })).toBe(false);
    expect(cacheableAnswer({ status: 200, headers: html() })).toBe(false);
    expect(apiScope('/api/documents')).toEqual({ kind: 'all-documents' });
    expect(apiScope('/api/documents/memo')).toEqual({ kind: 'document', slug: 'memo' });
    expect(apiScope('/api/documents/m%C3%A9mo/passages/T2-T5')).toEqual({ kind: 'document', slug: 'mémo' });
    for (const other of [
      '/api/documents/memo/edits',
      '/api/documents/memo/export',
      '/api/health',
      '/api/auth/session',
      '/api/documents/%E0',
    ])
      expect(apiScope(other), other).toBeNull();
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

  describe('a render that fails', () => {
    const renders = (...statuses: number[]) => {
      const calls: number[] = [];
      return {
        calls,
        render: () => {
          const status = statuses[calls.length] ?? 200;
          calls.push(status);
          return Promise.resolve({ status });
        },
      };
    };

    it('is tried once more while the database answers (a connection timed out right after a restart: CI, outage phase)', async () => {
      const r = renders(500, 200);
      expect(await renderForCache(r.render, () => Promise.resolve(true))).toEqual({ status: 200 });
      expect(r.calls).toEqual([500, 200]);
    });

    it('becomes the friendly 503 when the database is down now, without rendering again', async () => {
      const r = renders(500);
      expect(await renderForCache(r.render, () => Promise.resolve(false))).toBe('unavailable');
      expect(r.calls).toEqual([500]);
    });

    it('is sent as it failed the second time, and a good render is never repeated', async () => {
      const twice = renders(500, 502);
      expect(await renderForCache(twice.render, () => Promise.resolve(true))).toEqual({ status: 502 });
      expect(twice.calls).toHaveLength(2);
      const good = renders(404);
      expect(await renderForCache(good.render, () => Promise.reject(new Error('not asked')))).toEqual({ status: 404 });
      expect(good.calls).toHaveLength(1);
    });
  });
});

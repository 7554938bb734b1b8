/**
 * /sitemap.xml: the library, every document, and every turn of every
 * document as its passage page (scholars reach passages through search
 * engines). Turn numbers run 1..last, so no document is read for this.
 */
import type { MetadataRoute } from 'next';
import { getDb } from '@/db';
import { listLibraryEntriesForSitemap } from '@/db/read-path/sitemap';
import { absoluteUrl, documentPath, passagePath } from '@/lib/citation/urls';
import { requestOrigin } from './documents/[slug]/_citation/request-origin';

export const dynamic = 'force-dynamic';

/** The sitemap protocol's limit per file. */
const MAX_URLS = 50_000;

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const origin = await requestOrigin();
  const entries: MetadataRoute.Sitemap = [{ url: absoluteUrl(origin, '/') }];
  for (const doc of await listLibraryEntriesForSitemap(await getDb())) {
    entries.push({ url: absoluteUrl(origin, documentPath(doc.slug)) });
    for (let turn = 1; turn <= doc.lastTurn && entries.length < MAX_URLS; turn++) {
      entries.push({ url: absoluteUrl(origin, passagePath(doc.slug, `T${turn}`)) });
    }
  }
  return entries.slice(0, MAX_URLS);
}

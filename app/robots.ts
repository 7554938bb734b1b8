/** /robots.txt: everything readable may be crawled; editing, accounts and the API's auth may not. */
import type { MetadataRoute } from 'next';
import { absoluteUrl } from '@/lib/citation/urls';
import { requestOrigin } from './documents/[slug]/_citation/request-origin';

export const dynamic = 'force-dynamic';

export default async function robots(): Promise<MetadataRoute.Robots> {
  return {
    rules: { userAgent: '*', allow: '/', disallow: ['/admin', '/sign-in', '/api/auth', '/documents/*/edit', '/documents/*/history'] },
    sitemap: absoluteUrl(await requestOrigin(), '/sitemap.xml'),
  };
}

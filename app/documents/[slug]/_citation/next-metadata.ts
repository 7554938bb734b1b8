import type { Metadata } from 'next';
import type { PageCitationMeta } from '@/lib/citation/metadata';

/** Next's Metadata for a page's citation metadata: Highwire tags go in `other` (repeated names become arrays). */
export function toNextMetadata(meta: PageCitationMeta): Metadata {
  const other: Record<string, string | string[]> = {};
  for (const [name, content] of meta.highwire) {
    const existing = other[name];
    other[name] = existing === undefined ? content : [...([] as string[]).concat(existing), content];
  }
  return {
    title: meta.title,
    description: meta.description,
    alternates: { canonical: meta.canonical, types: meta.alternates },
    openGraph: meta.openGraph,
    other,
  };
}

/**
 * Metadata for machines, derived from the same CSL item as the citations:
 * Highwire Press `citation_*` tags (what Zotero's "Embedded Metadata"
 * translator, Mendeley and Google Scholar read), Open Graph, and the
 * canonical and alternate links. The app turns this into Next's Metadata.
 */
import type { CSL } from '@citation-js/core';
import { invertedName } from './names';

export interface PageCitationMeta {
  title: string;
  description: string;
  canonical: string;
  /** [name, content] pairs in order; names repeat (one citation_author per person). */
  highwire: [string, string][];
  openGraph: { title: string; description: string; url: string; siteName: string; type: 'article'; locale: string };
  /** Alternate representations: MIME type → absolute URL. */
  alternates: Record<string, string>;
}

export const RIS_MIME = 'application/x-research-info-systems';
export const CSL_JSON_MIME = 'application/vnd.citationstyles.csl+json';

export interface PageMetaInput {
  item: CSL;
  /** What the page shows, for people: "T5–T7 · Memorandum of …". */
  pageTitle: string;
  description: string;
  /** This page's URL: the passage or document, pinned when the page is. */
  canonical: string;
  risUrl: string;
  cslJsonUrl: string;
}

/** Highwire wants dates as yyyy/mm/dd. */
export function highwireDate(item: Pick<CSL, 'issued'>): string | null {
  const parts = item.issued?.['date-parts']?.[0];
  if (!parts) return null;
  const [year, ...rest] = Array.from(parts as readonly (string | number)[]);
  return [String(year), ...rest.map((p) => String(p).padStart(2, '0'))].join('/');
}

export function pageCitationMeta(input: PageMetaInput): PageCitationMeta {
  const { item } = input;
  const tags: [string, string][] = [];
  const add = (name: string, value: string | null | undefined) => {
    if (value) tags.push([name, value]);
  };
  add('citation_title', item.title);
  // The participants, whose words the memorandum records, are the item's authors (docs/citations.md).
  for (const author of item.author ?? []) add('citation_author', invertedName(author));
  add('citation_date', highwireDate(item));
  add('citation_publisher', item.publisher);
  add('citation_language', item.language);
  // Zotero stores citation_public_url as the item's URL: the pinned permalink, so a saved item opens what was cited.
  add('citation_public_url', item.URL);
  add('citation_abstract_html_url', input.canonical);
  add('citation_fulltext_html_url', input.canonical);
  // Dublin Core for what Highwire has no tag for; Zotero reads these through its RDF mapping.
  for (const translator of item.translator ?? []) add('DC.contributor', invertedName(translator));
  add('DC.source', [item.archive, item.archive_location].filter(Boolean).join(', ') || null);
  add('DC.type', 'Text');

  return {
    title: input.pageTitle,
    description: input.description,
    canonical: input.canonical,
    highwire: tags,
    openGraph: {
      title: input.pageTitle,
      description: input.description,
      url: input.canonical,
      siteName: 'Diptych',
      type: 'article',
      locale: (item.language ?? 'en').replace('-', '_'),
    },
    alternates: { [RIS_MIME]: input.risUrl, [CSL_JSON_MIME]: input.cslJsonUrl },
  };
}

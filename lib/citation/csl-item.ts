/**
 * The one description of what is cited, as CSL-JSON: every format (Chicago,
 * MLA, APA, BibTeX, RIS, the embedded CSL-JSON) is produced from it by
 * citation-js, so they cannot disagree. See docs/citations.md for why each
 * field is what it is.
 */
import type { CSL } from '@citation-js/core';
import { ENGLISH_MONTHS, isoDateParts } from '@/lib/dates';
import { archiveParts, familyName, personName } from './names';

export interface CitedDocument {
  slug: string;
  title: string;
  /** ISO yyyy-mm-dd, or null when unknown. */
  date: string | null;
  participants: string[];
  archiveRef: string | null;
  translator: string | null;
  publisher: string | null;
  isExcerpt: boolean;
  /** BCP 47 language of the translation the passage is quoted from. */
  language: string;
}

export interface CitationTarget {
  document: CitedDocument;
  /** The passage cited; null cites the whole document. */
  passage: { canonical: string; label: string; description: string } | null;
  /** The revision the citation is pinned to. */
  rev: number;
  /** Absolute URL that shows exactly this (pinned with ?rev=). */
  permalink: string;
}

/**
 * The title without the date the memo heading ends with ("… Mitterrand
 * January 18, 1991"): every style prints the date from `issued`, and would
 * otherwise print it twice.
 */
export function citationTitle(title: string, isoDate: string | null): string {
  const parts = isoDateParts(isoDate);
  if (!parts) return title;
  const [year, month, day] = parts;
  const full = ENGLISH_MONTHS[month - 1]!;
  const short = full.slice(0, 3);
  const spellings = [
    `${full} ${day}, ${year}`,
    `${short} ${day}, ${year}`,
    `${short}. ${day}, ${year}`,
    `${day} ${full} ${year}`,
    `${day} ${short} ${year}`,
  ];
  for (const spelling of spellings) {
    if (title.endsWith(spelling)) {
      const stripped = title.slice(0, -spelling.length).replace(/[\s,;:–—-]+$/, '');
      if (stripped) return stripped;
    }
  }
  return title;
}

/** A key citation-js keeps as the BibTeX label (letters and digits only): "gorbachev1991T5T7r1", "gorbachev1991T5s2r3". */
function citationKey(target: CitationTarget, authors: CSL['author']): string {
  const first = authors?.[0];
  const lead = (first ? familyName(first) : (target.document.slug.split('-')[0] ?? 'doc'))
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase();
  const year = isoDateParts(target.document.date)?.[0] ?? 'nd';
  // T5.2 → T5s2, T5-T7 → T5T7, T5.2@w3-w5 → T5s2w3w5.
  const passage = target.passage?.canonical.replace(/\./g, 's').replace(/[^A-Za-z0-9]/g, '') ?? '';
  return `${lead}${year}${passage}r${target.rev}`;
}

export function cslItem(target: CitationTarget): CSL {
  const { document: doc, passage, rev } = target;
  const authors = doc.participants.map(personName);
  const parts = isoDateParts(doc.date);
  const archive = doc.archiveRef ? archiveParts(doc.archiveRef) : null;
  const where = passage ? `${passage.label} (${passage.description}), revision ${rev}` : `Revision ${rev}`;
  const noteParts = [`${where} of the aligned edition.`];
  if (doc.isExcerpt) noteParts.push('The published translation is an excerpt.');
  if (doc.archiveRef) noteParts.push(`Original: ${doc.archiveRef}.`);

  const item: CSL = {
    id: `${doc.slug}${passage ? `/${passage.canonical}` : ''}@${rev}`,
    'citation-key': citationKey(target, authors),
    type: 'manuscript',
    title: citationTitle(doc.title, doc.date),
    language: doc.language,
    version: `rev. ${rev}`,
    URL: target.permalink,
    note: noteParts.join(' '),
  };
  if (authors.length) item.author = authors;
  if (doc.translator) item.translator = [personName(doc.translator)];
  if (parts) item.issued = { 'date-parts': [parts] };
  if (doc.publisher) item.publisher = doc.publisher;
  if (archive) {
    item.archive = archive.archive;
    if (archive.location) item.archive_location = archive.location;
  }
  return item;
}

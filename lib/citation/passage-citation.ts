/**
 * Everything citable about a passage (or a whole document) at a revision,
 * computed once and shared by the passage page, the reader's metadata, the
 * download routes and the JSON API: the CSL target, the six formats, the
 * quotation, the page metadata and the URLs.
 */
import type { AlignmentState } from '@/lib/alignment/types';
import { referenceWitness } from '@/lib/alignment/row-refs';
import { describeRef, turnRange, formatRef, formatRefLabel } from '@/lib/refs/parse';
import type { ResolvedPassage } from '@/lib/refs/resolve';
import type { CitationTarget, CitedDocument } from './csl-item';
import { formatCitations, type CitationSet } from './format';
import { pageCitationMeta, type PageCitationMeta } from './metadata';
import { passageQuotation, quotationText, type Quotation } from './quotation';
import { absoluteUrl, citationFilePath, documentPath, passagePath } from './urls';

export type DocumentFields = Omit<CitedDocument, 'language'>;

export interface PassageCitation {
  target: CitationTarget;
  citations: CitationSet;
  quotation: Quotation;
  /** The quotation followed by its Chicago note, ready to paste. */
  quotationText: string;
  /** Pinned URL of what is cited (?rev=N). */
  permalink: string;
  /** This page's canonical URL: the permalink when pinned, else the unpinned passage URL. */
  canonical: string;
  risUrl: string;
  cslJsonUrl: string;
  meta: PageCitationMeta;
}

export type DocumentCitation = Omit<PassageCitation, 'quotation' | 'quotationText'>;

function language(state: AlignmentState): string {
  return referenceWitness(state)?.lang ?? 'en';
}

/** The words a word citation (T5.2@w3-w5) names: cited instead of their whole passage. */
export interface CitedWordsTarget {
  /** T5.2@w3-w5. */
  canonical: string;
  /** T5.2@w3–w5. */
  label: string;
  /** "words 3–5 of turn 5, sentence 2". */
  description: string;
  /** The cited words as written. */
  text: string;
}

export function passageCitation(input: {
  document: DocumentFields;
  state: AlignmentState;
  passage: ResolvedPassage;
  /** True when the page was asked for a revision (?rev=N). */
  pinned: boolean;
  origin: string;
  /** A word citation: the formats, the permalink and the quotation name these words. */
  words?: CitedWordsTarget | null;
}): PassageCitation {
  const { document: doc, state, passage, origin, words } = input;
  const rev = state.rev;
  const cited = words ?? { canonical: passage.canonical, label: passage.label, description: describeRef(passage.ref) };
  const permalink = absoluteUrl(origin, passagePath(doc.slug, cited.canonical, rev));
  const canonical = input.pinned ? permalink : absoluteUrl(origin, passagePath(doc.slug, cited.canonical));
  const target: CitationTarget = {
    document: { ...doc, language: language(state) },
    passage: { canonical: cited.canonical, label: cited.label, description: cited.description },
    rev,
    permalink,
  };
  const citations = formatCitations(target);
  const whole = passageQuotation(state, passage);
  // A word citation quotes its words; the other witnesses stay the rows' text, for context.
  const quotation = words ? { ...whole, translation: { ...whole.translation, available: true, text: words.text } } : whole;
  // A word citation's files cite its words, like its formats (…/passages/T5.2@w3-w5/citation.ris).
  const risUrl = absoluteUrl(origin, citationFilePath(doc.slug, 'ris', cited.canonical, rev));
  const cslJsonUrl = absoluteUrl(origin, citationFilePath(doc.slug, 'json', cited.canonical, rev));
  const summary = quotation.translation.available ? excerpt(quotation.translation.text, 200) : '';
  return {
    target,
    citations,
    quotation,
    quotationText: quotationText(quotation, citations.chicagoNote),
    permalink,
    canonical,
    risUrl,
    cslJsonUrl,
    meta: pageCitationMeta({
      item: citations.item,
      pageTitle: `${cited.label} · ${doc.title}`,
      description: summary
        ? `${cited.label} (${cited.description}), revision ${rev}: ${summary}`
        : `${cited.label} (${cited.description}) of ${doc.title}, revision ${rev}.`,
      canonical,
      risUrl,
      cslJsonUrl,
    }),
  };
}

/**
 * The whole document at its current revision. Its permalink is the passage
 * page of every turn pinned to that revision, the one URL that keeps showing
 * the document exactly as cited.
 */
export function documentCitation(input: {
  document: DocumentFields;
  rev: number;
  lastTurn: number;
  language: string;
  origin: string;
}): DocumentCitation {
  const { document: doc, rev, origin } = input;
  const whole = turnRange(1, Math.max(1, input.lastTurn));
  const permalink = absoluteUrl(origin, passagePath(doc.slug, formatRef(whole), rev));
  const canonical = absoluteUrl(origin, documentPath(doc.slug));
  const target: CitationTarget = { document: { ...doc, language: input.language }, passage: null, rev, permalink };
  const citations = formatCitations(target);
  const risUrl = absoluteUrl(origin, citationFilePath(doc.slug, 'ris'));
  const cslJsonUrl = absoluteUrl(origin, citationFilePath(doc.slug, 'json'));
  return {
    target,
    citations,
    permalink,
    canonical,
    risUrl,
    cslJsonUrl,
    meta: pageCitationMeta({
      item: citations.item,
      pageTitle: doc.title,
      description: `${doc.title}: the translation beside its source, aligned turn by turn (${formatRefLabel(whole)}), revision ${rev}.`,
      canonical,
      risUrl,
      cslJsonUrl,
    }),
  };
}

function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20))}…`;
}

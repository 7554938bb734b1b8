/**
 * A whole document at one revision as plain data: what every exporter
 * reads (lib/export/) and every importer produces (memo, JSON, TMX), and
 * what db/import-bundle.ts stores as revision 1. Witnesses are referred to by
 * index (their column position), rows hold their segments inline in reading
 * order, so the shape carries no database ids or keys: exporting, importing
 * into another database and exporting again gives the same data.
 */
import type { RowStatus, WitnessRole } from '@/lib/alignment/types';

export interface DocumentMetadataFields {
  title: string;
  /** ISO yyyy-mm-dd, or null. */
  date: string | null;
  place: string | null;
  participants: string[];
  archiveRef: string | null;
  translator: string | null;
  publisher: string | null;
  /** The source note as written, "Source: " included. */
  sourceNote: string | null;
  isExcerpt: boolean;
  frontMatter: string[];
}

export interface BundleWitness {
  lang: string;
  role: WitnessRole;
  label: string;
  isPlaceholderWitness: boolean;
}

export interface BundleSegment {
  turnNo: number;
  sentenceNo: number | null;
  speaker: string | null;
  /** Paragraphs joined by "\n\n"; "" for a placeholder. */
  text: string;
  isPlaceholder: boolean;
}

/** A word of a row: witness (column) index, segment index within that cell, UTF-16 offsets in its text. */
export interface BundleWord {
  witness: number;
  segment: number;
  start: number;
  end: number;
}

/** A word link of a row (lib/word-links): who made it is not carried (accounts differ between installations). */
export interface BundleWordLink {
  status: 'suggested' | 'accepted';
  source: BundleWord[];
  target: BundleWord[];
}

export interface BundleRow {
  status: RowStatus;
  note: string | null;
  /** cells[i]: the segments of witness i in this row, in reading order; [] is an omission. */
  cells: BundleSegment[][];
  /** The row's word links, when it has any. */
  links?: BundleWordLink[];
}

export interface BundleMilestone {
  witness: number;
  turnNo: number;
  paragraph: number;
  label: string;
}

export interface DocumentBundle {
  slug: string;
  metadata: DocumentMetadataFields;
  witnesses: BundleWitness[];
  rows: BundleRow[];
  milestones: BundleMilestone[];
}

/** The witness whose turn numbers are the document's references (T5): the first translation. */
export function referenceWitness(bundle: Pick<DocumentBundle, 'witnesses'>): number {
  const i = bundle.witnesses.findIndex((w) => w.role === 'translation');
  return i < 0 ? 0 : i;
}

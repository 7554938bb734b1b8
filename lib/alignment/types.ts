/**
 * The alignment model shared by the reader, the editing operations and
 * citations. Pure data, serializable (plain objects), no database types.
 */

import type { RowStatus, WitnessRole } from './statuses';

export { ROW_STATUSES, WITNESS_ROLES, type RowStatus, type WitnessRole } from './statuses';

export interface Witness {
  id: number;
  /** BCP 47 tag: 'ru', 'en', 'fr'. */
  lang: string;
  role: WitnessRole;
  label: string;
  isPlaceholderWitness: boolean;
  position: number;
}

export interface Segment {
  /** Stable identity across versions. */
  key: string;
  witnessId: number;
  orderKey: string;
  turnNo: number;
  sentenceNo: number | null;
  speaker: string | null;
  /** Paragraphs joined by "\n\n"; editorial marks as written. */
  text: string;
  isPlaceholder: boolean;
  /** Revision that created this version. */
  revFrom: number;
}

export interface AlignmentRow {
  key: string;
  orderKey: string;
  status: RowStatus;
  note: string | null;
  revFrom: number;
  /** Segment keys per witness id, in the witness's reading order. Missing or empty: an omission. */
  members: Record<number, string[]>;
}

/** A document's alignment at one revision (or a consecutive window of it). */
export interface AlignmentState {
  rev: number;
  witnesses: Witness[];
  /** Rows in reading order. */
  rows: AlignmentRow[];
  segments: Record<string, Segment>;
}

/** Reference label of a translation segment: T5, or T5.2 once split into sentences. */
export function segmentRef(segment: Pick<Segment, 'turnNo' | 'sentenceNo'>): string {
  return segment.sentenceNo == null ? `T${segment.turnNo}` : `T${segment.turnNo}.${segment.sentenceNo}`;
}

/**
 * Why an edit was refused, in words that name the passage ("row T4 has no
 * segment in the Russian column to move"). The code is for programs and
 * tests; the message is for the editor, shown beside the control they used.
 */
import { DomainError } from '@/lib/errors';

export type AlignmentErrorCode =
  /** A row or segment named by the edit is not in the document (now or ever). */
  | 'not-found'
  /** Two rows or segments that must be neighbours are not. */
  | 'not-adjacent'
  /** The row has no segment in the witness the edit is about. */
  | 'no-segment'
  /** Nothing above the first row or below the last. */
  | 'edge'
  /** Merging would join two turns and so change the translation's references. */
  | 'cross-turn'
  /** Two segments to merge sit in different rows. */
  | 'different-rows'
  /** The segment is a placeholder, and the edit needs real text. */
  | 'placeholder'
  /** Replacing a placeholder, but the segment already has text. */
  | 'not-placeholder'
  /** A split position outside the text, out of order, or leaving an empty piece. */
  | 'bad-offset'
  /** A row split that would leave one of the two rows empty, or names a segment not in the row. */
  | 'bad-split'
  /** Text that is empty once trimmed. */
  | 'empty-text'
  /** The result would hold a segment longer than the text limit (MAX_SEGMENT_CHARACTERS). */
  | 'too-long'
  /** The edit would change nothing. */
  | 'no-change'
  /** The result would break a rule of the model (a bug or a stale window): nothing is written. */
  | 'invariant'
  /** An undo whose restored text would clash with later edits around it: refused, nothing is written. */
  | 'undo-blocked'
  /** The edit names rows too far apart to be one passage. */
  | 'too-wide'
  /** A revision that does not exist (yet) or cannot be used as asked. */
  | 'bad-revision'
  /** A document detail that cannot be stored as given (a date that is no date, an unknown language). */
  | 'bad-metadata'
  /** Source text to align that does not fit the passage, or links that do not cover it. */
  | 'bad-alignment';

export class AlignmentError extends DomainError {
  declare readonly code: AlignmentErrorCode;

  constructor(code: AlignmentErrorCode, message: string, details?: unknown) {
    super(code, message, details);
  }
}

/** One row of the passage a conflict is about, as it is now (for the "current state" shown to the editor). */
export interface ConflictRow {
  key: string;
  label: string;
  status: string;
  note: string | null;
  cells: {
    witnessId: number;
    lang: string;
    column: string;
    /** `rev`: the revision the segment's current version was written in (what a merged draft is saved against). */
    segments: { key: string; ref: string; text: string; rev: number; isPlaceholder: boolean }[];
  }[];
}

export interface ConflictDetails {
  /** The document's newest revision: reload to it. */
  currentRev: number;
  /** "T4–T5" */
  passage: string;
  /** The newest revision that changed the passage since the editor's base revision. */
  changedInRev: number;
  changedBy: string;
  rows: ConflictRow[];
}

/**
 * The passage an edit touches changed after the revision the edit was made
 * against (or an undo's rows changed after it). Nothing was written; the
 * details carry the passage as it is now so the editor can see and reload.
 */
export class ConflictError extends DomainError {
  declare readonly code: 'conflict';
  declare readonly details: ConflictDetails;

  constructor(message: string, details: ConflictDetails) {
    super('conflict', message, details);
  }
}

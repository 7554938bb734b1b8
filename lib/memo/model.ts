/**
 * The document model of a memorandum of conversation, as parsed from the
 * project's Markdown memo format (see docs/formats.md). Pure data: the
 * importer produces it, the serializer writes it back, the seed stores it.
 */

/** How a speaker label was written, kept so serializing reproduces the input. */
export type LabelStyle = 'bold' | 'plain';

export interface MemoTurn {
  /** 1-based turn number: the translation's reference system (T1, T2, ...). */
  turnNo: number;
  /** Speaker as labelled, e.g. "Gorbachev". */
  speaker: string;
  labelStyle: LabelStyle;
  /** Paragraphs of the turn, in order, each verbatim (editorial marks kept as written). */
  paragraphs: string[];
  /** 1-based line of the speaker label in the input, for error messages downstream. */
  line: number;
}

export interface SourceNote {
  /** The whole bracketed note, verbatim, without the surrounding brackets. */
  raw: string;
  /** e.g. "Archive of the Gorbachev Foundation, Fond 1, opis 1" */
  archiveRef: string | null;
  /** e.g. "Svetlana Savranskaya" */
  translator: string | null;
  /** e.g. "National Security Archive" */
  publisher: string | null;
}

export interface MemoDocument {
  /** The `##` heading text, verbatim. */
  title: string;
  /** ISO date (yyyy-mm-dd) read from the title, or null when it has none. */
  date: string | null;
  /** Participants read from "between X and Y" in the title. */
  participants: string[];
  /** True when the document carries the `[excerpt]` mark. */
  isExcerpt: boolean;
  turns: MemoTurn[];
  sourceNote: SourceNote | null;
}

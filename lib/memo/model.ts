/**
 * The document model of a memorandum of conversation, as parsed from the
 * memo conventions of docs/formats.md. Pure data: the importer produces it,
 * the serializer writes it back, the database import stores it.
 */

/** How a speaker label was written, kept so serializing reproduces the input. */
export type LabelStyle = 'bold' | 'plain';

export interface MemoTurn {
  /** 1-based turn number: the translation's reference system (T1, T2, ...). */
  turnNo: number;
  /** Speaker as labelled, e.g. "Gorbachev", "The President", "M.S. GORBACHEV". */
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

/**
 * A page break of the printed edition (`[Page 1049]`): it stands before
 * paragraph `paragraph` (0-based) of turn `turnNo`; 0 is before the turn,
 * the turn's paragraph count is after its last paragraph. Anchored on turn
 * numbers, which no alignment edit changes.
 */
export interface MemoMilestone {
  turnNo: number;
  paragraph: number;
  /** The page as printed: "1049". */
  label: string;
  line: number;
}

/** Something the importer was unsure about and how it decided; shown before anything is saved. */
export interface MemoWarning {
  line: number | null;
  message: string;
}

export interface MemoDocument {
  /** The title heading or first line, verbatim. */
  title: string;
  /** ISO date (yyyy-mm-dd) read from the title or the front matter, or null. */
  date: string | null;
  /** Place of the conversation, when a front-matter line names it ("Malta", "Москва"). */
  place: string | null;
  /** The principals: from "between X and Y" in the title, else from a participants list. */
  participants: string[];
  /** True when the document carries the `[excerpt]` mark. */
  isExcerpt: boolean;
  /**
   * Front matter as written, one entry per line or field block, verbatim:
   * SUBJECT / PARTICIPANTS / DATE blocks, place and date lines, "(one on one)".
   */
  frontMatter: string[];
  turns: MemoTurn[];
  milestones: MemoMilestone[];
  sourceNote: SourceNote | null;
  warnings: MemoWarning[];
}

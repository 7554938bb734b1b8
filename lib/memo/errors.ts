/**
 * Typed import errors for the memo format (see docs/formats.md). Every error
 * carries a machine-readable code and, when it is about one place, the 1-based
 * line, so the upload form can point at the line and tests can assert exactly.
 * A DomainError, so server actions pass the message on to the editor.
 */
import { DomainError } from '@/lib/errors';

/** Largest memo accepted, in UTF-8 bytes: a book (a 20,000-turn memo is about 7 MiB), with room to spare. */
export const MAX_MEMO_BYTES = 50 * 1024 * 1024;
/** Longest turn, in characters: the same bound as an edit's text (op-schema.ts), so every imported turn stays editable. */
export const MAX_TURN_CHARS = 100_000;
/** Most turns in one memo: the scale the edit path is measured at (docs/benchmarks.md). */
export const MAX_TURNS = 20_000;

export type ImportErrorCode =
  /** Nothing but whitespace (or nothing at all). */
  | 'empty'
  /** Not valid UTF-8, or contains NUL / control characters. */
  | 'not-text'
  /** Over MAX_MEMO_BYTES. */
  | 'too-large'
  /** The memo does not start with a title (a heading or a plain line; not a speaker label). */
  | 'no-title'
  /** A speaker label with nothing after it. */
  | 'empty-label'
  /** An `[` without `]` in the same paragraph, or a stray `]`. */
  | 'unbalanced-brackets'
  /** A Markdown block the format does not have, or a block out of place. */
  | 'unknown-structure'
  /** `[excerpt]` or a source note glued to the previous line instead of starting its own paragraph. */
  | 'missing-blank-line'
  /** A title but not a single turn. */
  | 'no-turns'
  /** One turn longer than MAX_TURN_CHARS. */
  | 'turn-too-long'
  /** More than MAX_TURNS turns. */
  | 'too-many-turns'
  /** A file in another format (JSON export, TMX) that does not have the shape that format requires. */
  | 'bad-format'
  /** A language option that is not a language, or a text in neither language's script. */
  | 'bad-language'
  /** A slug that is not lower-case letters, digits and single hyphens. */
  | 'bad-slug';

export class ImportError extends DomainError {
  declare readonly code: ImportErrorCode;
  /** 1-based line in the input, or null when the error is about the whole file. */
  readonly line: number | null;
  /** The problem without the "line N: " prefix, for UIs that show the line separately. */
  readonly reason: string;

  constructor(code: ImportErrorCode, line: number | null, reason: string) {
    super(code, line === null ? reason : `line ${line}: ${reason}`, { line, reason });
    this.line = line;
    this.reason = reason;
  }
}

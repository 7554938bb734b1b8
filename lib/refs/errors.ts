/**
 * Why a passage reference was refused. The message names the reference as
 * written and says what would be valid, so it can be shown as is (on a 404
 * page, in an API error, beside a form).
 */
import { DomainError } from '@/lib/errors';

export type RefErrorCode =
  /** Nothing was given. */
  | 'empty'
  /** Not of the form T5, T5.2, T5-T7, T5.2-T6.1. */
  | 'syntax'
  /** T0 or T5.0: numbering starts at 1. */
  | 'zero'
  /** A number written with a leading zero (T05): refused so every passage has one spelling. */
  | 'leading-zero'
  /** A number too large to be a turn or a sentence. */
  | 'too-large'
  /** The range ends before it starts. */
  | 'reversed'
  /** A turn beyond the document's last turn. */
  | 'turn-out-of-range'
  /** A sentence the turn does not have. */
  | 'sentence-out-of-range'
  /** A word (T5.2@w12) beyond the last word of the passage's translation text. */
  | 'word-out-of-range'
  /** The document has no translation witness to give turn numbers. */
  | 'no-reference-witness'
  /** A ?rev= that is not a positive whole number. */
  | 'bad-revision'
  /** A ?rev= beyond the document's newest revision. */
  | 'no-such-revision';

export class RefError extends DomainError {
  declare readonly code: RefErrorCode;

  constructor(
    code: RefErrorCode,
    message: string,
    /** The reference as it was given. */
    readonly input: string,
  ) {
    super(code, message, { input });
  }
}

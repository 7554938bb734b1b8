/**
 * Proposed sentence boundaries for splitting a turn, from Intl.Segmenter
 * (ICU's sentence rules for the witness's language). Offsets are where each
 * new sentence starts, in UTF-16 code units; the whitespace after a sentence
 * (paragraph breaks included) stays with it, so the pieces concatenate back
 * to the exact text. They are proposals: the editor picks which to use.
 * A break that would cut off a piece with no words (`[...]`, punctuation) is
 * not proposed (sentence-breaks.ts).
 */
import { keepWordfulBreaks } from './sentence-breaks';

// V8 ignores ICU's abbreviation suppressions (-u-ss-standard), so "Mr." would
// end a sentence. Titles and initials that never end one in these documents:
const ABBREVIATION =
  /(?:^|[\s([«"“])(?:Mr|Mrs|Ms|Dr|Prof|Gen|Col|Lt|Capt|Sgt|St|Jr|Sr|Messrs|No|vs|cf|e\.g|i\.e|тов|г|гг|т|т\.е|т\.д|т\.п|см|им|проф|ген|[A-ZА-ЯЁ])\.$/u;

export function proposeSentenceOffsets(text: string, lang: string): number[] {
  const segmenter = new Intl.Segmenter(lang, { granularity: 'sentence' });
  const offsets: number[] = [];
  let pieceStart = 0;
  for (const { index, segment } of segmenter.segment(text)) {
    if (index === 0) continue;
    // A whitespace-only "sentence" (the second newline of a paragraph break) belongs to the one before.
    if (segment.trim() === '') continue;
    const before = text.slice(pieceStart, index).trimEnd();
    if (ABBREVIATION.test(before)) continue;
    offsets.push(index);
    pieceStart = index;
  }
  return keepWordfulBreaks(text, offsets);
}

/** The pieces a text is cut into at `offsets` (which must be increasing and inside the text). */
export function splitAt(text: string, offsets: readonly number[]): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (const offset of offsets) {
    pieces.push(text.slice(start, offset));
    start = offset;
  }
  pieces.push(text.slice(start));
  return pieces;
}

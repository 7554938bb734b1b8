/**
 * Proposed sentence boundaries for splitting a turn, from Intl.Segmenter
 * (ICU's sentence rules for the witness's language). Offsets are where each
 * new sentence starts, in UTF-16 code units; the whitespace after a sentence
 * (paragraph breaks included) stays with it, so the pieces concatenate back
 * to the exact text. They are proposals: the editor picks which to use.
 * A break that would cut off a piece with no words (`[...]`, punctuation) is
 * not proposed (sentence-breaks.ts).
 *
 * Linear in the text: the edit page computes this for every segment it shows
 * (a 100,000-character turn included), so no step looks at more than a short,
 * bounded stretch around each boundary. A `WorkMeter` counts the characters
 * each step looks at, so a test can check that work grows linearly.
 */
import { keepWordfulBreaks } from './sentence-breaks';

/** Characters looked at, added up by each step (tests only; the page passes none). */
export interface WorkMeter {
  chars: number;
}

// V8 ignores ICU's abbreviation suppressions (-u-ss-standard), so "Mr." would
// end a sentence. Titles and initials that never end one in these documents:
const ABBREVIATION =
  /(?:^|[\s([«"“])(?:Mr|Mrs|Ms|Dr|Prof|Gen|Col|Lt|Capt|Sgt|St|Jr|Sr|Messrs|No|vs|cf|e\.g|i\.e|тов|г|гг|т|т\.е|т\.д|т\.п|см|им|проф|ген|[A-ZА-ЯЁ])\.$/u;
// The longest abbreviation above with the character before it ("(Messrs." is 8): a window this long decides.
const ABBREVIATION_WINDOW = 12;
const SPACE = /\s/;
/** Words shown for each proposed sentence start, and the most characters read for them. */
const PREVIEW_WORDS = 6;
const PREVIEW_CHARS = 160;

// V8's Intl.Segmenter takes time proportional to the string for each sentence it steps over, so one pass over a
// 100,000-character turn is quadratic (seconds). It is run on windows of this many characters instead.
const SEGMENTER_WINDOW = 2_000;

/**
 * Intl.Segmenter's sentences of `text` (offsets in the whole text), found window by window. Each window
 * starts at a sentence start and only its sentences followed by two more in the window are taken: ICU's
 * rules look past a boundary only to the next letter, so those are the boundaries of the whole text.
 * A sentence longer than the window doubles it until it fits.
 */
export function* sentenceSegments(
  text: string,
  lang: string,
  meter?: WorkMeter,
  window = SEGMENTER_WINDOW,
): Generator<{ index: number; segment: string }> {
  const segmenter = new Intl.Segmenter(lang, { granularity: 'sentence' });
  let start = 0;
  let size = window;
  while (start < text.length) {
    const end = Math.min(text.length, start + size);
    if (meter) meter.chars += end - start;
    const pieces = Array.from(segmenter.segment(text.slice(start, end)), ({ index, segment }) => ({ index: start + index, segment }));
    if (end === text.length) {
      yield* pieces;
      return;
    }
    if (pieces.length < 3) {
      size *= 2;
      continue;
    }
    yield* pieces.slice(0, -2);
    start = pieces[pieces.length - 2]!.index;
    size = window;
  }
}

export function proposeSentenceOffsets(text: string, lang: string, meter?: WorkMeter): number[] {
  const offsets: number[] = [];
  let pieceStart = 0;
  for (const { index, segment } of sentenceSegments(text, lang, meter)) {
    if (meter) meter.chars += segment.length;
    if (index === 0) continue;
    // A whitespace-only "sentence" (the second newline of a paragraph break) belongs to the one before.
    if (segment.trim() === '') continue;
    if (endsWithAbbreviation(text, pieceStart, index, meter)) continue;
    offsets.push(index);
    pieceStart = index;
  }
  return keepWordfulBreaks(text, offsets, meter);
}

/**
 * Whether the piece text[pieceStart, end) ends (before its trailing whitespace) with an abbreviation.
 * Only the last few characters are read: the piece can grow across many abbreviations ("Mr. Mr. Mr. …").
 */
function endsWithAbbreviation(text: string, pieceStart: number, end: number, meter?: WorkMeter): boolean {
  let last = end;
  while (last > pieceStart && SPACE.test(text[last - 1]!)) last--;
  const from = Math.max(pieceStart, last - ABBREVIATION_WINDOW);
  if (meter) meter.chars += end - from;
  // When the window starts inside the piece, `^` in ABBREVIATION cannot match a real abbreviation (none is that long).
  return ABBREVIATION.test(text.slice(from, last));
}

/** The proposed sentence starts with the first words of each sentence, as the edit page offers them. */
export function sentenceProposals(text: string, lang: string, meter?: WorkMeter): { offset: number; preview: string }[] {
  return proposeSentenceOffsets(text, lang, meter).map((offset) => {
    // Only the start of the rest of the text: reading all of it for each proposal made a long turn quadratic.
    const head = text.slice(offset, offset + PREVIEW_CHARS);
    if (meter) meter.chars += head.length;
    const trimmed = head.trim();
    const words = trimmed.split(/\s+/).slice(0, PREVIEW_WORDS).join(' ');
    return { offset, preview: words.length < trimmed.length || offset + PREVIEW_CHARS < text.length ? `${words}…` : words };
  });
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

/**
 * Which proposed sentence breaks to keep: a piece with no words of its own
 * (an editorial mark such as `[...]`, a stray quote or dash) is never cut off
 * as a sentence. It stays with the sentence before it, or, when it opens a
 * paragraph or the text, with the sentence after it. One pass, linear.
 */

// Editorial marks as stored: a bracketed run on one line (lib/render/marks.ts reads them the same way).
const MARK = /\[[^[\]\n]*\]/g;
const WORD = /[\p{L}\p{N}]/u;
const PARAGRAPH_END = /\n[ \t]*\n\s*$/;

/** True when a piece holds a word outside editorial marks. */
export function hasOwnWords(piece: string): boolean {
  return WORD.test(piece.replace(MARK, ''));
}

/** `offsets` (increasing, inside `text`) without the breaks that would isolate a piece with no words. */
export function keepWordfulBreaks(text: string, offsets: readonly number[], meter?: { chars: number }): number[] {
  const kept: number[] = [];
  // Start of a run of wordless pieces waiting to open the next sentence.
  let pending: number | null = null;
  for (let i = 0; i <= offsets.length; i++) {
    const start = i === 0 ? 0 : offsets[i - 1]!;
    const end = i === offsets.length ? text.length : offsets[i]!;
    if (meter) meter.chars += end - start + Math.min(start, 64);
    if (!hasOwnWords(text.slice(start, end))) {
      const opensParagraph = i === 0 || PARAGRAPH_END.test(text.slice(Math.max(0, start - 64), start));
      if (pending === null && opensParagraph) pending = start;
      continue; // otherwise it joins the sentence before it
    }
    const begin = pending ?? start;
    pending = null;
    if (begin > 0) kept.push(begin);
  }
  // A wordless run at the very end (after a paragraph break) has nothing after it: it joins the sentence before.
  return kept;
}

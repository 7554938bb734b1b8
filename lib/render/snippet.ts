/**
 * Search snippets, cut from the stored text here rather than by PostgreSQL's
 * ts_headline (whose parser drops anything that looks like a tag, `<img …>`,
 * and eats brackets): the snippet is the text exactly, a window of words
 * around the first match that never cuts an editorial mark in two. Matches
 * are wrapped in two private-use sentinels, split into highlighted parts and
 * rendered by React as text: nothing is ever injected as HTML.
 */
import { tokenizeEditorialText, type TextToken } from './marks';

export const HIGHLIGHT_START = '\uE000';
export const HIGHLIGHT_STOP = '\uE001';

export interface Snippet {
  /** The window of text, matches wrapped in the sentinels. */
  marked: string;
  /** Text was left out before / after the window (shown with a mark distinct from an editorial elision). */
  cutBefore: boolean;
  cutAfter: boolean;
}

const SNIPPET_WORDS = 35;
/** Words of context kept before the first match. */
const LEAD_WORDS = 10;

/**
 * The snippet of `text` for a search: about `maxWords` words around the first
 * word `isMatch` accepts (the opening words when none does), every match in
 * it highlighted. Cut points fall between words, outside editorial marks.
 */
export function buildSnippet(text: string, isMatch: (word: string) => boolean, maxWords = SNIPPET_WORDS): Snippet {
  const clean = stripSentinels(text);
  const words = [...new Intl.Segmenter(undefined, { granularity: 'word' }).segment(clean)].filter((w) => w.isWordLike);
  const matches = words.map((w) => isMatch(w.segment));
  const first = Math.max(0, matches.indexOf(true));
  const lead = Math.min(LEAD_WORDS, Math.floor(maxWords / 3));
  const end = Math.min(words.length, Math.max(first - lead, 0) + maxWords);
  const start = Math.max(0, end - maxWords);
  let from = start === 0 ? 0 : words[start]!.index;
  let to = end === words.length ? clean.length : endOfWord(clean, words[end - 1]!);
  from = outsideMark(clean, from, 'start');
  to = outsideMark(clean, to, 'end');

  let marked = '';
  let at = from;
  for (let i = start; i < end; i++) {
    const word = words[i]!;
    if (!matches[i] || word.index < from || word.index >= to) continue;
    marked += clean.slice(at, word.index) + HIGHLIGHT_START + word.segment + HIGHLIGHT_STOP;
    at = word.index + word.segment.length;
  }
  marked += clean.slice(at, to);
  return {
    marked: marked.replace(/\s*\n[ \t]*\n\s*/g, ' ¶ '),
    cutBefore: clean.slice(0, from).trim() !== '',
    cutAfter: clean.slice(to).trim() !== '',
  };
}

/** Where a cut after this word goes: after the punctuation attached to it ("phase." keeps its full stop). */
function endOfWord(text: string, word: { index: number; segment: string }): number {
  let end = word.index + word.segment.length;
  while (end < text.length && !/[\s[]/.test(text[end]!)) end++;
  return end;
}

/** Moves a cut point out of a bracketed mark on its line, so `[...]` and `[Israel]` are never cut in two. */
function outsideMark(text: string, at: number, side: 'start' | 'end'): number {
  const open = text.lastIndexOf('[', at - 1);
  if (open === -1) return at;
  const close = text.indexOf(']', open);
  const newline = text.indexOf('\n', open);
  const inside = close !== -1 && close >= at && (newline === -1 || newline > close) && text.lastIndexOf(']', at - 1) < open;
  if (!inside) return at;
  return side === 'start' ? open : close + 1;
}

export interface HighlightPart {
  text: string;
  hit: boolean;
}

/**
 * Splits sentinel-marked text into parts. Unbalanced sentinels (a cut
 * fragment) end or start a highlight at the text's edge; stray sentinels
 * never reach the output.
 */
export function splitHighlights(marked: string): HighlightPart[] {
  const parts: HighlightPart[] = [];
  let hit = false;
  let current = '';
  const flush = () => {
    if (!current) return;
    const last = parts[parts.length - 1];
    if (last && last.hit === hit) last.text += current;
    else parts.push({ text: current, hit });
    current = '';
  };
  for (const ch of marked) {
    if (ch === HIGHLIGHT_START || ch === HIGHLIGHT_STOP) {
      flush();
      hit = ch === HIGHLIGHT_START;
    } else {
      current += ch;
    }
  }
  flush();
  return parts;
}

/** Removes the sentinels from text (used on stored text before highlighting). */
export function stripSentinels(text: string): string {
  return text.replaceAll(HIGHLIGHT_START, '').replaceAll(HIGHLIGHT_STOP, '');
}

/**
 * A snippet as editorial tokens whose text may carry sentinels: a match can
 * sit inside an insertion ("[Israel]"), so marks are found first and
 * highlights split inside each token when rendering.
 */
export function snippetTokens(marked: string): TextToken[] {
  return tokenizeEditorialText(marked.replace(/\s+/g, ' ').trim());
}

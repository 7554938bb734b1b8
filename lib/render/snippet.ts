/**
 * Search snippets. PostgreSQL's ts_headline marks matches with StartSel and
 * StopSel; we pass two private-use characters instead of HTML tags, so the
 * snippet stays plain text and is split here into highlighted parts, which
 * React renders as text: nothing from the database is ever injected as HTML.
 */
import { tokenizeEditorialText, type TextToken } from './marks';

export const HIGHLIGHT_START = '\uE000';
export const HIGHLIGHT_STOP = '\uE001';

/** ts_headline options: two fragments of about 15–35 words around the matches. */
export const HEADLINE_OPTIONS = [
  `StartSel=${HIGHLIGHT_START}`,
  `StopSel=${HIGHLIGHT_STOP}`,
  'MaxWords=35',
  'MinWords=15',
  'ShortWord=2',
  'MaxFragments=2',
  'FragmentDelimiter=" … "',
].join(', ');

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

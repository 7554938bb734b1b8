/**
 * Editorial marks in published translations, as stored in segment text:
 *   [...]     an elision: words the publisher left out
 *   [Israel]  an editorial insertion: words the translator or editor added
 * The reader renders these as marks, never as raw brackets, so they are
 * tokenized here (pure, framework-free) and turned into elements in
 * app/_components/segment-text.tsx.
 */

export type TextToken =
  { kind: 'text'; text: string } | { kind: 'elision'; raw: string } | { kind: 'insertion'; text: string; raw: string };

/** Spellings of an elision: three dots, the ellipsis character, spaced dots. */
const ELISION = /^(?:\.{3}|…|\. \. \.)$/;

// A bracketed run on one line, with no brackets inside it.
const BRACKETED = /\[([^[\]\n]+)\]/g;

/**
 * Splits one passage of text into plain text, elisions and insertions.
 * Joining every token's text (or raw, for marks) gives back the input.
 * Brackets that do not enclose anything (`[]`, `[ ]`, an unmatched `[`) stay
 * plain text: they are not marks, and hiding them would lose characters.
 */
export function tokenizeEditorialText(text: string): TextToken[] {
  const tokens: TextToken[] = [];
  let plain = '';
  let last = 0;
  for (const match of text.matchAll(BRACKETED)) {
    const raw = match[0];
    const inner = match[1]!;
    const start = match.index;
    if (inner.trim() === '') continue;
    plain += text.slice(last, start);
    if (plain) tokens.push({ kind: 'text', text: plain });
    plain = '';
    tokens.push(ELISION.test(inner.trim()) ? { kind: 'elision', raw } : { kind: 'insertion', text: inner, raw });
    last = start + raw.length;
  }
  plain += text.slice(last);
  if (plain) tokens.push({ kind: 'text', text: plain });
  return tokens;
}

/** Paragraphs of a segment's text (stored joined by a blank line), empty ones dropped. */
export function splitParagraphs(text: string): string[] {
  return text
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** A segment's text as paragraphs of tokens: what the reader renders. */
export function editorialParagraphs(text: string): TextToken[][] {
  return splitParagraphs(text).map(tokenizeEditorialText);
}

/** The plain reading of tokens (for search snippets, titles, quotations). */
export function tokensToRaw(tokens: readonly TextToken[]): string {
  return tokens.map((t) => (t.kind === 'text' ? t.text : t.raw)).join('');
}

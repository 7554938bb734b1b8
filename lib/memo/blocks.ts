/**
 * The Markdown layer of the memo importer: blank-line separated blocks with
 * their input line numbers, and the Markdown structures the memo format does
 * not have (headings after the title, lists, quotes, code, tables, HTML),
 * which are refused with their line rather than silently merged into text.
 */
import { ImportError } from '@/lib/memo/errors';

/** One run of non-blank lines; `lines[i]` sits on input line `start + i`. */
export interface Block {
  start: number;
  lines: string[];
}

export const ANY_HEADING = /^(#{1,6})(?:[ \t]|$)/;
const FENCE = /^(?:`{3,}|~{3,})/;
const BLOCKQUOTE = /^>/;
const BULLET_ITEM = /^[-*+](?:[ \t]|$)/;
const ORDERED_ITEM = /^(\d{1,9})[.)](?:[ \t]|$)/;
const THEMATIC_BREAK = /^([-*_])[ \t]*(?:\1[ \t]*){2,}$/;
const SETEXT_UNDERLINE = /^(?:=+|-+)[ \t]*$/;
const HTML_BLOCK = /^<[A-Za-z/!?]/;
const TABLE_ROW = /^\|/;

export const EXCERPT_MARK = /^\[excerpt\]$/i;
export const SOURCE_START = /^\[source:/i;

export function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  text.split('\n').forEach((raw, i) => {
    const line = raw.trimEnd();
    if (line.trim() === '') {
      current = null;
      return;
    }
    if (current === null) {
      current = { start: i + 1, lines: [] };
      blocks.push(current);
    }
    current.lines.push(line);
  });
  return blocks;
}

/**
 * A block's first line with up to 3 spaces of indentation removed (as in Markdown).
 * Deeper indentation is an indented code block, which the format does not have.
 */
export function blockHead(block: Block): string {
  const first = block.lines[0] ?? '';
  const indent = /^[ \t]*/.exec(first)?.[0] ?? '';
  if (indent.includes('\t') || indent.length >= 4) {
    throw new ImportError(
      'unknown-structure',
      block.start,
      `${quote(first.trim())} is indented like a Markdown code block; memo paragraphs start at the margin`,
    );
  }
  return first.slice(indent.length);
}

/** Why a line is a Markdown block the memo format does not have, or null. */
export function foreignStructure(line: string, continuation: boolean): string | null {
  const heading = ANY_HEADING.exec(line);
  if (heading) {
    const level = heading[1]!.length;
    return level === 2
      ? 'is a second "##" heading; a memo has exactly one title'
      : `is a level-${level} heading; the only heading allowed is the "## " title on the first line`;
  }
  if (FENCE.test(line)) return 'opens a code block, which the memo format does not have';
  if (BLOCKQUOTE.test(line)) return 'is a block quote, which the memo format does not have';
  if (THEMATIC_BREAK.test(line)) return 'is a horizontal rule, which the memo format does not have';
  if (BULLET_ITEM.test(line)) return 'is a list item, which the memo format does not have';
  const ordered = ORDERED_ITEM.exec(line);
  // Inside a paragraph only "1." starts a list (CommonMark), so a wrapped "1991. ..." is prose.
  if (ordered && (!continuation || ordered[1] === '1')) {
    return 'is a numbered list item, which the memo format does not have';
  }
  if (HTML_BLOCK.test(line)) return 'is an HTML block, which the memo format does not have';
  if (TABLE_ROW.test(line)) return 'is a table row, which the memo format does not have';
  return null;
}

/**
 * Joins a paragraph block's lines (Markdown soft wraps become one space) after
 * refusing lines that would start a new block in Markdown or in the memo format.
 * (Speaker labels on a line of their own were split off before: see parse.ts.)
 */
export function paragraphText(block: Block, head: string): string {
  const parts = [head];
  block.lines.slice(1).forEach((raw, i) => {
    const line = raw.trim();
    const lineNo = block.start + i + 1;
    if (SETEXT_UNDERLINE.test(line)) {
      throw new ImportError(
        'unknown-structure',
        lineNo,
        `${quote(line)} underlines the line above into a heading, which the memo format does not have here`,
      );
    }
    const foreign = foreignStructure(line, true);
    if (foreign) throw new ImportError('unknown-structure', lineNo, `${quote(line)} ${foreign}`);
    if (EXCERPT_MARK.test(line) || SOURCE_START.test(line)) {
      throw new ImportError('missing-blank-line', lineNo, `${quote(line)} must be a paragraph of its own; put a blank line before it`);
    }
    parts.push(line);
  });
  return parts.join(' ');
}

/** Square brackets must pair up within one paragraph; reports the offending line. */
export function assertBalanced(block: Block): void {
  const open: number[] = []; // line of each unclosed "["
  block.lines.forEach((line, i) => {
    const lineNo = block.start + i;
    for (const ch of line) {
      if (ch === '[') open.push(lineNo);
      else if (ch === ']') {
        if (open.pop() === undefined) {
          throw new ImportError('unbalanced-brackets', lineNo, `"]" has no matching "[" in this paragraph (${quote(line.trim())})`);
        }
      }
    }
  });
  const unclosed = open.at(-1);
  if (unclosed !== undefined) {
    const line = block.lines[unclosed - block.start] ?? '';
    throw new ImportError('unbalanced-brackets', unclosed, `"[" is not closed by "]" in the same paragraph (${quote(line.trim())})`);
  }
}

/** True when the text is one bracket pair around everything, e.g. "[Source: a [b] c]". */
export function isSingleBracketed(text: string): boolean {
  if (!text.startsWith('[') || !text.endsWith(']')) return false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '[') depth++;
    else if (text[i] === ']') {
      depth--;
      if (depth === 0 && i !== text.length - 1) return false;
    }
  }
  return depth === 0;
}

/** Quotes input text for a message, shortened so one long paragraph does not swamp it. */
export function quote(text: string): string {
  const short = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return `"${short}"`;
}

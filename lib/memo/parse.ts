/**
 * The memo importer: Markdown memo text (see docs/formats.md) -> MemoDocument.
 * Strict on purpose: anything the format does not define is an ImportError with
 * a line number, never silently dropped or merged, because a lost paragraph
 * would shift every alignment built on the turn/paragraph numbering.
 */
import { decodeMemoInput, normalizeNewlines } from '@/lib/memo/decode';
import { ImportError } from '@/lib/memo/errors';
import { parseDate, parseParticipants, parseSourceNote } from '@/lib/memo/metadata';
import type { LabelStyle, MemoDocument, MemoTurn, SourceNote } from '@/lib/memo/model';

/** One run of non-blank lines; `lines[i]` sits on input line `start + i`. */
interface Block {
  start: number;
  lines: string[];
}


const TITLE = /^##[ \t]+(.*)$/;
const ANY_HEADING = /^(#{1,6})(?:[ \t]|$)/;
const FENCE = /^(?:`{3,}|~{3,})/;
const BLOCKQUOTE = /^>/;
const BULLET_ITEM = /^[-*+](?:[ \t]|$)/;
const ORDERED_ITEM = /^(\d{1,9})[.)](?:[ \t]|$)/;
const THEMATIC_BREAK = /^([-*_])[ \t]*(?:\1[ \t]*){2,}$/;
const SETEXT_UNDERLINE = /^(?:=+|-+)[ \t]*$/;
const HTML_BLOCK = /^<[A-Za-z/!?]/;
const TABLE_ROW = /^\|/;

const EXCERPT_MARK = /^\[excerpt\]$/i;
const SOURCE_START = /^\[source:/i;

// `**Gorbachev**: text`, and the common variant `**Gorbachev:** text` (written back canonically).
const BOLD_LABEL = /^\*\*([^*:]+?)\*\*:[ \t]*(.*)$/;
const BOLD_LABEL_COLON_INSIDE = /^\*\*([^*:]+?):\*\*[ \t]*(.*)$/;
// A plain label is deliberately narrow: 1-3 words, the first capitalized, no digits,
// then ": " (or end of line). Ordinary prose with a colon later on does not match.
const NAME_WORD = String.raw`\p{Lu}[\p{L}\p{M}.'’-]*`;
const NAME_PARTICLE = String.raw`(?:de|du|des|da|di|la|le|van|von|der|den|al|bin|ibn)`;
const PLAIN_LABEL = new RegExp(
  String.raw`^(${NAME_WORD}(?: (?:${NAME_WORD}|${NAME_PARTICLE})){0,2}):(?:[ \t]+(.*))?$`,
  'u',
);
const MAX_PLAIN_LABEL_CHARS = 40;


export function parseMemo(input: string | Uint8Array): MemoDocument {
  const text = normalizeNewlines(decodeMemoInput(input));
  if (text.trim() === '') {
    throw new ImportError('empty', null, 'the file is empty');
  }
  return parseBlocks(splitBlocks(text));
}

// ---------------------------------------------------------------- blocks

function splitBlocks(text: string): Block[] {
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
function blockHead(block: Block): string {
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
function foreignStructure(line: string, continuation: boolean): string | null {
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
 */
function paragraphText(block: Block, head: string): string {
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
    if (matchLabel(line)) {
      throw new ImportError(
        'missing-blank-line',
        lineNo,
        `${quote(line)} looks like a speaker label inside a paragraph; put a blank line before it (or join it to the previous line if it is prose)`,
      );
    }
    if (EXCERPT_MARK.test(line) || SOURCE_START.test(line)) {
      throw new ImportError(
        'missing-blank-line',
        lineNo,
        `${quote(line)} must be a paragraph of its own; put a blank line before it`,
      );
    }
    parts.push(line);
  });
  return parts.join(' ');
}

/** Square brackets must pair up within one paragraph; reports the offending line. */
function assertBalanced(block: Block): void {
  const open: number[] = []; // line of each unclosed "["
  block.lines.forEach((line, i) => {
    const lineNo = block.start + i;
    for (const ch of line) {
      if (ch === '[') open.push(lineNo);
      else if (ch === ']') {
        if (open.pop() === undefined) {
          throw new ImportError(
            'unbalanced-brackets',
            lineNo,
            `"]" has no matching "[" in this paragraph (${quote(line.trim())})`,
          );
        }
      }
    }
  });
  const unclosed = open.at(-1);
  if (unclosed !== undefined) {
    const line = block.lines[unclosed - block.start] ?? '';
    throw new ImportError(
      'unbalanced-brackets',
      unclosed,
      `"[" is not closed by "]" in the same paragraph (${quote(line.trim())})`,
    );
  }
}

/** True when the text is one bracket pair around everything, e.g. "[Source: a [b] c]". */
function isSingleBracketed(text: string): boolean {
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

// ---------------------------------------------------------------- document

function parseBlocks(blocks: Block[]): MemoDocument {
  const [titleBlock, ...rest] = blocks;
  if (!titleBlock) throw new ImportError('empty', null, 'the file is empty');
  const title = parseTitle(titleBlock);

  let isExcerpt = false;
  const turns: MemoTurn[] = [];
  let sourceNote: SourceNote | null = null;
  let sourceLine = 0;

  for (const block of rest) {
    const head = blockHead(block);
    const foreign = foreignStructure(head, false);
    if (foreign) throw new ImportError('unknown-structure', block.start, `${quote(head)} ${foreign}`);

    if (sourceNote !== null) {
      throw new ImportError(
        'unknown-structure',
        block.start,
        `${quote(head)} comes after the source note (line ${sourceLine}); the [Source: ...] note must be the last paragraph`,
      );
    }

    assertBalanced(block);
    const text = paragraphText(block, head);

    if (EXCERPT_MARK.test(text)) {
      if (isExcerpt || turns.length > 0) {
        throw new ImportError(
          'unknown-structure',
          block.start,
          '"[excerpt]" may appear only once, between the title and the first turn',
        );
      }
      isExcerpt = true;
      continue;
    }

    if (SOURCE_START.test(text)) {
      if (!isSingleBracketed(text)) {
        throw new ImportError(
          'unknown-structure',
          block.start,
          `${quote(text)} has text outside the source note; write the note as a paragraph of its own: [Source: ...]`,
        );
      }
      sourceNote = parseSourceNote(text.slice(1, -1));
      sourceLine = block.start;
      continue;
    }

    const label = matchLabel(text);
    if (label) {
      if (label.rest === '') {
        throw new ImportError(
          'empty-label',
          block.start,
          `${quote(text)} is a speaker label with no text`,
        );
      }
      turns.push({
        turnNo: turns.length + 1,
        speaker: label.speaker,
        labelStyle: label.style,
        paragraphs: [label.rest],
        line: block.start,
      });
      continue;
    }

    const turn = turns.at(-1);
    if (!turn) {
      throw new ImportError(
        'text-before-speaker',
        block.start,
        `${quote(text)} comes before the first speaker label; every paragraph must belong to a turn starting with "**Name**: "`,
      );
    }
    turn.paragraphs.push(text);
  }

  if (turns.length === 0) {
    throw new ImportError('no-turns', null, 'the memo has a title but no turns ("**Name**: text")');
  }

  return {
    title,
    date: parseDate(title),
    participants: parseParticipants(title),
    isExcerpt,
    turns,
    sourceNote,
  };
}

function parseTitle(block: Block): string {
  const head = blockHead(block);
  const match = TITLE.exec(head);
  if (!match) {
    const heading = ANY_HEADING.exec(head);
    const found = heading
      ? `a level-${heading[1]!.length} heading`
      : quote(head);
    throw new ImportError(
      'no-title',
      block.start,
      `the memo must start with a "## " title heading, found ${found}`,
    );
  }
  const title = (match[1] ?? '').trim();
  if (title === '') throw new ImportError('no-title', block.start, 'the "##" title heading is empty');
  if (block.lines.length > 1) {
    throw new ImportError(
      'missing-blank-line',
      block.start + 1,
      'the title must be followed by a blank line',
    );
  }
  assertBalanced(block);
  return title;
}

function matchLabel(text: string): { speaker: string; style: LabelStyle; rest: string } | null {
  const bold = BOLD_LABEL.exec(text) ?? BOLD_LABEL_COLON_INSIDE.exec(text);
  if (bold) {
    const speaker = (bold[1] ?? '').trim();
    if (speaker !== '') return { speaker, style: 'bold', rest: (bold[2] ?? '').trim() };
  }
  const plain = PLAIN_LABEL.exec(text);
  if (plain && plain[1]!.length <= MAX_PLAIN_LABEL_CHARS) {
    return { speaker: plain[1]!, style: 'plain', rest: (plain[2] ?? '').trim() };
  }
  return null;
}

/** Quotes input text for a message, shortened so one long paragraph does not swamp it. */
function quote(text: string): string {
  const short = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return `"${short}"`;
}

/**
 * The memo importer: Markdown memo text (see docs/formats.md) -> MemoDocument.
 * Strict on purpose: anything the format does not define is an ImportError with
 * a line number, never silently dropped or merged, because a lost paragraph
 * would shift every alignment built on the turn/paragraph numbering.
 */
import { ImportError, MAX_MEMO_BYTES } from '@/lib/memo/errors';
import type { LabelStyle, MemoDocument, MemoTurn, SourceNote } from '@/lib/memo/model';

/** One run of non-blank lines; `lines[i]` sits on input line `start + i`. */
interface Block {
  start: number;
  lines: string[];
}

// C0 controls except tab/LF/CR, DEL, and C1 controls (usually mis-decoded cp1252).
const CONTROL_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

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

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];
const MONTH_NAME = String.raw`(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?`;
const DATE_MDY = new RegExp(String.raw`\b${MONTH_NAME}\s+(\d{1,2}),?\s+(\d{4})\b`, 'i');
const DATE_DMY = new RegExp(String.raw`\b(\d{1,2})\s+${MONTH_NAME}\s+(\d{4})\b`, 'i');

export function parseMemo(input: string | Uint8Array): MemoDocument {
  const text = normalizeNewlines(decode(input));
  if (text.trim() === '') {
    throw new ImportError('empty', null, 'the file is empty');
  }
  return parseBlocks(splitBlocks(text));
}

// ---------------------------------------------------------------- input checks

function decode(input: string | Uint8Array): string {
  let text: string;
  if (typeof input === 'string') {
    // Size first, so a huge upload is refused before any further work.
    assertSize(utf8Length(input));
    text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  } else {
    assertSize(input.byteLength);
    try {
      // fatal: invalid UTF-8 must be refused, not turned into U+FFFD. The BOM is dropped.
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      const at = firstInvalidUtf8(input);
      const line = at < 0 ? null : countNewlines(input, at) + 1;
      throw new ImportError('not-text', line, 'the file is not valid UTF-8 text');
    }
  }
  const control = CONTROL_CHAR.exec(text);
  if (control) {
    const line = lineAt(text, control.index);
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    throw new ImportError(
      'not-text',
      line,
      `contains the control character U+${code}, so this is not a plain text file`,
    );
  }
  return text;
}

function assertSize(bytes: number): void {
  if (bytes > MAX_MEMO_BYTES) {
    const mib = (bytes / 1024 / 1024).toFixed(1);
    throw new ImportError(
      'too-large',
      null,
      `the file is ${mib} MiB (${bytes} bytes); the limit is 2 MiB (${MAX_MEMO_BYTES} bytes)`,
    );
  }
}

/** UTF-8 byte length without allocating an encoded copy. */
function utf8Length(s: string): number {
  if (s.length > MAX_MEMO_BYTES) return s.length; // each UTF-16 unit is >= 1 byte: already too large
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** Offset of the first byte that breaks UTF-8, or -1. Only used to locate the error line. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0; // overlong
      if (b === 0xed) hi = 0x9f; // surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90; // overlong
      if (b === 0xf4) hi = 0x8f; // above U+10FFFF
    } else return i;
    const second = bytes[i + 1];
    if (second === undefined || second < lo || second > hi) return i;
    for (let k = 2; k <= need; k++) {
      const cont = bytes[i + k];
      if (cont === undefined || cont < 0x80 || cont > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

function countNewlines(bytes: Uint8Array, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) n++;
  return n;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

// CRLF (Windows) and lone CR (old Mac) both become LF; line numbers are unchanged.
function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
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

// ---------------------------------------------------------------- title metadata

interface DateMatch {
  iso: string;
  index: number;
}

function findDate(title: string): DateMatch | null {
  const mdy = DATE_MDY.exec(title);
  const dmy = DATE_DMY.exec(title);
  const candidates: { index: number; month: string; day: string; year: string }[] = [];
  if (mdy) candidates.push({ index: mdy.index, month: mdy[1]!, day: mdy[2]!, year: mdy[3]! });
  if (dmy) candidates.push({ index: dmy.index, month: dmy[2]!, day: dmy[1]!, year: dmy[3]! });
  candidates.sort((a, b) => a.index - b.index);
  for (const c of candidates) {
    const prefix = c.month.toLowerCase().slice(0, 3);
    const month = MONTHS.findIndex((m) => m.startsWith(prefix)) + 1;
    const year = Number(c.year);
    const day = Number(c.day);
    // Reject impossible dates (e.g. February 30) rather than inventing one.
    const probe = new Date(Date.UTC(year, month - 1, day));
    if (month < 1 || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) continue;
    const iso = `${c.year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    return { iso, index: c.index };
  }
  return null;
}

function parseDate(title: string): string | null {
  return findDate(title)?.iso ?? null;
}

/** "… between A, B and C on January 18, 1991" -> ["A", "B", "C"]. */
function parseParticipants(title: string): string[] {
  const date = findDate(title);
  const head = date ? title.slice(0, date.index) : title;
  const match = /\bbetween\s+(.+?)\s+and\s+(.+)$/i.exec(head.trim());
  if (!match) return [];
  const last = match[2]!
    .replace(/[\s,;:.]+$/, '')
    .replace(/\s+(?:on|of|dated)$/i, '')
    .trim();
  const names = [...match[1]!.split(/\s*,\s*/), last].map((n) => n.trim());
  return names.every((n) => n !== '') ? names : [];
}

// ---------------------------------------------------------------- source note

/**
 * `raw` is the text inside the brackets, "Source: " included, so serializing
 * `[${raw}]` reproduces the note exactly. The fields are best-effort readings
 * of the usual "ARCHIVE. Translated by NAME for [the] PUBLISHER." shape.
 */
function parseSourceNote(raw: string): SourceNote {
  const body = raw.replace(/^source:\s*/i, '').trim();
  const translated = /^(.*?)[.;,]?\s*Translated\s+by\s+(.+?)(?:\s+for\s+(?:the\s+)?(.+?))?\.?$/is.exec(
    body,
  );
  const archive = translated ? translated[1]! : body.replace(/\.$/, '');
  return {
    raw,
    archiveRef: orNull(archive),
    translator: orNull(translated?.[2]),
    publisher: orNull(translated?.[3]),
  };
}

function orNull(value: string | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** Quotes input text for a message, shortened so one long paragraph does not swamp it. */
function quote(text: string): string {
  const short = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return `"${short}"`;
}

/**
 * The memo importer: memo text in any of the conventions of docs/formats.md
 * -> MemoDocument. Structure it is sure of becomes turns, front matter,
 * milestones and the source note; structure it is unsure of is decided one
 * way and reported as a warning with its line; structure it cannot read at
 * all (a list, a stray bracket, a label with no text) is an ImportError with
 * its line, because a silently lost or merged paragraph would shift every
 * alignment built on the turn numbering.
 */
import {
  ANY_HEADING,
  assertBalanced,
  blockHead,
  EXCERPT_MARK,
  foreignStructure,
  isSingleBracketed,
  paragraphText,
  quote,
  SOURCE_START,
  splitBlocks,
  type Block,
} from '@/lib/memo/blocks';
import { decodeMemoInput, normalizeNewlines } from '@/lib/memo/decode';
import { ImportError, MAX_TURN_CHARS, MAX_TURNS } from '@/lib/memo/errors';
import { emptyFrontMatter, isFieldLine, principals, readFrontMatterBlock, type FrontMatter, type Line } from '@/lib/memo/front-matter';
import { parseDate, parseSourceNote, parseTitleNames } from '@/lib/memo/metadata';
import type { MemoDocument, MemoMilestone, MemoTurn, MemoWarning, SourceNote } from '@/lib/memo/model';
import { isOnRoster, lastName, matchLabel, sameSurname, titleCaseWord, type LabelMatch, type Roster } from '@/lib/memo/speakers';

const HEADING_TITLE = /^#{1,2}[ \t]+(.*)$/;
const GENERIC_TITLE = /^(?:memorandum of (?:telephone )?conversation|memcon|запись беседы)[.:]?$/i;
const PAGE_MARK = /^\[(?:page|p\.|стр\.|с\.)\s*([\p{L}\d.–-]+)\]$/iu;

export function parseMemo(input: string | Uint8Array): MemoDocument {
  const text = normalizeNewlines(decodeMemoInput(input));
  if (text.trim() === '') {
    throw new ImportError('empty', null, 'the file is empty');
  }
  return new MemoParser(splitBlocks(text)).run();
}

class MemoParser {
  private readonly blocks: Block[];
  private title = '';
  private readonly fm: FrontMatter = emptyFrontMatter();
  private readonly turns: MemoTurn[] = [];
  private readonly turnChars: number[] = [];
  private readonly milestones: MemoMilestone[] = [];
  private pendingPages: { label: string; line: number }[] = [];
  private readonly warnings: MemoWarning[] = [];
  private isExcerpt = false;
  private sourceNote: SourceNote | null = null;
  private sourceLine = 0;
  private titleParticipants: string[] = [];

  constructor(blocks: Block[]) {
    this.blocks = blocks;
  }

  run(): MemoDocument {
    const [titleBlock, ...rest] = this.blocks;
    if (!titleBlock) throw new ImportError('empty', null, 'the file is empty');
    this.readTitle(titleBlock);
    for (const block of rest) for (const part of this.splitAtLabels(block)) this.readBlock(part);
    if (this.turns.length === 0) {
      throw new ImportError('no-turns', null, 'the memo has a title but no turns ("**Name**: text" or "Name: text")');
    }
    const last = this.turns.at(-1)!;
    for (const page of this.pendingPages) this.milestones.push({ turnNo: last.turnNo, paragraph: last.paragraphs.length, ...page });
    if (GENERIC_TITLE.test(this.title) && this.fm.subject) this.title = `${this.title.replace(/[.:]$/, '')}: ${this.fm.subject}`;
    const names = parseTitleNames(this.title);
    const participants = this.normalizeParticipants(names.participants.length ? names.participants : principals(this.fm.listed));
    if (!this.hasRoster()) {
      this.warnings.push({
        line: null,
        message:
          'no participants are named in the title ("between A and B") or a PARTICIPANTS list, so every label was taken as a speaker',
      });
    }
    return {
      title: this.title,
      date: parseDate(this.title) ?? this.fm.date,
      place: names.place ?? this.fm.place,
      participants,
      isExcerpt: this.isExcerpt,
      frontMatter: this.fm.entries,
      turns: this.turns,
      milestones: this.milestones,
      sourceNote: this.sourceNote,
      warnings: [...this.warnings, ...this.fm.warnings].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
    };
  }

  // ------------------------------------------------------------ title

  private readTitle(block: Block): void {
    const head = blockHead(block);
    const rest: Line[] = block.lines.slice(1).map((text, i) => ({ text, line: block.start + i + 1 }));
    const heading = HEADING_TITLE.exec(head);
    if (heading) {
      this.title = (heading[1] ?? '').trim();
      if (this.title === '') throw new ImportError('no-title', block.start, 'the "##" title heading is empty');
    } else if (ANY_HEADING.test(head)) {
      throw new ImportError(
        'no-title',
        block.start,
        `the memo must start with a "## " title heading or a title line, found a level-${ANY_HEADING.exec(head)![1]!.length} heading`,
      );
    } else if (isFieldLine(head)) {
      readFrontMatterBlock([{ text: head, line: block.start }, ...rest], this.fm, false);
      if (!this.fm.subject) {
        throw new ImportError(
          'no-title',
          block.start,
          'the memo must start with a "## " title heading, a title line or a SUBJECT: line',
        );
      }
      this.title = this.fm.subject;
      return;
    } else {
      const label = matchLabel(head);
      if (label && (label.shape === 'bold' || label.shape === 'colon')) {
        throw new ImportError(
          'no-title',
          block.start,
          `the memo must start with a "## " title heading or a title line, found the speaker label ${quote(head)}`,
        );
      }
      this.title = head.trim();
    }
    assertBalanced({ start: block.start, lines: [block.lines[0]!] });
    this.titleParticipants = parseTitleNames(this.title).participants;
    if (rest.length) readFrontMatterBlock(rest, this.fm, true);
  }

  // ------------------------------------------------------------ blocks

  /** A speaker label at the start of a line inside a block starts a new turn (reported: Markdown would join it). */
  private splitAtLabels(block: Block): Block[] {
    if (this.turns.length === 0 && isFieldLine(block.lines[0] ?? '')) return [block];
    const parts: Block[] = [];
    let current: Block = { start: block.start, lines: [] };
    block.lines.forEach((line, i) => {
      const label = i > 0 ? matchLabel(line.trim()) : null;
      if (label && label.rest !== '' && this.acceptLabel(label, null)) {
        this.warnings.push({
          line: block.start + i,
          message: `${quote(line.trim())} starts a new turn without a blank line before it; read as a new turn`,
        });
        parts.push(current);
        current = { start: block.start + i, lines: [] };
      }
      current.lines.push(line);
    });
    parts.push(current);
    return parts;
  }

  private readBlock(block: Block): void {
    const head = blockHead(block);
    if (this.turns.length === 0 && isFieldLine(head)) {
      readFrontMatterBlock(this.linesOf(block), this.fm, false);
      return;
    }
    const foreign = foreignStructure(head, false);
    if (foreign) throw new ImportError('unknown-structure', block.start, `${quote(head)} ${foreign}`);
    if (this.sourceNote !== null) {
      throw new ImportError(
        'unknown-structure',
        block.start,
        `${quote(head)} comes after the source note (line ${this.sourceLine}); the [Source: ...] note must be the last paragraph`,
      );
    }
    assertBalanced(block);
    const text = paragraphText(block, head);

    if (EXCERPT_MARK.test(text)) {
      if (this.isExcerpt || this.turns.length > 0) {
        throw new ImportError(
          'unknown-structure',
          block.start,
          '"[excerpt]" may appear only once, between the title and the first turn',
        );
      }
      this.isExcerpt = true;
      return;
    }
    const page = PAGE_MARK.exec(text);
    if (page) {
      this.pendingPages.push({ label: page[1]!, line: block.start });
      return;
    }
    if (SOURCE_START.test(text)) {
      if (!isSingleBracketed(text)) {
        throw new ImportError(
          'unknown-structure',
          block.start,
          `${quote(text)} has text outside the source note; write the note as a paragraph of its own: [Source: ...]`,
        );
      }
      this.sourceNote = parseSourceNote(text.slice(1, -1));
      this.sourceLine = block.start;
      return;
    }

    const label = matchLabel(text);
    if (label && this.acceptLabel(label, block.start)) {
      if (label.rest === '') throw new ImportError('empty-label', block.start, `${quote(text)} is a speaker label with no text`);
      this.startTurn(label, block.start);
      return;
    }

    const turn = this.turns.at(-1);
    if (!turn) {
      readFrontMatterBlock(this.linesOf(block), this.fm, false);
      return;
    }
    this.flushPages(turn.turnNo, turn.paragraphs.length);
    turn.paragraphs.push(text);
    this.addChars(turn, text.length + 2);
  }

  private linesOf(block: Block): Line[] {
    return block.lines.map((text, i) => ({ text, line: block.start + i }));
  }

  private startTurn(label: LabelMatch, line: number): void {
    if (this.turns.length >= MAX_TURNS) {
      throw new ImportError(
        'too-many-turns',
        line,
        `this is turn ${(this.turns.length + 1).toLocaleString('en')}; a memo may have at most ${MAX_TURNS.toLocaleString('en')} turns (split the file into several documents)`,
      );
    }
    const turn: MemoTurn = {
      turnNo: this.turns.length + 1,
      speaker: label.speaker,
      labelStyle: label.style,
      paragraphs: [label.rest],
      line,
    };
    this.turns.push(turn);
    this.turnChars.push(0);
    this.flushPages(turn.turnNo, 0);
    this.addChars(turn, label.rest.length);
  }

  private addChars(turn: MemoTurn, n: number): void {
    const total = (this.turnChars[turn.turnNo - 1] ?? 0) + n;
    this.turnChars[turn.turnNo - 1] = total;
    if (total > MAX_TURN_CHARS) {
      throw new ImportError(
        'turn-too-long',
        turn.line,
        `turn ${turn.turnNo} (${turn.speaker}) is over ${MAX_TURN_CHARS.toLocaleString('en')} characters, the most one turn may hold; a missing speaker label or blank line may have run several turns together`,
      );
    }
  }

  private flushPages(turnNo: number, paragraph: number): void {
    for (const page of this.pendingPages) this.milestones.push({ turnNo, paragraph, ...page });
    this.pendingPages = [];
  }

  // ------------------------------------------------------------ speakers

  private roster(): Roster {
    return {
      names: [
        ...this.titleParticipants,
        ...this.fm.listed.map((p) => p.name),
        ...this.fm.listed.flatMap((p) => (p.role ? [p.role] : [])),
      ],
    };
  }

  private hasRoster(): boolean {
    return this.titleParticipants.length > 0 || this.fm.listed.length > 0;
  }

  /** Whether a label starts a turn; `line` null: only asking (no warning recorded). */
  private acceptLabel(label: LabelMatch, line: number | null): boolean {
    const known = this.hasRoster();
    const onRoster = known && isOnRoster(label.speaker, this.roster());
    const warn = (message: string) => {
      if (line !== null) this.warnings.push({ line, message });
    };
    if (label.shape === 'bold') {
      if (known && !onRoster) {
        warn(
          `"${label.speaker}" is not a participant (${this.roster().names.join(', ')}); kept as a speaker because the label is bold`,
        );
      }
      return true;
    }
    if (label.shape === 'period') return onRoster;
    if (!known || onRoster) return true;
    // Before the first turn a "Name: value" line is front matter, reported there.
    if (this.turns.length > 0) warn(`"${label.speaker}" is not a participant; treated as text`);
    return false;
  }

  /**
   * A Russian title names people in the genitive or instrumental ("беседы
   * М.С. Горбачева с Ф. Миттераном"); the labels give the nominative.
   */
  private normalizeParticipants(names: string[]): string[] {
    return names.map((name) => {
      const surname = lastName(name);
      const turn = this.turns.find((t) => {
        const s = lastName(t.speaker);
        return s !== surname && sameSurname(s, surname);
      });
      if (!turn) return name;
      const words = name.split(/\s+/);
      const labelWord = turn.speaker
        .split(/\s+/)
        .at(-1)!
        .replace(/[^\p{L}\p{M}'’-]/gu, '');
      const fixed = [...words.slice(0, -1), titleCaseWord(labelWord)].join(' ');
      this.warnings.push({
        line: turn.line,
        message: `participant "${name}" read as "${fixed}", the form of the label on this line`,
      });
      return fixed;
    });
  }
}

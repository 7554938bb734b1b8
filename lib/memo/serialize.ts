/**
 * MemoDocument -> canonical memo Markdown (see docs/formats.md): title,
 * [excerpt], front matter, turns with their page markers, source note,
 * blocks separated by one blank line, LF line endings, one final newline.
 * parseMemo(serializeMemo(d)) gives d back (up to warnings and line numbers),
 * and a canonical file round-trips byte for byte.
 */
import type { MemoDocument, MemoTurn } from '@/lib/memo/model';

export function serializeMemo(doc: MemoDocument): string {
  const blocks: string[] = [`## ${doc.title}`];
  if (doc.isExcerpt) blocks.push('[excerpt]');
  // Field blocks (PARTICIPANTS: with one entry a line) keep their lines; they are read line by line.
  for (const entry of doc.frontMatter) blocks.push(entry);
  for (const turn of doc.turns) {
    const [first = '', ...rest] = turn.paragraphs;
    const paragraphs = [`${label(turn)} ${first}`, ...rest];
    paragraphs.forEach((p, i) => {
      blocks.push(...pagesAt(doc, turn.turnNo, i), p);
    });
    blocks.push(...pagesAt(doc, turn.turnNo, paragraphs.length));
  }
  // raw keeps "Source: ", so the brackets are all that is added back.
  if (doc.sourceNote) blocks.push(`[${doc.sourceNote.raw}]`);
  blocks.forEach((block, i) => assertOneLine(block, i > 0 && i <= (doc.isExcerpt ? 1 : 0) + doc.frontMatter.length));
  return `${blocks.join('\n\n')}\n`;
}

function label(turn: MemoTurn): string {
  return turn.labelStyle === 'bold' ? `**${turn.speaker}**:` : `${turn.speaker}:`;
}

function pagesAt(doc: MemoDocument, turnNo: number, paragraph: number): string[] {
  return doc.milestones.filter((m) => m.turnNo === turnNo && m.paragraph === paragraph).map((m) => `[Page ${m.label}]`);
}

// A line break inside a block would be re-read as a different structure
// (or merged turns), so refuse to write a file that would not parse back the same.
function assertOneLine(block: string, frontMatter: boolean): void {
  if (/\r/.test(block) || (!frontMatter && /\n/.test(block))) {
    throw new Error(`serializeMemo: a memo block cannot contain a line break: ${JSON.stringify(block.slice(0, 60))}`);
  }
}

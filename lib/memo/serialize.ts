/**
 * MemoDocument -> canonical memo Markdown (see docs/formats.md). For any input
 * parseMemo accepts, serializeMemo(parseMemo(x)) is x in canonical layout:
 * blocks separated by one blank line, soft-wrapped paragraphs joined, LF line
 * endings, one final newline. A canonical file round-trips byte for byte.
 */
import type { MemoDocument, MemoTurn } from '@/lib/memo/model';

export function serializeMemo(doc: MemoDocument): string {
  const blocks: string[] = [`## ${doc.title}`];
  if (doc.isExcerpt) blocks.push('[excerpt]');
  for (const turn of doc.turns) blocks.push(...turnBlocks(turn));
  // raw keeps "Source: ", so the brackets are all that is added back.
  if (doc.sourceNote) blocks.push(`[${doc.sourceNote.raw}]`);
  for (const block of blocks) assertOneLine(block);
  return `${blocks.join('\n\n')}\n`;
}

function turnBlocks(turn: MemoTurn): string[] {
  const [first = '', ...rest] = turn.paragraphs;
  const label = turn.labelStyle === 'bold' ? `**${turn.speaker}**:` : `${turn.speaker}:`;
  return [`${label} ${first}`, ...rest];
}

// A line break inside a block would be re-read as a different structure
// (or merged turns), so refuse to write a file that would not parse back the same.
function assertOneLine(block: string): void {
  if (/[\r\n]/.test(block)) {
    throw new Error(`serializeMemo: a memo block cannot contain a line break: ${JSON.stringify(block.slice(0, 60))}`);
  }
}

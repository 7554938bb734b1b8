/**
 * A turn cut into sentences still reads as its paragraphs: consecutive
 * sentence segments of one turn flow into the same paragraph, and a new
 * paragraph starts only where the text has a paragraph break (stored as a
 * blank line at the end of a sentence, or inside one). Pure; rendered by
 * app/_components/segment-text.tsx.
 */
import type { Segment } from '@/lib/alignment/types';
import { tokenizeEditorialText, type TextToken } from './marks';

export interface SentencePiece {
  segment: Segment;
  /** Whether this is the segment's first piece (a sentence spanning a paragraph break has two). */
  first: boolean;
  tokens: TextToken[];
  /** Where the piece's text starts in the segment's text (UTF-16), so word offsets can be marked in it. */
  offset: number;
}

const BREAK = /\n[ \t]*\n/;

/** Paragraphs of pieces, in reading order; empty paragraphs dropped. */
export function sentenceParagraphs(segments: readonly Segment[]): SentencePiece[][] {
  const paragraphs: SentencePiece[][] = [];
  let current: SentencePiece[] = [];
  const close = () => {
    if (current.length) paragraphs.push(current);
    current = [];
  };
  for (const segment of segments) {
    let started = false;
    let at = 0;
    for (const [i, part] of segment.text.split(BREAK).entries()) {
      const partStart = i === 0 ? 0 : segment.text.indexOf(part, at);
      at = partStart + part.length;
      if (i > 0) close();
      const text = current.length ? part : part.trimStart();
      if (text.trim() === '') continue;
      current.push({ segment, first: !started, tokens: tokenizeEditorialText(text), offset: partStart + part.length - text.length });
      started = true;
    }
  }
  close();
  return paragraphs;
}

/** Consecutive segments that read as one text: same turn, same speaker, none a placeholder. */
export function turnRuns(segments: readonly Segment[]): Segment[][] {
  const runs: Segment[][] = [];
  for (const segment of segments) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (
      run &&
      last &&
      !last.isPlaceholder &&
      !segment.isPlaceholder &&
      last.turnNo === segment.turnNo &&
      last.speaker === segment.speaker
    ) {
      run.push(segment);
    } else {
      runs.push([segment]);
    }
  }
  return runs;
}

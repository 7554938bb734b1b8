/**
 * Sentences of a text, for the aligner: Intl.Segmenter's sentence rules
 * for the language (through the same proposals the editor's split uses),
 * pieces trimmed, empty ones dropped. A blank line always ends a sentence;
 * a single line break (hard-wrapped text) does not.
 */
import { proposeSentenceOffsets, splitAt } from '@/lib/alignment/sentences';

export function splitSentences(text: string, lang: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s*\n\s*/g, ' ').trim())
    .flatMap((paragraph) => splitAt(paragraph, proposeSentenceOffsets(paragraph, lang)))
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s.length > 0);
}

/**
 * The word-by-word (interlinear) reading of a passage: each word of the
 * source text with the translation words linked to it written beneath, as
 * Alpheios and the Loeb-style interlinears show it. Built from the rows'
 * segments and links alone, so it is the same at every revision the links
 * were (a pinned page shows the links as they were then).
 */
import type { AlignmentRow, AlignmentState } from '@/lib/alignment/types';
import { segmentRef } from '@/lib/alignment/types';
import { rowWords } from './ops';
import { pieces } from './tokens';
import { tokenRefId, type WordLink, type WordLinkStatus } from './types';

export interface InterlinearWord {
  text: string;
  /** Punctuation written against the word (an opening quote before it, a comma after it), so it stays with it. */
  before: string;
  after: string;
  /** The linked translation words in the translation's order; null when the word has no link. */
  gloss: string | null;
  status: WordLinkStatus | null;
}

export interface InterlinearLine {
  rowKey: string;
  /** The source segment's reference (T5, T5.2) or the row's turn, for the line's label. */
  ref: string;
  lang: string;
  glossLang: string;
  words: InterlinearWord[];
  /** How many of the line's words have a linked translation. */
  glossed: number;
}

/**
 * One line per source segment with text in `rows`, in reading order; rows
 * without links still give their lines (a reader sees which words are not
 * linked yet). Empty when the source has no text (placeholders) or the
 * document has no source and translation pair.
 */
export function interlinearLines(rows: readonly AlignmentRow[], state: AlignmentState, links: readonly WordLink[]): InterlinearLine[] {
  const source = state.witnesses.find((w) => w.role === 'source');
  const translation = state.witnesses.find((w) => w.role === 'translation');
  if (!source || !translation) return [];
  const lines: InterlinearLine[] = [];
  for (const row of rows) {
    const rowLinks = links.filter((l) => l.rowKey === row.key);
    // The row's words, in reading order: a link's target words are written in that order.
    const rowText = rowWords(row, state);
    const order = new Map([...rowText.keys()].map((id, i) => [id, i]));
    for (const key of row.members[source.id] ?? []) {
      const seg = state.segments[key];
      if (!seg || seg.isPlaceholder || seg.text.trim() === '') continue;
      let glossed = 0;
      const words: InterlinearWord[] = [];
      // The spaces and punctuation since the last word: ", " ends the word before, " «" opens the next,
      // and what stands alone (" — ") goes with the word before.
      let gap = '';
      const settleGap = (): string => {
        const parts = gap.split(/\s+/);
        gap = '';
        const lead = parts.length > 1 ? parts.pop()! : '';
        const previous = words[words.length - 1];
        const trailing = parts.join(' ').trimEnd();
        if (previous) previous.after += trailing;
        return previous ? lead : `${trailing}${lead}`;
      };
      for (const piece of pieces(seg.text, source.lang)) {
        if (!piece.isWord) {
          gap += piece.text;
          continue;
        }
        const lead = settleGap();
        const id = tokenRefId({ segmentKey: key, start: piece.start, end: piece.end });
        const touching = rowLinks.filter((l) => l.sourceTokens.some((t) => tokenRefId(t) === id));
        // The translation's words only (another target witness, say French, is not this gloss).
        const linked = [
          ...new Set(
            touching
              .flatMap((l) => l.targetTokens)
              .filter((t) => state.segments[t.segmentKey]?.witnessId === translation.id)
              .map(tokenRefId),
          ),
        ]
          .filter((target) => rowText.has(target))
          .sort((a, b) => order.get(a)! - order.get(b)!);
        const word: InterlinearWord = { text: piece.text, before: lead, after: '', gloss: null, status: null };
        if (linked.length > 0) {
          glossed++;
          word.gloss = linked.map((target) => rowText.get(target)!.text).join(' ');
          // Accepted when any link through the word is; a suggestion otherwise (shown apart, not by colour alone).
          word.status = touching.some((l) => l.status === 'accepted') ? 'accepted' : 'suggested';
        }
        words.push(word);
      }
      settleGap();
      lines.push({
        rowKey: row.key,
        ref: segmentRef(seg),
        lang: source.lang,
        glossLang: translation.lang,
        words,
        glossed,
      });
    }
  }
  return lines;
}

/**
 * What the reader's word-link script fetches for a row: every word of the
 * row's segments (so the keyboard can step word by word) and the links as
 * lists of words, each word named by its segment and start offset. Compact
 * on purpose: the reader fetches it only when a row is hovered or focused.
 */
import type { AlignmentRow, AlignmentState } from '@/lib/alignment/types';
import { turnRuns } from '@/lib/render/paragraphs';
import { tokenize } from './tokens';
import type { WordLink } from './types';

export interface RowWordsPayload {
  /** Segment key → its words as [start, end, text], in order. */
  words: Record<string, [number, number, string][]>;
  /** Each link: its key, 'a' (accepted) or 's' (suggested), and its words as [segment key, start]. */
  links: { key: string; status: 'a' | 's'; source: [string, number][]; target: [string, number][] }[];
  /**
   * Witness id → the segment keys of each block the reader renders in that
   * witness's cell (lib/render/paragraphs.ts turnRuns), in order: the page
   * carries no segment keys, so the script finds a word by its block and
   * its place in the block's text.
   */
  runs: Record<number, string[][]>;
}

export function rowWordsPayload(row: AlignmentRow, state: AlignmentState, links: readonly WordLink[]): RowWordsPayload {
  const words: RowWordsPayload['words'] = {};
  const runs: RowWordsPayload['runs'] = {};
  for (const w of state.witnesses) {
    const segments = (row.members[w.id] ?? []).flatMap((key) => state.segments[key] ?? []);
    for (const seg of segments) {
      if (!seg.isPlaceholder) words[seg.key] = tokenize(seg.text, w.lang).map((t) => [t.start, t.end, t.text]);
    }
    runs[w.id] = turnRuns(segments).map((run) => run.map((s) => s.key));
  }
  return {
    words,
    runs,
    links: links
      .filter((l) => l.rowKey === row.key)
      .map((l) => ({
        key: l.key,
        status: l.status === 'accepted' ? 'a' : 's',
        source: l.sourceTokens.map((t) => [t.segmentKey, t.start]),
        target: l.targetTokens.map((t) => [t.segmentKey, t.start]),
      })),
  };
}

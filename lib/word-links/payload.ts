/**
 * What the reader's word-link script fetches for a row: every word of the
 * row's segments (so the keyboard can step word by word) and the links as
 * lists of words, each word named by its segment and start offset. Compact
 * on purpose: the reader fetches it only when a row is hovered or focused.
 */
import type { AlignmentRow, AlignmentState } from '@/lib/alignment/types';
import { tokenize } from './tokens';
import type { WordLink } from './types';

export interface RowWordsPayload {
  /** Segment key → its words as [start, end, text], in order. */
  words: Record<string, [number, number, string][]>;
  /** Each link: its key, 'a' (accepted) or 's' (suggested), and its words as [segment key, start]. */
  links: { key: string; status: 'a' | 's'; source: [string, number][]; target: [string, number][] }[];
}

export function rowWordsPayload(row: AlignmentRow, state: AlignmentState, links: readonly WordLink[]): RowWordsPayload {
  const words: RowWordsPayload['words'] = {};
  for (const w of state.witnesses) {
    for (const key of row.members[w.id] ?? []) {
      const seg = state.segments[key];
      if (seg && !seg.isPlaceholder) words[key] = tokenize(seg.text, w.lang).map((t) => [t.start, t.end, t.text]);
    }
  }
  return {
    words,
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

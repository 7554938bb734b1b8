/**
 * A word link joins M source words and N target words of one alignment row
 * (many-to-many, discontinuous allowed). Words are named by their segment's
 * stable key and character offsets within that segment's text, so a link
 * needs no token table and survives edits elsewhere untouched.
 */

export const WORD_LINK_STATUSES = ['suggested', 'accepted'] as const;
export type WordLinkStatus = (typeof WORD_LINK_STATUSES)[number];

export interface TokenRef {
  segmentKey: string;
  /** UTF-16 offsets [start, end) in the segment's text. */
  start: number;
  end: number;
}

export interface WordLink {
  /** Stable identity across versions (a status change or a remap writes a new version of the same key). */
  key: string;
  rowKey: string;
  sourceTokens: TokenRef[];
  targetTokens: TokenRef[];
  status: WordLinkStatus;
  /** The user who made (or last accepted) the link. */
  createdBy: number;
}

export function tokenRefId(t: TokenRef): string {
  return `${t.segmentKey}:${t.start}-${t.end}`;
}

/** Tokens in a stable order (segment key, then offset), so equal links compare equal. */
export function sortTokens(tokens: readonly TokenRef[]): TokenRef[] {
  return [...tokens].sort((a, b) => (a.segmentKey < b.segmentKey ? -1 : a.segmentKey > b.segmentKey ? 1 : a.start - b.start));
}

export function sameWordLink(a: WordLink, b: WordLink): boolean {
  return (
    a.key === b.key &&
    a.rowKey === b.rowKey &&
    a.status === b.status &&
    a.createdBy === b.createdBy &&
    JSON.stringify(sortTokens(a.sourceTokens)) === JSON.stringify(sortTokens(b.sourceTokens)) &&
    JSON.stringify(sortTokens(a.targetTokens)) === JSON.stringify(sortTokens(b.targetTokens))
  );
}

export function linkTokens(link: Pick<WordLink, 'sourceTokens' | 'targetTokens'>): TokenRef[] {
  return [...link.sourceTokens, ...link.targetTokens];
}

/**
 * Carrying word links through a text correction. The old and new texts are
 * cut into the segmenter's pieces (words, spaces, punctuation) and diffed
 * piece by piece (the maintained `diff` package): a word inside an unchanged
 * run keeps its identity and moves by the run's shift; a word in a removed
 * run is changed. A link on any changed word is dropped, whole, because its
 * meaning may have changed; the caller reports which.
 */
import { diffArrays } from 'diff';
import { pieces } from './tokens';
import type { TokenRef, WordLink } from './types';

/** Old start offset of each unchanged word → its new [start, end). */
export type OffsetMap = Map<number, { start: number; end: number; oldEnd: number }>;

export function offsetMap(oldText: string, newText: string, lang: string): OffsetMap {
  const before = pieces(oldText, lang);
  const after = pieces(newText, lang);
  const map: OffsetMap = new Map();
  let i = 0;
  let j = 0;
  for (const change of diffArrays(
    before.map((p) => p.text),
    after.map((p) => p.text),
  )) {
    const n = change.count ?? change.value.length;
    if (change.added) j += n;
    else if (change.removed) i += n;
    else {
      for (let k = 0; k < n; k++) {
        const old = before[i + k]!;
        const next = after[j + k]!;
        if (old.isWord) map.set(old.start, { start: next.start, end: next.end, oldEnd: old.end });
      }
      i += n;
      j += n;
    }
  }
  return map;
}

export function remapToken(token: TokenRef, map: OffsetMap): TokenRef | null {
  const moved = map.get(token.start);
  if (!moved || moved.oldEnd !== token.end) return null;
  return { segmentKey: token.segmentKey, start: moved.start, end: moved.end };
}

export interface RemapResult {
  kept: WordLink[];
  /** Links with a word the correction changed (as they were before it). */
  dropped: WordLink[];
}

/** Links after segment `segmentKey`'s text went from `oldText` to `newText`; links not on that segment pass unchanged. */
export function remapLinks(
  links: readonly WordLink[],
  segmentKey: string,
  oldText: string,
  newText: string,
  lang: string,
): RemapResult {
  const result: RemapResult = { kept: [], dropped: [] };
  const onSegment = links.filter((l) => [...l.sourceTokens, ...l.targetTokens].some((t) => t.segmentKey === segmentKey));
  const map = onSegment.length ? offsetMap(oldText, newText, lang) : new Map<number, { start: number; end: number; oldEnd: number }>();
  for (const link of links) {
    if (!onSegment.includes(link)) {
      result.kept.push(link);
      continue;
    }
    const move = (tokens: TokenRef[]) => tokens.map((t) => (t.segmentKey === segmentKey ? remapToken(t, map) : t));
    const source = move(link.sourceTokens);
    const target = move(link.targetTokens);
    if (source.includes(null) || target.includes(null)) result.dropped.push(link);
    else result.kept.push({ ...link, sourceTokens: source as TokenRef[], targetTokens: target as TokenRef[] });
  }
  return result;
}

/**
 * The word-link operations as pure functions over the links of the rows
 * they name: link (replacing links that share a word, which is how a link
 * is extended or split), unlink, review suggestions (accept, reject, clear),
 * write suggestions, and carry links through an alignment or text edit.
 * Each returns the versions to close and insert, and a summary for the history.
 */
import { AlignmentError } from '@/lib/alignment/errors';
import { passageLabel, rowLabel } from '@/lib/alignment/labels';
import { segmentRef, type AlignmentRow, type AlignmentState } from '@/lib/alignment/types';
import { remapLinks } from './remap';
import { tokenize } from './tokens';
import { linkTokens, sameWordLink, sortTokens, tokenRefId, type TokenRef, type WordLink } from './types';

export interface LinkChanges {
  /** Keys whose current version is closed. */
  close: string[];
  /** New versions; a key here that exists now is also in `close`. */
  insert: WordLink[];
}

export interface LinkOutcome {
  changes: LinkChanges;
  summary: string;
}

export function isEmptyLinkChanges(c: LinkChanges): boolean {
  return c.close.length === 0 && c.insert.length === 0;
}

/** The words of a row's segments, by side, for checking and naming tokens. */
export function rowWords(row: AlignmentRow, state: AlignmentState) {
  const words = new Map<string, { side: 'source' | 'target'; text: string; ref: string }>();
  for (const w of state.witnesses) {
    for (const key of row.members[w.id] ?? []) {
      const seg = state.segments[key];
      if (!seg || seg.isPlaceholder) continue;
      for (const t of tokenize(seg.text, w.lang)) {
        words.set(tokenRefId({ segmentKey: key, start: t.start, end: t.end }), {
          side: w.role === 'source' ? 'source' : 'target',
          text: t.text,
          ref: segmentRef(seg),
        });
      }
    }
  }
  return words;
}

function quote(tokens: readonly TokenRef[], words: ReturnType<typeof rowWords>): string {
  return `“${sortTokens(tokens)
    .map((t) => words.get(tokenRefId(t))?.text ?? '?')
    .join(' ')}”`;
}

export function describeLink(link: Pick<WordLink, 'sourceTokens' | 'targetTokens'>, words: ReturnType<typeof rowWords>): string {
  return `${quote(link.sourceTokens, words)} ↔ ${quote(link.targetTokens, words)}`;
}

function checkTokens(
  tokens: readonly TokenRef[],
  side: 'source' | 'target',
  words: ReturnType<typeof rowWords>,
  rowName: string,
): TokenRef[] {
  const seen = new Set<string>();
  for (const t of tokens) {
    const word = words.get(tokenRefId(t));
    if (!word)
      throw new AlignmentError('bad-offset', `A selected word is not a word of row ${rowName} as it is now; reload the page.`);
    if (word.side !== side) {
      throw new AlignmentError(
        'bad-offset',
        `A selected ${side === 'source' ? 'source' : 'translation'} word is in the other column.`,
      );
    }
    seen.add(tokenRefId(t));
  }
  if (seen.size !== tokens.length) throw new AlignmentError('bad-offset', 'A word is selected twice.');
  return sortTokens(tokens);
}

/** Links `source` to `target` words of the row; links sharing any of these words are replaced by it. */
export function linkWords(
  rowLinks: readonly WordLink[],
  row: AlignmentRow,
  state: AlignmentState,
  input: { sourceTokens: TokenRef[]; targetTokens: TokenRef[]; userId: number; newKey: () => string },
): LinkOutcome {
  const words = rowWords(row, state);
  const name = rowName(row, state);
  const sourceTokens = checkTokens(input.sourceTokens, 'source', words, name);
  const targetTokens = checkTokens(input.targetTokens, 'target', words, name);
  const ids = new Set([...sourceTokens, ...targetTokens].map(tokenRefId));
  const overlapping = rowLinks.filter((l) => linkTokens(l).some((t) => ids.has(tokenRefId(t))));
  const same = overlapping.find(
    (l) => l.sourceTokens.length + l.targetTokens.length === ids.size && linkTokens(l).every((t) => ids.has(tokenRefId(t))),
  );
  if (same && same.status === 'accepted' && overlapping.length === 1) {
    throw new AlignmentError('no-change', `These words are already linked in ${name}.`);
  }
  const link: WordLink = {
    key: same?.key ?? input.newKey(),
    rowKey: row.key,
    sourceTokens,
    targetTokens,
    status: 'accepted',
    createdBy: input.userId,
  };
  const replaced = overlapping.filter((l) => l !== same);
  const summary =
    `${same ? 'Accepted the link' : 'Linked'} ${describeLink(link, words)} in ${name}` +
    (replaced.length ? ` (replacing ${replaced.map((l) => describeLink(l, words)).join(', ')})` : '');
  return { changes: { close: overlapping.map((l) => l.key), insert: [link] }, summary };
}

export function unlinkWords(
  rowLinks: readonly WordLink[],
  row: AlignmentRow,
  state: AlignmentState,
  linkKeys: readonly string[],
): LinkOutcome {
  const words = rowWords(row, state);
  const gone = linkKeys.map((key) => {
    const link = rowLinks.find((l) => l.key === key);
    if (!link) throw new AlignmentError('not-found', `That word link is not in ${rowName(row, state)} any more; reload the page.`);
    return link;
  });
  return {
    changes: { close: gone.map((l) => l.key), insert: [] },
    summary: `Unlinked ${gone.map((l) => describeLink(l, words)).join(', ')} in ${rowName(row, state)}`,
  };
}

export type ReviewAction = 'accept' | 'reject' | 'clear';

/** Accepts or rejects every suggestion of the rows, or clears all their links. */
export function reviewLinks(
  linksByRow: ReadonlyMap<string, readonly WordLink[]>,
  rows: readonly AlignmentRow[],
  state: AlignmentState,
  action: ReviewAction,
  userId: number,
): LinkOutcome {
  const all = rows.flatMap((r) => linksByRow.get(r.key) ?? []);
  const chosen = action === 'clear' ? all : all.filter((l) => l.status === 'suggested');
  const passage = passageLabel(rows, state);
  if (!chosen.length) {
    throw new AlignmentError(
      'no-change',
      action === 'clear' ? `${passage} has no word links.` : `${passage} has no suggested word links.`,
    );
  }
  const changes: LinkChanges = { close: chosen.map((l) => l.key), insert: [] };
  if (action === 'accept') changes.insert = chosen.map((l) => ({ ...l, status: 'accepted', createdBy: userId }));
  const verb = { accept: 'Accepted', reject: 'Rejected', clear: 'Cleared' }[action];
  const what = action === 'clear' ? 'word link' : 'suggested word link';
  return { changes, summary: `${verb} ${chosen.length} ${what}${chosen.length === 1 ? '' : 's'} in ${passage}` };
}

/**
 * Replaces the rows' suggestions with `suggested` (from suggest.ts), leaving
 * accepted links alone and never suggesting a word an accepted link holds.
 */
export function writeSuggestions(
  linksByRow: ReadonlyMap<string, readonly WordLink[]>,
  rows: readonly AlignmentRow[],
  state: AlignmentState,
  suggested: readonly Omit<WordLink, 'key'>[],
  newKey: () => string,
): LinkOutcome {
  const changes: LinkChanges = { close: [], insert: [] };
  let count = 0;
  for (const row of rows) {
    const current = linksByRow.get(row.key) ?? [];
    const taken = new Set(
      current
        .filter((l) => l.status === 'accepted')
        .flatMap(linkTokens)
        .map(tokenRefId),
    );
    const old = current.filter((l) => l.status === 'suggested');
    const fresh = suggested.filter((s) => s.rowKey === row.key && !linkTokens(s).some((t) => taken.has(tokenRefId(t))));
    const unchanged = new Set<string>();
    for (const s of fresh) {
      const same = old.find((o) => sameWordLink(o, { ...s, key: o.key }));
      if (same) unchanged.add(same.key);
      else changes.insert.push({ ...s, key: newKey() });
    }
    changes.close.push(...old.filter((o) => !unchanged.has(o.key)).map((o) => o.key));
    count += fresh.length;
  }
  const passage = passageLabel(rows, state);
  if (isEmptyLinkChanges(changes)) throw new AlignmentError('no-change', `No new word links to suggest in ${passage}.`);
  return { changes, summary: `Suggested ${count} word link${count === 1 ? '' : 's'} in ${passage}` };
}

/**
 * Links after an alignment or text edit from `before` to `after` (windows
 * holding every row of `links`): a link follows its words into whichever
 * row holds them all now, is remapped through a text correction, and is
 * dropped when its words changed, left the document or were split across rows.
 */
export function carryLinks(
  links: readonly WordLink[],
  before: AlignmentState,
  after: AlignmentState,
): { changes: LinkChanges; dropped: string[] } {
  const changes: LinkChanges = { close: [], insert: [] };
  const dropped: string[] = [];
  const langOf = (segmentKey: string, state: AlignmentState) => {
    const seg = state.segments[segmentKey];
    return seg ? (state.witnesses.find((w) => w.id === seg.witnessId)?.lang ?? 'und') : 'und';
  };
  const rowOf = new Map<string, string>();
  for (const row of after.rows) for (const keys of Object.values(row.members)) for (const k of keys) rowOf.set(k, row.key);
  // In reading order of their first word, so the summary names dropped links as a reader meets them.
  const ordered = [...links].sort((a, b) => firstWord(a) - firstWord(b));
  for (const link of ordered) {
    let next: WordLink | null = link;
    for (const segmentKey of new Set(linkTokens(link).map((t) => t.segmentKey))) {
      const old = before.segments[segmentKey];
      const now = after.segments[segmentKey];
      if (!next) break;
      if (!old || !now || now.isPlaceholder) next = null;
      else if (old.text !== now.text) {
        const { kept } = remapLinks([next], segmentKey, old.text, now.text, langOf(segmentKey, before));
        next = kept[0] ?? null;
      }
    }
    if (next) {
      const rowKeys = new Set(linkTokens(next).map((t) => rowOf.get(t.segmentKey)));
      const [rowKey] = [...rowKeys];
      next = rowKeys.size === 1 && rowKey ? { ...next, rowKey } : null;
    }
    if (next && sameWordLink(next, link)) continue;
    changes.close.push(link.key);
    if (next) changes.insert.push(next);
    else {
      const row = before.rows.find((r) => r.key === link.rowKey);
      dropped.push(row ? describeLink(link, rowWords(row, before)) : link.key);
    }
  }
  return { changes, dropped };
}

function firstWord(link: WordLink): number {
  return Math.min(...linkTokens(link).map((t) => t.start));
}

function rowName(row: AlignmentRow, state: AlignmentState): string {
  return rowLabel(row, state);
}

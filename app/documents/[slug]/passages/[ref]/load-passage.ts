import 'server-only';
import { cache } from 'react';
import { getDb } from '@/db';
import { citedWordsOf, type CitedWordsView } from '@/db/queries/cited-words';
import { getPassageView, type PassageView } from '@/db/queries/passages';
import { passageWordLinks } from '@/db/queries/word-links';
import { cachedPassageCitation } from '@/db/read-path/citations';
import type { PassageCitation } from '@/lib/citation/passage-citation';
import { RefError } from '@/lib/refs/errors';
import { formatCitedRef, parseCitedRef } from '@/lib/refs/words';
import { parseRevParam } from '@/lib/refs/revision';
import { decodeRouteParam } from '@/lib/route-param';
import type { WordLink } from '@/lib/word-links/types';
import { requestOrigin } from '../../_citation/request-origin';

export type PassageLoad =
  | {
      kind: 'ok';
      view: PassageView;
      citation: PassageCitation;
      /** A word citation (T5.2@w3-w5): the cited words and what they are linked to; null for a plain passage. */
      words: CitedWordsView | null;
      /** The word links of the passage's rows at the revision shown (the word-by-word reading). */
      links: WordLink[];
    }
  /** The reference was written in a non-canonical way (t5, T5–T7): one URL per passage. */
  | { kind: 'redirect'; canonical: string; rev: number | null }
  | { kind: 'missing-document' }
  | { kind: 'bad-ref'; error: RefError };

/**
 * Loads a passage once per request (the page and its metadata both ask).
 * Page params arrive percent-encoded: they are decoded here, so T5–T7 (en
 * dash) redirects to T5-T7 and messages quote what was typed.
 */
export const loadPassage = cache(
  async (rawSlug: string, encodedRef: string, rawRev: string | string[] | undefined): Promise<PassageLoad> => {
    const problem = passageProblem();
    const slug = decodeRouteParam(rawSlug);
    const rawRef = decodeRouteParam(encodedRef);
    try {
      const result = await load(slug, rawRef, rawRev);
      problem.settle(
        result.kind === 'bad-ref'
          ? result.error.message
          : result.kind === 'missing-document'
            ? `There is no document “${slug}”.`
            : null,
      );
      return result;
    } catch (error) {
      problem.settle(null);
      throw error;
    }
  },
);

async function load(slug: string, rawRef: string, rawRev: string | string[] | undefined): Promise<PassageLoad> {
  try {
    const ref = parseCitedRef(rawRef);
    const rev = parseRevParam(rawRev);
    const canonical = formatCitedRef(ref);
    if (canonical !== rawRef) return { kind: 'redirect', canonical, rev };
    const view = await getPassageView(await getDb(), { slug, ref: ref.passage, rev });
    if (!view) return { kind: 'missing-document' };
    const words = ref.words ? await citedWordsOf(await getDb(), view, { ...ref, words: ref.words }) : null;
    const citation = await cachedPassageCitation(await getDb(), view, await requestOrigin(), words?.cited ?? null);
    const links = await passageWordLinks(await getDb(), view);
    return { kind: 'ok', view, citation, words, links };
  } catch (error) {
    if (error instanceof RefError) return { kind: 'bad-ref', error };
    throw error;
  }
}

/**
 * Why the passage page answered 404, for its not-found.tsx. notFound() takes
 * no message, and Next renders the not-found boundary alongside the page
 * (before the page has run), so the boundary awaits this request-scoped
 * promise, which loadPassage settles: with the message, or null.
 */
export const passageProblem = cache(() => {
  let settle: (message: string | null) => void = () => {};
  const promise = new Promise<string | null>((resolve) => {
    settle = resolve;
  });
  return { promise, settle: (message: string | null) => settle(message) };
});

/** The message, or null if none comes within a few seconds (the page failed in some other way). */
export function passageProblemMessage(): Promise<string | null> {
  return Promise.race([passageProblem().promise, new Promise<null>((resolve) => setTimeout(() => resolve(null), 3000).unref())]);
}

/**
 * The words a word citation (T5.2@w3-w5) names in a passage view, and the
 * word links touching them, at the revision the view shows: a pinned view
 * counts words in the pinned text and reads the links alive then.
 */
import type { CitedRef, CitedWords, TextMark, WordInText, WordRange } from '@/lib/refs/words';
import { linkedWords, resolveWords, wordMarks, wordsInText } from '@/lib/refs/words';
import type { WordLink } from '@/lib/word-links/types';
import type { Db } from '../connect';
import type { PassageView } from './passages';
import { passageWordLinks } from './word-links';

export interface CitedWordsView {
  cited: CitedWords;
  /** The cited words with their witness and text. */
  words: WordInText[];
  /** Links with at least one cited word. */
  links: WordLink[];
  /** The other words of those links. */
  linked: WordInText[];
  /** Segment key → ranges to mark on the page. */
  marks: Map<string, TextMark[]>;
}

/** Throws RefError ('word-out-of-range') when the passage has fewer words. */
export async function citedWordsOf(db: Db, view: PassageView, ref: CitedRef & { words: WordRange }): Promise<CitedWordsView> {
  const { state, passage } = view;
  const cited = resolveWords(ref, passage, state);
  const links = await passageWordLinks(db, view);
  const { links: touching, linked } = linkedWords(cited, links, state);
  return {
    cited,
    words: wordsInText(cited.words, state),
    links: touching,
    linked: wordsInText(linked, state),
    marks: wordMarks(cited, linked),
  };
}

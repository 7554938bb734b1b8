/**
 * Citations are a function of (document, revision, passage, origin): built
 * once and cached (./cache.ts), since formatting the six styles through
 * citeproc costs tens of milliseconds and the styles never change.
 */
import { referenceWitness } from '@/lib/alignment/row-refs';
import {
  documentCitation,
  passageCitation,
  type CitedWordsTarget,
  type DocumentCitation,
  type PassageCitation,
} from '@/lib/citation/passage-citation';
import type { Db } from '../connect';
import type { DocumentMeta } from '../queries/documents';
import type { PassageView } from '../queries/passages';
import { readCache, revisionKey } from './cache';
import { getDocumentShape } from './reader';

/** The whole document's citation at its current revision. */
export function cachedDocumentCitation(db: Db, doc: DocumentMeta, origin: string): Promise<DocumentCitation> {
  return readCache(db).get(revisionKey(doc.id, doc.currentRev, `document-citation:${origin}`), async () => {
    const shape = await getDocumentShape(db, doc.id, doc.currentRev);
    const language = referenceWitness(shape)?.lang ?? 'en';
    return documentCitation({ document: doc, rev: doc.currentRev, lastTurn: shape.lastTurn, language, origin });
  });
}

/** A passage's citation (or its words', for a word citation), at the revision the view shows. */
export function cachedPassageCitation(
  db: Db,
  view: PassageView,
  origin: string,
  words: CitedWordsTarget | null = null,
): Promise<PassageCitation> {
  const pinned = view.pinnedRev != null;
  const key = revisionKey(
    view.document.id,
    view.state.rev,
    `passage-citation:${words?.canonical ?? view.passage.canonical}:${pinned ? 'pinned' : 'current'}:${origin}`,
  );
  // async so that a throw becomes a rejected promise, which the cache forgets rather than keeps.
  // eslint-disable-next-line @typescript-eslint/require-await
  return readCache(db).get(key, async () =>
    passageCitation({ document: view.document, state: view.state, passage: view.passage, pinned, origin, words }),
  );
}

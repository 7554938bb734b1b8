/**
 * The JSON API's handlers, taking the database as an argument so tests run
 * them against throwaway databases; the route files only wire them to
 * getDb(). Responses carry an ETag made of the revisions they show, so a
 * client revalidates with If-None-Match and gets 304 until an edit lands.
 */
import { createHash } from 'node:crypto';
import type { Db } from '@/db/connect';
import { getDocumentBySlug, listDocuments, type DocumentMeta } from '@/db/queries/documents';
import { citedWordsOf, type CitedWordsView } from '@/db/queries/cited-words';
import { passageViewOf } from '@/db/queries/passages';
import { cachedDocumentCitation, cachedPassageCitation } from '@/db/read-path/citations';
import { getDocumentOutline } from '@/db/read-path/reader';
import { referenceWitness } from '@/lib/alignment/row-refs';
import { segmentRef, type AlignmentRow, type AlignmentState } from '@/lib/alignment/types';
import type { documentCitation } from '@/lib/citation/passage-citation';
import { absoluteUrl, apiDocumentPath, apiPassagePath, citationFilePath, documentPath, passagePath } from '@/lib/citation/urls';
import { describeRef, formatRef } from '@/lib/refs/parse';
import { neighbourRefs } from '@/lib/refs/resolve';
import { documentNotFound, etagMatches, guarded, json, notModified, withCachedAnswer, withEtag, type Answer } from '../_lib/http';
import { readPassageRequest } from '../_lib/passage-request';

/** Bumped when the shape or the citation output changes, so cached copies revalidate. */
const FORMAT = 'v1';

function documentJson(doc: DocumentMeta, origin: string) {
  return {
    slug: doc.slug,
    title: doc.title,
    date: doc.date,
    participants: doc.participants,
    archiveRef: doc.archiveRef,
    translator: doc.translator,
    publisher: doc.publisher,
    sourceNote: doc.sourceNote,
    isExcerpt: doc.isExcerpt,
    currentRev: doc.currentRev,
    links: {
      self: absoluteUrl(origin, apiDocumentPath(doc.slug)),
      reader: absoluteUrl(origin, documentPath(doc.slug)),
      ris: absoluteUrl(origin, citationFilePath(doc.slug, 'ris')),
      cslJson: absoluteUrl(origin, citationFilePath(doc.slug, 'json')),
    },
  };
}

export function listDocumentsResponse(db: Db, request: Request, origin: string): Promise<Response> {
  return guarded(async () => {
    const docs = await listDocuments(db);
    const versions = docs.map((d) => `${d.slug}@${d.currentRev}`).join(',');
    const etag = `"documents-${FORMAT}-${createHash('sha1').update(versions).digest('hex').slice(0, 16)}"`;
    return withEtag(request, etag, () => json({ documents: docs.map((d) => documentJson(d, origin)) }));
  });
}

export function documentResponse(db: Db, request: Request, origin: string, slug: string): Promise<Response> {
  return guarded(async () => {
    const doc = await getDocumentBySlug(db, slug);
    if (!doc) return documentNotFound(slug);
    const etag = `"document-${FORMAT}-${doc.id}-r${doc.currentRev}"`;
    // Answer a revalidation before reading the witnesses and formatting the citation.
    if (etagMatches(request, etag)) return notModified(etag);
    const [{ witnesses, lastTurn }, citation] = await Promise.all([
      getDocumentOutline(db, doc.id, doc.currentRev),
      cachedDocumentCitation(db, doc, origin),
    ]);
    return withEtag(request, etag, () =>
      json({
        document: documentJson(doc, origin),
        witnesses: witnesses.map((w) => ({ ...w })),
        turns: { first: lastTurn > 0 ? 'T1' : null, last: lastTurn > 0 ? `T${lastTurn}` : null, count: lastTurn },
        citation: {
          permalink: citation.permalink,
          csl: citation.citations.item,
          formats: formatsJson(citation.citations),
        },
      }),
    );
  });
}

export function passageResponse(db: Db, request: Request, origin: string, params: { slug: string; ref: string }): Promise<Response> {
  return guarded(async () => {
    // The tag is known from the document row alone (one indexed lookup): a revalidation reads nothing else.
    const found = await readPassageRequest(db, request, params, { words: true });
    if (!found) return documentNotFound(params.slug);
    const { doc, ref, words: cited, rev, canonical } = found;
    // With words (T5.2@w3-w5) the links name the word citation; the passage is still described as the passage.
    const passageRef = formatRef(ref);
    const etag = `"passage-${FORMAT}-${doc.id}-${canonical}-r${rev ?? doc.currentRev}-c${doc.currentRev}"`;
    return withCachedAnswer(db, request, etag, origin, async () => {
      const view = await passageViewOf(db, doc, ref, rev);
      const { state, passage } = view;
      const words = cited ? await citedWordsOf(db, view, { passage: ref, words: cited }) : null;
      const citation = await cachedPassageCitation(db, view, origin, words?.cited ?? null);
      // A pinned passage that has already changed since shows a settled page (the first change is fixed): immutable.
      const settled = view.pinnedRev != null && view.change != null;
      const { previous, next } = neighbourRefs(passage);
      const link = (r: typeof previous) => (r ? absoluteUrl(origin, apiPassagePath(doc.slug, formatRef(r), view.pinnedRev)) : null);
      const answer: Answer = {
        ...json({
          document: documentJson(doc, origin),
          passage: {
            ref: passageRef,
            label: passage.label,
            description: describeRef(ref),
            turns: passage.turns,
            segmentRefs: passage.segmentRefs,
            notes: passage.notes,
          },
          revision: {
            shown: state.rev,
            pinned: view.pinnedRev,
            current: doc.currentRev,
            changedIn: view.change?.rev ?? null,
            changedWhat: view.change?.kinds ?? [],
          },
          witnesses: state.witnesses,
          rows: passage.rows.map((row) => rowJson(row, state)),
          ...(words ? { words: wordsJson(words, citation.permalink) } : {}),
          citation: {
            permalink: citation.permalink,
            locator: citation.citations.locator,
            csl: citation.citations.item,
            formats: formatsJson(citation.citations),
            quotation: citation.quotation,
          },
          links: {
            self: absoluteUrl(origin, apiPassagePath(doc.slug, canonical, view.pinnedRev)),
            page: absoluteUrl(origin, passagePath(doc.slug, canonical, view.pinnedRev)),
            permalink: citation.permalink,
            current: absoluteUrl(origin, apiPassagePath(doc.slug, canonical)),
            ris: citation.risUrl,
            cslJson: citation.cslJsonUrl,
            previous: link(previous),
            next: link(next),
          },
        }),
        freshness: settled ? 'immutable' : 'revalidate',
      };
      return answer;
    });
  });
}

function formatsJson(c: ReturnType<typeof documentCitation>['citations']) {
  return {
    chicagoNote: c.chicagoNote,
    chicagoFullNote: c.chicagoFullNote,
    chicagoBibliography: c.chicagoBibliography,
    mla: c.mla,
    mlaInText: c.mlaInText,
    apa: c.apa,
    apaInText: c.apaInText,
    bibtex: c.bibtex,
    ris: c.ris,
  };
}

/** A row as data. Placeholder segments carry no text (null), never the empty string passed off as text. */
function rowJson(row: AlignmentRow, state: AlignmentState) {
  const reference = referenceWitness(state);
  return {
    key: row.key,
    status: row.status,
    note: row.note,
    cells: [...state.witnesses]
      .sort((a, b) => a.position - b.position)
      .map((w) => ({
        witnessId: w.id,
        lang: w.lang,
        segments: (row.members[w.id] ?? []).flatMap((key) => {
          const s = state.segments[key];
          if (!s) return [];
          return [
            {
              key: s.key,
              ref: w.id === reference?.id ? segmentRef(s) : null,
              turnNo: s.turnNo,
              sentenceNo: s.sentenceNo,
              speaker: s.speaker,
              isPlaceholder: s.isPlaceholder,
              text: s.isPlaceholder ? null : s.text,
            },
          ];
        }),
      })),
  };
}

/** The words of a word citation (docs/api.md): what is cited, where, and the links touching it. */
function wordsJson(words: CitedWordsView, permalink: string) {
  const { cited } = words;
  return {
    ref: cited.canonical,
    label: cited.label,
    description: cited.description,
    first: cited.range.first,
    last: cited.range.last,
    total: cited.total,
    text: cited.text,
    permalink,
    words: words.words.map((w, i) => ({
      n: cited.words[i]!.n,
      text: w.text,
      segmentKey: w.segmentKey,
      start: w.start,
      end: w.end,
      witnessId: w.witnessId,
    })),
    links: words.links.map((l) => ({
      key: l.key,
      status: l.status,
      rowKey: l.rowKey,
      source: l.sourceTokens,
      target: l.targetTokens,
    })),
    linked: words.linked.map((w) => ({
      text: w.text,
      segmentKey: w.segmentKey,
      start: w.start,
      end: w.end,
      witnessId: w.witnessId,
      lang: w.lang,
    })),
  };
}

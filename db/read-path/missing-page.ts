/**
 * Decides, before any page renders, whether a public URL names something that
 * does not exist, and says why. proxy.ts answers those with the not-found
 * page rendered on the server: a page that calls notFound() itself gets an
 * empty HTML body in production builds of Next 16 (the not-found markup only
 * travels in the RSC payload, vercel/next.js#62228), which is unreadable
 * without JavaScript. The pages keep their own notFound() calls for what
 * slips past this check (client navigations, races with an edit).
 */
import 'server-only';
import type { Db } from '../connect';
import { getDocumentBySlug } from '../queries/documents';
import { getPassageView } from '../queries/passages';
import { RefError } from '@/lib/refs/errors';
import { formatCitedRef, parseCitedRef, resolveWords } from '@/lib/refs/words';
import { parseRevParam } from '@/lib/refs/revision';
import { decodeRouteParam } from '@/lib/route-param';
import type { MissingPage } from '@/lib/render/missing-page';

// The document's pages (route handlers such as citation.json answer their own 404s).
const documentPage = /^\/documents\/([^/]+)(?:\/(?:passages\/([^/]+)|history(?:\/([^/]+))?|edit(?:\/[^/]+)*|details))?\/?$/;

/** Null when the page exists (or this check cannot tell: the page decides). */
export async function findMissingPage(db: Db, pathname: string, search: URLSearchParams): Promise<MissingPage | null> {
  const match = documentPage.exec(pathname);
  if (!match) return null;
  const [, rawSlug, rawRef, rawRev] = match;
  const slug = decodeRouteParam(rawSlug!);
  const document = await getDocumentBySlug(db, slug);
  if (!document) return { kind: 'document', message: `There is no document “${slug}”.` };
  if (rawRev != null) {
    const rev = decodeRouteParam(rawRev);
    if (!/^\d{1,9}$/.test(rev) || Number(rev) < 1 || Number(rev) > document.currentRev) {
      return {
        kind: 'revision',
        message: `“${rev}” is not a revision of this document: its revisions are 1 to ${document.currentRev}.`,
      };
    }
  }
  if (rawRef != null) return missingPassage(db, slug, decodeRouteParam(rawRef), search);
  return null;
}

async function missingPassage(db: Db, slug: string, typed: string, search: URLSearchParams): Promise<MissingPage | null> {
  try {
    const cited = parseCitedRef(typed);
    const revs = search.getAll('rev');
    const rev = parseRevParam(revs.length > 1 ? revs : revs[0]);
    // A non-canonical spelling (t5, T5–T7, T5@W3) is redirected by the page to the canonical one.
    if (formatCitedRef(cited) !== typed) return null;
    // Cached per revision (db/read-path/cache.ts): the page's own read is then a hit.
    const view = await getPassageView(db, { slug, ref: cited.passage, rev });
    // A word citation (T5.2@w3-w5) names words the passage must have.
    if (view && cited.words) resolveWords({ ...cited, words: cited.words }, view.passage, view.state);
    return null;
  } catch (error) {
    if (error instanceof RefError) return { kind: 'passage', message: error.message };
    throw error;
  }
}

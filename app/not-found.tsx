import { headers } from 'next/headers';
import Link from 'next/link';
import { decodeMissingPage, MISSING_PAGE_HEADER, type MissingPage } from '@/lib/render/missing-page';
// A client could send these headers itself, but only to change the text of its own 404 page (rendered as text).
import { PassageRefHelp } from './_components/passage-ref-help';

export const metadata = { title: 'Not found' };

const HEADINGS: Record<MissingPage['kind'], string> = {
  page: 'We could not find that page',
  document: 'We could not find that page',
  passage: 'No such passage',
  revision: 'No such revision',
};

/**
 * 404 for unknown documents, passages, revisions and pages. proxy.ts decides
 * most of these before any page runs and says why in a request header, so
 * this page is rendered on the server and reads without JavaScript.
 */
export default async function NotFound() {
  const requestHeaders = await headers();
  const missing = decodeMissingPage(requestHeaders.get(MISSING_PAGE_HEADER));
  return (
    <div className="error-page" data-testid="not-found" data-missing={missing?.kind}>
      <p className="error-code">Error 404</p>
      <h1>{missing ? HEADINGS[missing.kind] : 'We could not find that page'}</h1>
      {missing ? (
        <p className="error-message" data-testid={missing.kind === 'passage' ? 'passage-problem' : 'not-found-message'}>
          {missing.message}
        </p>
      ) : (
        <p>
          The document or passage you asked for does not exist here. A link may have a typing error, or name a turn beyond the end of
          the document.
        </p>
      )}
      {missing?.kind === 'passage' ? <PassageRefHelp /> : null}
      <ul>
        <li>
          <Link href="/">Browse the library</Link>
        </li>
        <li>
          <Link href="/search">Search all texts</Link>
        </li>
      </ul>
    </div>
  );
}

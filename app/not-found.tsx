import Link from 'next/link';

export const metadata = { title: 'Not found' };

/** 404 for unknown documents, passages and pages. */
export default function NotFound() {
  return (
    <div className="error-page" data-testid="not-found">
      <p className="error-code">Error 404</p>
      <h1>We could not find that page</h1>
      <p>
        The document or passage you asked for does not exist here. A link may have a typing error, or name a turn
        beyond the end of the document.
      </p>
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

'use client';

/**
 * Any failure while rendering a page: a plain apology, never the error
 * itself (production never sends it; the server log has it, by digest).
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="error-page" data-testid="error-page">
      <p className="error-code">Something went wrong</p>
      <h1>This page could not be shown</h1>
      <p>
        The server had a problem preparing it. This is usually brief: please try again in a moment. If it persists, the database may be
        unavailable.
      </p>
      {error.digest ? <p className="search-summary">Reference for the site’s maintainers: {error.digest}</p> : null}
      <p>
        <button type="button" onClick={() => reset()}>
          Try again
        </button>{' '}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full page load after an error, not a client transition from a broken tree */}
        <a href="/">Back to the library</a>
      </p>
    </div>
  );
}

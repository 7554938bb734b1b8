'use client';

import { INTERFACE_LANG } from '@/lib/render/lang';

/** Last resort when the root layout itself fails: its own minimal document, no stack trace. */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang={INTERFACE_LANG}>
      <body style={{ fontFamily: 'Georgia, serif', maxWidth: '38rem', margin: '3rem auto', padding: '0 1rem', lineHeight: 1.6 }}>
        <main>
          <h1>Diptych is having trouble</h1>
          <p>The page could not be shown. Please try again in a moment.</p>
          {error.digest ? <p>Reference for the site’s maintainers: {error.digest}</p> : null}
          <p>
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- the root layout failed: a full page load, not a client transition */}
            <a href="/">Back to the library</a>
          </p>
        </main>
      </body>
    </html>
  );
}

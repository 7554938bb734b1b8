'use client';

import { useEffect } from 'react';

/**
 * A link to #T12345 reaches the reader's first window, which may not hold
 * turn 12345: then this reloads the window that does (?at=T12345#T12345),
 * which the server can serve without script. Once the row is on the page it
 * takes the focus, so keyboard and screen-reader users start where the link
 * points.
 */
export function HashLanding({ first, last }: { first: number; last: number }) {
  useEffect(() => {
    function land() {
      const hash = decodeURIComponent(window.location.hash.slice(1));
      const match = /^T(\d+)(?:\.\d+)?$/.exec(hash);
      if (!match) return;
      const row = document.getElementById(hash)?.closest<HTMLElement>('.aligned-row');
      if (row) {
        row.focus({ preventScroll: false });
        return;
      }
      const turn = Number(match[1]);
      if (turn >= first && turn <= last) return;
      const url = new URL(window.location.href);
      url.searchParams.set('at', `T${turn}`);
      window.location.replace(url.toString());
    }
    land();
    window.addEventListener('hashchange', land);
    return () => window.removeEventListener('hashchange', land);
  }, [first, last]);
  return null;
}

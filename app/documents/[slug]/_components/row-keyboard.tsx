'use client';

import { useEffect } from 'react';
import { useHydrated } from '@/app/_components/use-hydrated';

/**
 * Progressive enhancement: j/k move focus to the next/previous aligned row;
 * the arrow keys do the same once a row has focus (elsewhere they scroll as
 * usual). Rows are focusable without this, so the page works without it.
 */
export function RowKeyboard() {
  // The hint appears only once the keys work, i.e. with JavaScript running.
  const active = useHydrated();
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, button, summary, [contenteditable="true"]')) return;
      const onRow = target?.classList.contains('aligned-row') ?? false;
      const step =
        event.key === 'j' || (onRow && event.key === 'ArrowDown')
          ? 1
          : event.key === 'k' || (onRow && event.key === 'ArrowUp')
            ? -1
            : 0;
      if (step === 0) return;
      const rows = Array.from(document.querySelectorAll<HTMLElement>('.aligned-row'));
      if (rows.length === 0) return;
      const current = target?.closest<HTMLElement>('.aligned-row');
      let index = current ? rows.indexOf(current) + step : firstVisible(rows);
      index = Math.max(0, Math.min(rows.length - 1, index));
      event.preventDefault();
      rows[index]!.focus();
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
  return active ? (
    <span className="keys-hint">
      <kbd>j</kbd>/<kbd>k</kbd> next/previous passage
    </span>
  ) : null;
}

// With no row focused, j/k start from the first row in view.
function firstVisible(rows: HTMLElement[]): number {
  const i = rows.findIndex((row) => row.getBoundingClientRect().bottom > 0);
  return i === -1 ? 0 : i;
}

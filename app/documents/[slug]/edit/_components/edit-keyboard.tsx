'use client';
/**
 * Keyboard shortcuts of the edit page. Each one presses a visible button of
 * the row (or column, or segment) that has focus, so the keyboard, the mouse
 * and Tab all do exactly the same thing. Ignored while typing in a form.
 */
import { useEffect } from 'react';

/** Key → the button it presses, and where to look for it. */
const SHORTCUTS: Record<string, { action: string; scope: 'row' | 'column' | 'segment' }> = {
  m: { action: 'merge-next', scope: 'row' },
  s: { action: 'split-row', scope: 'row' },
  v: { action: 'verify', scope: 'row' },
  n: { action: 'note', scope: 'row' },
  '[': { action: 'move-up', scope: 'column' },
  ']': { action: 'move-down', scope: 'column' },
  e: { action: 'edit-text', scope: 'segment' },
  t: { action: 'split-segment', scope: 'segment' },
};

export function EditKeyboard() {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"], form')) return;
      const rows = Array.from(document.querySelectorAll<HTMLElement>('[data-testid="edit-row"]'));
      const row = target?.closest<HTMLElement>('[data-testid="edit-row"]') ?? null;

      if (event.key === 'j' || event.key === 'k') {
        const index = row ? rows.indexOf(row) + (event.key === 'j' ? 1 : -1) : 0;
        const next = rows[Math.max(0, Math.min(rows.length - 1, index))];
        if (next) {
          event.preventDefault();
          next.focus();
        }
        return;
      }
      if (event.key === 'u') {
        const undo = document.querySelector<HTMLButtonElement>('[data-testid="undo"] button');
        if (undo && !undo.disabled) {
          event.preventDefault();
          undo.click();
        }
        return;
      }
      const shortcut = SHORTCUTS[event.key];
      if (!shortcut || !row) return;
      // The column and segment with focus; from the row itself, the first column (the source text).
      const cell = target?.closest<HTMLElement>('[data-witness-id]') ?? row.querySelector<HTMLElement>('[data-witness-id]');
      const segment =
        target?.closest<HTMLElement>('[data-segment-key]') ?? cell?.querySelector<HTMLElement>('[data-segment-key]') ?? null;
      const scope = shortcut.scope === 'row' ? row : shortcut.scope === 'column' ? cell : segment;
      const button = scope?.querySelector<HTMLButtonElement>(`button[data-action="${shortcut.action}"]`);
      if (!button || button.disabled) return;
      event.preventDefault();
      button.click();
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
  return null;
}

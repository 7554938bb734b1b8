'use client';

import { useState } from 'react';
import { useHydrated } from '@/app/_components/use-hydrated';

/**
 * Copies the text of a read-only field (what the reader sees is what is
 * copied), and, where the browser allows, a rich-text version for word
 * processors (italics of titles). Rendered only once scripts run: without
 * JavaScript the field itself can be selected and copied.
 */
export function CopyButton({ targetId, html, label }: { targetId: string; html?: string; label: string }) {
  const ready = useHydrated();
  const [status, setStatus] = useState('');
  if (!ready) return null;

  async function copy() {
    const field = document.getElementById(targetId) as HTMLTextAreaElement | null;
    if (!field) return;
    const text = field.value;
    try {
      if (html && typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
        await navigator.clipboard.write([
          new ClipboardItem({
            'text/plain': new Blob([text], { type: 'text/plain' }),
            'text/html': new Blob([html], { type: 'text/html' }),
          }),
        ]);
      } else {
        await navigator.clipboard.writeText(text);
      }
      setStatus('Copied');
      // The status beside the button says so (seen and announced) for a moment.
      window.setTimeout(() => setStatus((s) => (s === 'Copied' ? '' : s)), 4000);
    } catch {
      // No clipboard permission: select the text so Ctrl+C / Cmd+C copies it.
      field.focus();
      field.select();
      setStatus('Selected: press Ctrl+C (⌘C) to copy');
    }
  }

  return (
    <span className="copy-button">
      <button type="button" onClick={() => void copy()} aria-label={label} data-copied={status === 'Copied' || undefined}>
        Copy
      </button>
      <span role="status" aria-live="polite" className="copy-status">
        {status}
      </span>
    </span>
  );
}

'use client';
/**
 * The review queue: unverified rows, most suspicious first. One row is
 * current (roving focus); j / ↓ and k / ↑ move, a accepts (verified),
 * u marks unverified, Enter opens the row in the editor. Every action is an
 * ordinary set-row-status edit (the row's note is kept).
 */
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition, type KeyboardEvent } from 'react';
import { parseDivergenceNote } from '@/lib/alignment/divergence';
import type { RowStatus } from '@/lib/alignment/types';
import type { ActionError } from '@/lib/auth/action-pipeline';
import { editDocument } from '../actions';
import { ActionMessage } from '../_components/action-message';
import styles from './review.module.css';

export interface QueueItem {
  key: string;
  label: string;
  href: string;
  status: RowStatus;
  note: string | null;
  flagged: boolean;
  delta: number | null;
  source: string;
  translation: string;
}

interface Props {
  slug: string;
  baseRev: number;
  items: QueueItem[];
  remaining: number;
  sourceLang: string;
  translationLang: string;
}

export function ReviewQueue({ slug, baseRev, items, remaining, sourceLang, translationLang }: Props) {
  const router = useRouter();
  const [current, setCurrent] = useState(0);
  const [done, setDone] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState('');
  const [error, setError] = useState<ActionError | null>(null);
  // Rows being saved: each accept is its own edit, so a second row need not wait for the first.
  const [saving, setSaving] = useState<ReadonlySet<string>>(new Set());
  const [, startTransition] = useTransition();
  const refs = useRef<(HTMLLIElement | null)[]>([]);
  const focusNext = useRef(false);
  const visible = items.filter((i) => !done.has(i.key));
  const index = Math.min(current, Math.max(0, visible.length - 1));

  useEffect(() => {
    if (focusNext.current) {
      focusNext.current = false;
      refs.current[index]?.focus();
    }
  });

  function move(to: number) {
    const next = Math.max(0, Math.min(visible.length - 1, to));
    setCurrent(next);
    refs.current[next]?.focus();
  }

  async function mark(item: QueueItem, status: RowStatus) {
    if (saving.has(item.key)) return;
    setError(null);
    setSaving((keys) => new Set(keys).add(item.key));
    const result = await editDocument({
      slug,
      baseRev,
      op: { type: 'set-row-status', rowKey: item.key, status, note: parseDivergenceNote(item.note) },
    });
    setSaving((keys) => {
      const next = new Set(keys);
      next.delete(item.key);
      return next;
    });
    if (!result.ok) return setError(result.error);
    setMessage(`Row ${item.label} marked ${status} (revision ${result.data.rev}).`);
    if (status === 'verified') {
      setDone((d) => new Set(d).add(item.key));
      focusNext.current = true;
    }
    // The picture and the counts above come from the server.
    startTransition(() => router.refresh());
  }

  function onKeyDown(event: KeyboardEvent<HTMLLIElement>, item: QueueItem, k: number) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const key = event.key;
    if (key === 'j' || key === 'ArrowDown') move(k + 1);
    else if (key === 'k' || key === 'ArrowUp') move(k - 1);
    else if (key === 'a') void mark(item, 'verified');
    else if (key === 'u') void mark(item, 'unverified');
    else if (key === 'Enter' && event.target === refs.current[k]) router.push(item.href);
    else return;
    event.preventDefault();
  }

  return (
    <div data-testid="review-queue">
      <p id="queue-keys">
        {visible.length === 0
          ? 'Nothing left to review here.'
          : `${remaining - done.size} rows to review, most suspicious first. Keys: j or ↓ next, k or ↑ previous, a accept (verified), u unverified, Enter open in the editor.`}
      </p>
      <p role="status" aria-live="polite" data-testid="queue-status">
        {message}
      </p>
      <ActionMessage error={error} onDismiss={() => setError(null)} />
      <ol className={styles.queue} aria-describedby="queue-keys">
        {visible.map((item, k) => (
          <li
            key={item.key}
            ref={(el) => {
              refs.current[k] = el;
            }}
            className={styles.item}
            tabIndex={k === index ? 0 : -1}
            aria-current={k === index ? 'true' : undefined}
            aria-label={`${item.label}, ${item.status}${item.flagged ? ', flagged' : ''}`}
            data-testid="queue-item"
            data-row-key={item.key}
            onFocus={() => setCurrent(k)}
            onKeyDown={(e) => onKeyDown(e, item, k)}
          >
            <strong>{item.label}</strong> · {item.status}
            {item.flagged ? ' · flagged' : ''}
            {item.delta !== null ? ` · length deviation ${item.delta.toFixed(1)}` : ''}
            <div className={styles.texts}>
              <p lang={sourceLang}>{item.source || <em lang="en">(no source text)</em>}</p>
              <p lang={translationLang}>{item.translation || <em lang="en">(no translation text)</em>}</p>
            </div>
            <div className={styles.actions}>
              <button
                type="button"
                tabIndex={k === index ? 0 : -1}
                onClick={() => void mark(item, 'verified')}
                disabled={saving.has(item.key)}
                data-testid="queue-accept"
              >
                Accept <kbd>a</kbd>
              </button>
              <button
                type="button"
                tabIndex={k === index ? 0 : -1}
                onClick={() => void mark(item, 'unverified')}
                disabled={item.status === 'unverified' || saving.has(item.key)}
              >
                Unverified <kbd>u</kbd>
              </button>
              <Link href={item.href} tabIndex={k === index ? 0 : -1}>
                Open in editor
              </Link>
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}

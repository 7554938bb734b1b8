'use client';
/** Undo the signed-in editor's own last edit on this document (recorded as a new revision). */
import { useState, useTransition } from 'react';
import type { ActionError } from '@/lib/auth/action-pipeline';
import { undoMyLastEdit } from '../actions';
import { ActionMessage } from './action-message';
import styles from './edit.module.css';

export function UndoButton({ slug, target }: { slug: string; target: { rev: number; summary: string } | null }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<ActionError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  if (!target) {
    return (
      <p className={styles.undo} data-testid="undo">
        <span className={styles.muted}>Nothing of yours to undo on this document.</span>
        {done ? <span role="status"> {done}</span> : null}
      </p>
    );
  }
  return (
    <div className={styles.undo} data-testid="undo">
      <button
        type="button"
        aria-keyshortcuts="u"
        aria-busy={pending}
        onClick={() => {
          if (pending) return;
          setError(null);
          startTransition(async () => {
            const result = await undoMyLastEdit({ slug, rev: target.rev });
            if (result.ok) setDone(`Saved as revision ${result.data.rev}: ${result.data.summary}.`);
            else setError(result.error);
          });
        }}
      >
        {pending ? 'Undoing…' : 'Undo my last edit'}
      </button>{' '}
      <span className={styles.muted}>
        revision {target.rev}: {target.summary}
      </span>
      {done ? (
        <span role="status" className="sr-only">
          {' '}
          {done}
        </span>
      ) : null}
      <ActionMessage error={error} onDismiss={() => setError(null)} />
    </div>
  );
}

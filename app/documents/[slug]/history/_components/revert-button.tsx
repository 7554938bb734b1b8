'use client';
/** Revert the document to a revision: asks once, then writes the difference as a new revision. */
import { useState, useTransition } from 'react';
import type { ActionError } from '@/lib/auth/action-pipeline';
import { ActionMessage } from '../../edit/_components/action-message';
import { revertDocument } from '../../edit/actions';
import styles from './history.module.css';

export function RevertButton({ slug, baseRev, toRev }: { slug: string; baseRev: number; toRev: number }) {
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<ActionError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  if (done) return <p role="status" className={styles.done}>{done}</p>;
  return (
    <div className={styles.revert} data-testid={`revert-${toRev}`}>
      {confirming ? (
        <span className={styles.confirm}>
          <span>Make the document read exactly as at revision {toRev}? This adds a new revision; nothing is deleted.</span>{' '}
          <button
            type="button"
            aria-busy={pending}
            onClick={() => {
              if (pending) return;
              setError(null);
              startTransition(async () => {
                const result = await revertDocument({ slug, baseRev, toRev });
                if (result.ok) setDone(`Saved as revision ${result.data.rev}: ${result.data.summary}.`);
                else setError(result.error);
                setConfirming(false);
              });
            }}
          >
            {pending ? 'Reverting…' : `Revert to revision ${toRev}`}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </span>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          Revert to this…<span className="sr-only"> (revision {toRev})</span>
        </button>
      )}
      <ActionMessage error={error} onDismiss={() => setError(null)} />
    </div>
  );
}

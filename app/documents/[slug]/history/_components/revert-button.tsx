'use client';
/** Revert the document to a revision: shows what it will change and asks once, then writes the difference as a new revision. */
import { useState, useTransition } from 'react';
import type { RestorePreview } from '@/lib/alignment/history';
import type { ActionError } from '@/lib/auth/action-pipeline';
import { ActionMessage } from '../../edit/_components/action-message';
import { previewRevertDocument, revertDocument } from '../../edit/actions';
import styles from './history.module.css';

export function RevertButton({ slug, baseRev, toRev }: { slug: string; baseRev: number; toRev: number }) {
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<ActionError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [preview, setPreview] = useState<(RestorePreview & { more: number }) | null>(null);
  function ask() {
    setConfirming(true);
    setPreview(null);
    startTransition(async () => {
      const result = await previewRevertDocument({ slug, toRev });
      if (result.ok) setPreview(result.data);
      else {
        setError(result.error);
        setConfirming(false);
      }
    });
  }
  if (done)
    return (
      <p role="status" className={styles.done}>
        {done}
      </p>
    );
  return (
    <div className={styles.revert} data-testid={`revert-${toRev}`}>
      {confirming ? (
        <span className={styles.confirm}>
          <span>Make the document read exactly as at revision {toRev}? This adds a new revision; nothing is deleted.</span>{' '}
          <RevertPreviewList preview={preview} />
          <button
            type="button"
            aria-busy={pending}
            disabled={!preview}
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
            {pending && preview ? 'Reverting…' : `Revert to revision ${toRev}`}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </span>
      ) : (
        <button type="button" onClick={ask}>
          Revert to this…<span className="sr-only"> (revision {toRev})</span>
        </button>
      )}
      <ActionMessage error={error} onDismiss={() => setError(null)} />
    </div>
  );
}

function RevertPreviewList({ preview }: { preview: (RestorePreview & { more: number }) | null }) {
  if (!preview) return <span className={styles.previewWait}>Checking what this changes…</span>;
  return (
    <span className={styles.preview} data-testid="revert-preview" role="status">
      <span>This will change:</span>
      <ul>
        {preview.segments.map((line) => (
          <li key={line}>{line}</li>
        ))}
        {preview.more ? <li>and {preview.more} more segments</li> : null}
        {preview.rows ? (
          <li>
            {preview.rows} {preview.rows === 1 ? 'row' : 'rows'} regrouped or re-marked
          </li>
        ) : null}
      </ul>
    </span>
  );
}

'use client';
/**
 * An edit's failure, shown beside the control that made it and announced.
 * A conflict also shows the passage as it is now and offers to reload.
 * An outage ('unavailable') is watched: once /api/health answers again the
 * message says so, and the editor saves again (their text was kept). The page
 * is not reloaded for it, so nothing typed is lost and no 503 page replaces it.
 */
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import type { ConflictDetails } from '@/lib/alignment/errors';
import type { ActionError } from '@/lib/auth/action-pipeline';
import styles from './edit.module.css';

const HEALTH_POLL_MS = 2_000;

/** True once the database answers again after `error` reported it unavailable. */
function useRecovered(error: ActionError | null): boolean {
  const [recoveredFrom, setRecoveredFrom] = useState<ActionError | null>(null);
  useEffect(() => {
    if (error?.code !== 'unavailable') return;
    let stopped = false;
    const poll = async () => {
      try {
        const response = await fetch('/api/health', { cache: 'no-store' });
        if (response.ok && !stopped) {
          stopped = true;
          clearInterval(timer);
          setRecoveredFrom(error);
        }
      } catch {
        // Still down (or the server restarting): ask again.
      }
    };
    const timer = setInterval(() => void poll(), HEALTH_POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [error]);
  return error !== null && recoveredFrom === error;
}

export function ActionMessage({ error, onDismiss }: { error: ActionError | null; onDismiss: () => void }) {
  const router = useRouter();
  const recovered = useRecovered(error);
  return (
    <div role="alert" aria-live="assertive" className={styles.messageArea} data-testid="edit-error-area">
      {error ? (
        <div className={styles.error} data-testid="edit-error" data-code={error.code} data-recovered={recovered || undefined}>
          <p>{error.message}</p>
          {error.code === 'unavailable' ? (
            <p data-testid="edit-recovery">
              {recovered
                ? 'The database is answering again. Your text is kept: save it again.'
                : 'Your text is kept in this browser; this message changes when the database answers again.'}
            </p>
          ) : null}
          {error.code === 'conflict' ? <ConflictView details={error.details as ConflictDetails} /> : null}
          <p className={styles.messageButtons}>
            {error.code === 'conflict' || error.code === 'not-found' || error.code === 'bad-revision' ? (
              <button
                type="button"
                onClick={() => {
                  onDismiss();
                  router.refresh();
                }}
              >
                Reload
              </button>
            ) : null}
            <button type="button" onClick={onDismiss}>
              Dismiss
            </button>
          </p>
        </div>
      ) : null}
    </div>
  );
}

function ConflictView({ details }: { details: ConflictDetails | undefined }) {
  if (!details?.rows.length) return null;
  return (
    <div className={styles.conflict} data-testid="conflict-current">
      <p className={styles.conflictHead}>
        {details.passage} now (revision {details.currentRev}):
      </p>
      <table className={styles.conflictTable}>
        <tbody>
          {details.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">
                {row.label}
                <span className={styles.conflictStatus}> · {row.status}</span>
              </th>
              {row.cells.map((cell) => (
                <td key={cell.witnessId} lang={cell.lang}>
                  {cell.segments.length === 0 ? (
                    <span lang="en">— (no {cell.column} text)</span>
                  ) : (
                    cell.segments.map((s) => (
                      <span key={s.key} className={styles.conflictSegment}>
                        {s.isPlaceholder ? <em lang="en">{cell.column} placeholder</em> : <bdi>{excerpt(s.text)}</bdi>}
                      </span>
                    ))
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function excerpt(text: string): string {
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

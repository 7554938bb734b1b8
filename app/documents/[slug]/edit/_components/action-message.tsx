'use client';
/**
 * An edit's failure, shown beside the control that made it and announced.
 * A conflict also shows the passage as it is now and offers to reload.
 */
import { useRouter } from 'next/navigation';
import type { ConflictDetails } from '@/lib/alignment/errors';
import type { ActionError } from '@/lib/auth/action-pipeline';
import styles from './edit.module.css';

export function ActionMessage({ error, onDismiss }: { error: ActionError | null; onDismiss: () => void }) {
  const router = useRouter();
  return (
    <div role="alert" aria-live="assertive" className={styles.messageArea} data-testid="edit-error-area">
      {error ? (
        <div className={styles.error} data-testid="edit-error" data-code={error.code}>
          <p>{error.message}</p>
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
                        {s.isPlaceholder ? <em lang="en">{cell.column} placeholder</em> : excerpt(s.text)}
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

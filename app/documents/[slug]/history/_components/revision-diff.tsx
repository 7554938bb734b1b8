/**
 * What one revision changed, against the one before: the rows whose
 * grouping, status or note changed (before | after), then the texts that
 * changed, with the changed words marked (struck out before, underlined
 * after). Never colour alone: every side is labelled.
 */
import type { RevisionDiff, RowSnapshot } from '@/db/queries/revisions';
import { wordDiff, type DiffPart } from '@/lib/render/word-diff';
import styles from './history.module.css';

export function RevisionDiffView({ diff }: { diff: RevisionDiff }) {
  if (!diff.rows.length && !diff.segments.length) {
    return <p className={styles.none}>This revision changed no rows or texts (it created the document).</p>;
  }
  return (
    <div data-testid="revision-diff">
      {diff.truncated ? (
        <p className={styles.none} data-testid="diff-truncated">
          This revision changed {diff.total.rows} rows and {diff.total.segments} segments; only the first of them are listed here.
        </p>
      ) : null}
      {diff.rows.length ? (
        <section aria-labelledby="diff-rows">
          <h3 id="diff-rows">Rows ({diff.rows.length})</h3>
          {diff.rows.map((change) => (
            <div key={change.key} className={styles.change} data-testid="row-change" data-change={change.change}>
              <p className={styles.changeHead}>
                {change.change === 'added' ? 'New row' : change.change === 'removed' ? 'Row removed' : 'Row changed'}:{' '}
                <strong>{change.after?.label ?? change.before?.label}</strong>
              </p>
              <div className={styles.sides}>
                <Side label="Before" snapshot={change.before} className={styles.before} />
                <Side label="After" snapshot={change.after} />
              </div>
            </div>
          ))}
        </section>
      ) : null}
      {diff.segments.length ? (
        <section aria-labelledby="diff-texts">
          <h3 id="diff-texts">Texts ({diff.segments.length})</h3>
          {diff.segments.map((change) => {
            const words = textDiff(change.before, change.after);
            return (
              <div key={change.key} className={styles.change} data-testid="text-change" data-change={change.change}>
                <p className={styles.changeHead}>
                  {change.column} <strong>{change.after?.ref ?? change.before?.ref}</strong>
                  {change.before && change.after && change.before.ref !== change.after.ref ? ` (was ${change.before.ref})` : ''}
                </p>
                <div className={styles.sides}>
                  <div className={`${styles.side} ${styles.before}`}>
                    <p className={styles.sideLabel}>Before</p>
                    <SegmentView lang={change.lang} segment={change.before} column={change.column} parts={words?.before} kind="del" />
                  </div>
                  <div className={styles.side}>
                    <p className={styles.sideLabel}>After</p>
                    <SegmentView lang={change.lang} segment={change.after} column={change.column} parts={words?.after} kind="ins" />
                  </div>
                </div>
              </div>
            );
          })}
        </section>
      ) : null}
    </div>
  );
}

function Side({ label, snapshot, className = '' }: { label: string; snapshot: RowSnapshot | null; className?: string }) {
  return (
    <div className={`${styles.side} ${className}`}>
      <p className={styles.sideLabel}>{label}</p>
      {snapshot ? (
        <>
          <p className={styles.cellLine}>
            <span className={styles.cellName}>Row</span>
            {snapshot.label} · {snapshot.status}
            {snapshot.note ? ` · note: ${snapshot.note}` : ''}
          </p>
          {snapshot.cells.map((cell) => (
            <p key={cell.witnessId} className={styles.cellLine}>
              <span className={styles.cellName}>{cell.column}</span>
              {cell.segments.length ? (
                cell.segments.map((s, i) => (
                  <span key={i} lang={cell.lang}>
                    {i ? ' ¦ ' : ''}
                    <b>{s.ref}</b>{' '}
                    {s.isPlaceholder ? (
                      <em className={styles.placeholder} lang="en">
                        placeholder
                      </em>
                    ) : (
                      excerpt(s.text)
                    )}
                  </span>
                ))
              ) : (
                <em className={styles.placeholder}>—</em>
              )}
            </p>
          ))}
        </>
      ) : (
        <p className={styles.none}>(no such row)</p>
      )}
    </div>
  );
}

type SegmentSide = { ref: string; text: string; isPlaceholder: boolean } | null;

/** Word marks when both sides have text that differs (a moved or renumbered segment keeps its text). */
function textDiff(before: SegmentSide, after: SegmentSide) {
  if (!before || !after || before.isPlaceholder || after.isPlaceholder || before.text === after.text) return null;
  return wordDiff(before.text, after.text);
}

function SegmentView({
  segment,
  lang,
  column,
  parts,
  kind,
}: {
  segment: SegmentSide;
  lang: string;
  column: string;
  parts?: DiffPart[];
  kind: 'del' | 'ins';
}) {
  if (!segment) return <p className={styles.none}>(no such segment)</p>;
  if (segment.isPlaceholder) return <p className={styles.none}>{column} text not yet transcribed (placeholder)</p>;
  const Mark = kind;
  return (
    <p className={styles.text} lang={lang} dir="auto">
      {parts
        ? parts.map((part, i) =>
            part.changed ? (
              <Mark key={i} className={styles[kind]} data-testid={`word-${kind}`}>
                <span className="sr-only" lang="en">
                  {kind === 'del' ? '(removed) ' : '(added) '}
                </span>
                {part.text}
              </Mark>
            ) : (
              <span key={i}>{part.text}</span>
            ),
          )
        : segment.text}
    </p>
  );
}

function excerpt(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > 90 ? `${t.slice(0, 88)}…` : t;
}

/**
 * The overview as a picture: one mark per row, coloured by status, its
 * height the length deviate (up: translation longer than the pair
 * predicts, down: shorter), flagged rows dotted in red. Each mark links to
 * its row in the editor and says in words what it shows. No client code.
 */
import type { ReviewOverview } from '@/lib/review/overview';
import { editRowHref } from '../_data/edit-pages';
import styles from './review.module.css';

const HEIGHT = 100;
const CAP = 6;

export function OverviewPicture({ overview, slug }: { overview: ReviewOverview; slug: string }) {
  const n = Math.max(1, overview.rows.length);
  const width = Math.max(n * 4, 200);
  const step = width / n;
  const middle = HEIGHT / 2;
  const scale = (HEIGHT / 2 - 8) / CAP;
  return (
    <svg
      className={styles.picture}
      viewBox={`0 0 ${width} ${HEIGHT}`}
      preserveAspectRatio="none"
      role="group"
      aria-label={`Overview of ${overview.rows.length} rows`}
      data-testid="overview-picture"
    >
      <line className={styles.axis} x1={0} x2={width} y1={middle} y2={middle} />
      {overview.rows.map((row) => {
        const d = row.delta === null ? 0 : Math.max(-CAP, Math.min(CAP, row.delta));
        const h = row.delta === null ? HEIGHT / 4 : Math.max(2, Math.abs(d) * scale);
        const y = row.delta === null ? middle - h / 2 : d > 0 ? middle - h : middle;
        const words =
          `${row.label}: ${row.status}` +
          (row.delta === null
            ? ''
            : `, ${row.sourceLength} and ${row.translationLength} characters (deviation ${row.delta.toFixed(1)})`) +
          (row.flagged ? ', flagged' : '');
        return (
          <a
            key={row.key}
            href={editRowHref(slug, row.index, row.anchor)}
            aria-label={words}
            data-status={row.status}
            data-flagged={row.flagged}
          >
            <title>{words}</title>
            <rect className={styles[`mark-${row.status}`]} x={row.index * step + step * 0.1} width={step * 0.8} y={y} height={h} />
            {row.flagged ? <circle className={styles.flag} cx={row.index * step + step / 2} cy={5} r={Math.min(3, step / 2)} /> : null}
          </a>
        );
      })}
    </svg>
  );
}

/**
 * Review at a glance (docs/alignment.md): the overview picture of every
 * row, the counts, and the review queue, most suspicious rows first,
 * walked from the keyboard. Editors only.
 */
import Link from 'next/link';
import { getDb } from '@/db';
import { getAlignmentState } from '@/db/queries/alignment';
import { FLAG_AT, reviewOverview, reviewQueue } from '@/lib/review/overview';
import { ROW_STATUSES } from '@/lib/alignment/statuses';
import { languageName } from '@/lib/render/lang';
import { editorPageMetadata, requireEditorPage, type EditorPageProps } from '../_data/editor-page';
import { editRowHref } from '../_data/edit-pages';
import styles from '../_components/edit.module.css';
import { OverviewPicture } from './overview-picture';
import { ReviewQueue, type QueueItem } from './review-queue';
import review from './review.module.css';
import { documentPagePath, documentPath } from '@/lib/citation/urls';

export const dynamic = 'force-dynamic';

type Props = Pick<EditorPageProps, 'params'>;

/** Rows the queue shows at once; the rest follow as these are reviewed. */
const QUEUE_LENGTH = 50;
const EXCERPT = 400;

export const generateMetadata = editorPageMetadata('Review');

export default async function ReviewPage({ params }: Props) {
  const { slug } = await params;
  const { doc } = await requireEditorPage(slug, 'edit/review');
  const state = await getAlignmentState(await getDb(), doc.id);
  const overview = reviewOverview(state);
  const queue = reviewQueue(overview);
  const source = state.witnesses.find((w) => w.role === 'source');
  const translation = state.witnesses.find((w) => w.role === 'translation');
  const textOf = (rowKey: string, witnessId: number | undefined) => {
    const row = state.rows.find((r) => r.key === rowKey);
    const text = (witnessId === undefined ? [] : (row?.members[witnessId] ?? []))
      .map((k) => state.segments[k]?.text ?? '')
      .join(' ')
      .trim();
    return text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1)}…` : text;
  };
  const items: QueueItem[] = queue.slice(0, QUEUE_LENGTH).map((r) => ({
    key: r.key,
    label: r.label,
    href: editRowHref(slug, r.index, r.anchor),
    status: r.rowStatus,
    note: r.note,
    flagged: r.flagged,
    delta: r.delta,
    source: textOf(r.key, source?.id),
    translation: textOf(r.key, translation?.id),
  }));
  const { counts } = overview;
  const total = overview.rows.length;
  const pct = (x: number) => (total ? Math.round((x / total) * 100) : 0);

  return (
    <article className={styles.page} data-testid="review-page" data-rev={state.rev}>
      <header className={styles.header}>
        <p className="doc-kicker">Review · revision {state.rev}</p>
        <h1>
          Review <bdi>{doc.title}</bdi>
        </h1>
        <nav aria-label="Document" className={styles.nav}>
          <Link href={documentPagePath(slug, 'edit')}>Edit</Link>
          <Link href={documentPagePath(slug, 'edit/source')}>Source text</Link>
          <Link href={documentPath(slug)}>Read</Link>
        </nav>
      </header>
      <section aria-labelledby="overview-head">
        <h2 id="overview-head">Overview</h2>
        <p data-testid="review-counts">
          {total} rows: {counts.verified} verified ({pct(counts.verified)} %), {counts.unverified} unverified, {counts.auto} auto,{' '}
          {counts.placeholder} with a placeholder; {overview.flagged} flagged.
        </p>
        <OverviewPicture overview={overview} slug={slug} />
        <ul className={review.legend} aria-label="Legend">
          {(['placeholder', ...ROW_STATUSES] as const).map((s) => (
            <li key={s}>
              <svg className={review.swatch} viewBox="0 0 10 10" aria-hidden="true">
                <rect className={review[`mark-${s}`]} width={10} height={10} />
              </svg>
              {s}
            </li>
          ))}
          <li>
            <svg className={review.swatch} viewBox="0 0 10 10" aria-hidden="true">
              <circle className={review.flag} cx={5} cy={5} r={4} />
            </svg>
            flagged: lengths unlikely for {source ? languageName(source.lang) : 'the source'}–
            {translation ? languageName(translation.lang) : 'the translation'} (|deviation| &gt; {FLAG_AT}), or one side empty
          </li>
        </ul>
        <p className={styles.muted}>
          Height: how far a row&apos;s {translation ? languageName(translation.lang) : 'translation'} length is from what its source
          length predicts ({overview.ratio.toFixed(2)} characters per source character in this document); up is longer, down is
          shorter.
        </p>
      </section>
      <section aria-labelledby="queue-head">
        <h2 id="queue-head">Review queue</h2>
        <ReviewQueue
          slug={slug}
          baseRev={state.rev}
          items={items}
          remaining={queue.length}
          sourceLang={source?.lang ?? 'und'}
          translationLang={translation?.lang ?? 'und'}
        />
      </section>
    </article>
  );
}

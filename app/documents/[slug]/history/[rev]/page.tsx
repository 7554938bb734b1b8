/**
 * One revision: who made it, when and what; what it changed against the
 * revision before (rows and texts); and the whole document as it read at
 * that revision, with the changed rows highlighted.
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AlignedGrid } from '@/app/_components/aligned-grid';
import { getCurrentUser } from '@/app/_auth/current-user';
import { getDb } from '@/db';
import { getAlignmentState } from '@/db/queries/alignment';
import { loadDocument } from '@/app/documents/[slug]/_data/load-document';
import { getMetadataAt } from '@/db/queries/document-metadata';
import { getRevision, getRevisionDiff } from '@/db/queries/revisions';
import { metadataChanges } from '@/lib/alignment/ops/edit-metadata';
import { ExportLinks } from '../../_components/export-links';
import { DetailsDiff } from '../_components/details-diff';
import { hasRole } from '@/lib/auth/action-pipeline';
import { RevertButton } from '../_components/revert-button';
import { RevisionDiffView } from '../_components/revision-diff';
import { When } from '../_components/when';
import styles from '../_components/history.module.css';
import { documentPagePath, documentPath, revisionPath } from '@/lib/citation/urls';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string; rev: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, rev } = await params;
  const doc = await loadDocument(slug);
  return { title: doc ? `Revision ${rev}: ${doc.title}` : 'Not found' };
}

export default async function RevisionPage({ params }: Props) {
  const { slug, rev: revParam } = await params;
  if (!/^\d{1,9}$/.test(revParam)) notFound();
  const rev = Number(revParam);
  const db = await getDb();
  const doc = await loadDocument(slug);
  if (!doc || rev < 1 || rev > doc.currentRev) notFound();
  const [revision, diff, state, user, detailsBefore, detailsAfter] = await Promise.all([
    getRevision(db, doc.id, rev),
    getRevisionDiff(db, doc.id, rev),
    getAlignmentState(db, doc.id, rev),
    getCurrentUser(),
    rev > 1 ? getMetadataAt(db, doc.id, rev - 1) : null,
    getMetadataAt(db, doc.id, rev),
  ]);
  const detailChanges = detailsBefore && detailsAfter ? metadataChanges(detailsBefore, detailsAfter) : [];
  if (!revision) notFound();
  const changedRows = diff.rows.filter((r) => r.after).map((r) => r.key);
  const witnessIds = [...state.witnesses].sort((a, b) => a.position - b.position).map((w) => w.id);
  const editor = user && hasRole(user, 'editor');

  return (
    <article data-testid="revision-page" data-rev={rev}>
      <header className={styles.header}>
        <p className="doc-kicker">
          Revision {rev} of {doc.currentRev}
        </p>
        <h1 dir="auto">{doc.title}</h1>
        <p className={styles.meta}>
          <strong data-testid="revision-summary">{revision.summary}</strong>
          <br />
          by {revision.author}, <When date={revision.createdAt} />
        </p>
        <nav aria-label="Revisions" className={styles.nav}>
          <Link href={documentPagePath(slug, 'history')}>All revisions</Link>
          {rev > 1 ? <Link href={revisionPath(slug, rev - 1)}>← Revision {rev - 1}</Link> : null}
          {rev < doc.currentRev ? <Link href={revisionPath(slug, rev + 1)}>Revision {rev + 1} →</Link> : null}
          <Link href={documentPath(slug)}>Current text</Link>
        </nav>
        {editor && rev < doc.currentRev ? <RevertButton slug={slug} baseRev={doc.currentRev} toRev={rev} /> : null}
      </header>
      <section className={styles.diff} aria-labelledby="changes-title">
        <h2 id="changes-title">{rev > 1 ? `Changes from revision ${rev - 1}` : 'Changes'}</h2>
        <DetailsDiff changes={detailChanges} />
        {/* A revision that only corrected the details changed no rows or texts: its table above says all. */}
        {detailChanges.length && !diff.rows.length && !diff.segments.length ? null : <RevisionDiffView diff={diff} />}
      </section>
      <section className={styles.asOf} aria-labelledby="as-of-title">
        <h2 id="as-of-title">The document as of revision {rev}</h2>
        <ExportLinks slug={slug} rev={rev} />
        <AlignedGrid state={state} witnessIds={witnessIds} view="parallel" highlightRowKeys={changedRows} />
      </section>
    </article>
  );
}

/**
 * A document's history: every revision with who, when and what, newest
 * first; each links to the document as of that revision and its diff.
 * Editors can undo their own last edit and revert to any revision.
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getCurrentUser } from '@/app/_auth/current-user';
import { getDb } from '@/db';
import { lastUndoableRevision } from '@/db/edits/history-edits';
import { getDocumentBySlug } from '@/db/queries/documents';
import { listRevisions } from '@/db/queries/revisions';
import { hasRole } from '@/lib/auth/action-pipeline';
import { UndoButton } from '../edit/_components/undo-button';
import { RevertButton } from './_components/revert-button';
import { When } from './_components/when';
import styles from './_components/history.module.css';
import { documentPagePath, documentPath, revisionPath } from '@/lib/citation/urls';

export const dynamic = 'force-dynamic';

const PAGE = 50;

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const doc = await getDocumentBySlug(await getDb(), slug);
  return { title: doc ? `History: ${doc.title}` : 'Not found' };
}

export default async function HistoryPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { before } = await searchParams;
  const db = await getDb();
  const doc = await getDocumentBySlug(db, slug);
  if (!doc) notFound();
  const beforeRev = typeof before === 'string' && /^\d+$/.test(before) ? Number(before) : undefined;
  const user = await getCurrentUser();
  const editor = user && hasRole(user, 'editor') ? user : null;
  const [revisionList, undoTarget] = await Promise.all([
    listRevisions(db, doc.id, { limit: PAGE, beforeRev }),
    editor ? lastUndoableRevision(db, doc.id, editor.id) : Promise.resolve(null),
  ]);
  const oldest = revisionList[revisionList.length - 1];

  return (
    <article data-testid="history">
      <header className={styles.header}>
        <p className="doc-kicker">History · {doc.currentRev} revisions</p>
        <h1 dir="auto">{doc.title}</h1>
        <nav aria-label="Document" className={styles.nav}>
          <Link href={documentPath(slug)}>Read</Link>
          {editor ? <Link href={documentPagePath(slug, 'edit')}>Edit</Link> : null}
        </nav>
        {editor ? <UndoButton slug={slug} target={undoTarget} /> : null}
      </header>
      <table className={styles.table}>
        <caption className="sr-only">Revisions of this document, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Revision</th>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            {editor ? <th scope="col">Revert</th> : null}
          </tr>
        </thead>
        <tbody>
          {revisionList.map((r) => (
            <tr key={r.rev} data-testid="revision" data-rev={r.rev} data-op={r.opType}>
              <td>
                <Link href={revisionPath(slug, r.rev)}>Revision {r.rev}</Link>
                {r.rev === doc.currentRev ? <span className={styles.current}>current</span> : null}
              </td>
              <td>
                <When date={r.createdAt} />
              </td>
              <td>{r.author}</td>
              <td>
                {r.summary}
                {r.undoneIn ? <span className={styles.undone}>undone in revision {r.undoneIn}</span> : null}
              </td>
              {editor ? (
                <td>{r.rev < doc.currentRev ? <RevertButton slug={slug} baseRev={doc.currentRev} toRev={r.rev} /> : null}</td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {oldest && oldest.rev > 1 ? (
        <p className={styles.pager}>
          <Link href={documentPagePath(slug, 'history', `before=${oldest.rev}`)}>Older revisions</Link>
        </p>
      ) : null}
    </article>
  );
}

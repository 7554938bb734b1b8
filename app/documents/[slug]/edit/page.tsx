/**
 * The edit mode of a document: editors only (anonymous → sign in and come
 * back; anyone else → not found). The reader's facing pages with controls
 * on every row and segment; every edit is made against the revision shown.
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getCurrentUser } from '@/app/_auth/current-user';
import { getDb } from '@/db';
import { lastUndoableRevision } from '@/db/edits/history-edits';
import { getAlignmentWindowWithContext } from '@/db/queries/window';
import { getDocumentOutline } from '@/db/read-path/reader';
import { loadDocument } from '@/app/documents/[slug]/_data/load-document';
import { hasRole } from '@/lib/auth/action-pipeline';
import { EditGrid } from './_components/edit-grid';
import { EditKeyboard } from './_components/edit-keyboard';
import { EditorProvider } from './_components/editor-context';
import { ShortcutsHelp } from './_components/shortcuts-help';
import { UndoButton } from './_components/undo-button';
import styles from './_components/edit.module.css';
import { PAGE_TURNS } from './_data/edit-pages';

export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const doc = await loadDocument(slug);
  return { title: doc ? `Edit: ${doc.title}` : 'Not found', robots: { index: false } };
}

export default async function EditPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { page: pageParam } = await searchParams;
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/documents/${slug}/edit`)}`);
  if (!hasRole(user, 'editor')) notFound();
  const db = await getDb();
  const doc = await loadDocument(slug);
  if (!doc) notFound();
  const { lastTurn } = await getDocumentOutline(db, doc.id, doc.currentRev);
  const pages = Math.max(1, Math.ceil(lastTurn / PAGE_TURNS));
  const page = Math.min(pages, Math.max(1, typeof pageParam === 'string' && /^\d+$/.test(pageParam) ? Number(pageParam) : 1));
  const turns = { first: (page - 1) * PAGE_TURNS + 1, last: Math.min(lastTurn, page * PAGE_TURNS) };
  // Only this page's turns and one turn either side (row edits act on neighbours), at the revision shown.
  const [{ state, range }, undoTarget] = await Promise.all([
    getAlignmentWindowWithContext(db, doc.id, doc.currentRev, turns, lastTurn),
    lastUndoableRevision(db, doc.id, user.id),
  ]);
  const pager =
    pages > 1 ? (
      <nav aria-label="Pages of rows" className={styles.nav}>
        <span>
          Turns {turns.first}–{turns.last} of {lastTurn}
        </span>
        {page > 1 ? <Link href={`/documents/${slug}/edit?page=${page - 1}`}>Previous rows</Link> : null}
        {page < pages ? <Link href={`/documents/${slug}/edit?page=${page + 1}`}>Next rows</Link> : null}
      </nav>
    ) : null;

  return (
    <article className={styles.page} data-testid="editor" data-rev={state.rev}>
      <header className={styles.header}>
        <p className="doc-kicker">Editing · revision {state.rev}</p>
        <h1>{doc.title}</h1>
        <nav aria-label="Document" className={styles.nav}>
          <Link href={`/documents/${slug}`}>Read</Link>
          <Link href={`/documents/${slug}/history`}>History</Link>
          <Link href={`/documents/${slug}/edit/source`}>Source text</Link>
          <Link href={`/documents/${slug}/edit/review`}>Review</Link>
          <Link href={`/documents/${slug}/edit/words`}>Word links</Link>
        </nav>
        <UndoButton slug={slug} target={undoTarget} />
      </header>
      {pager}
      <EditorProvider slug={slug} baseRev={state.rev}>
        <EditGrid state={state} range={range} />
      </EditorProvider>
      {pager}
      <EditKeyboard />
      <ShortcutsHelp />
    </article>
  );
}

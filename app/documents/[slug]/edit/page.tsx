/**
 * The edit mode of a document: editors only (anonymous → sign in and come
 * back; anyone else → not found). The reader's facing pages with controls
 * on every row and segment; every edit is made against the revision shown.
 */
import Link from 'next/link';
import { getDb } from '@/db';
import { lastUndoableRevision } from '@/db/edits/history-edits';
import { getAlignmentWindowWithContext } from '@/db/queries/window';
import { getDocumentShape } from '@/db/read-path/reader';
import { EditGrid } from './_components/edit-grid';
import { EditKeyboard } from './_components/edit-keyboard';
import { EditorProvider } from './_components/editor-context';
import { ShortcutsHelp } from './_components/shortcuts-help';
import { UndoButton } from './_components/undo-button';
import styles from './_components/edit.module.css';
import { PAGE_TURNS } from './_data/edit-pages';
import { editorPageMetadata, requireEditorPage, type EditorPageProps } from './_data/editor-page';
import { documentPagePath, documentPath } from '@/lib/citation/urls';

export const dynamic = 'force-dynamic';

type Props = EditorPageProps;

export const generateMetadata = editorPageMetadata('Edit');

export default async function EditPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { page: pageParam } = await searchParams;
  const { user, doc } = await requireEditorPage(slug, 'edit');
  const db = await getDb();
  const { lastTurn } = await getDocumentShape(db, doc.id, doc.currentRev);
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
        {page > 1 ? <Link href={documentPagePath(slug, 'edit', `page=${page - 1}`)}>Previous rows</Link> : null}
        {page < pages ? <Link href={documentPagePath(slug, 'edit', `page=${page + 1}`)}>Next rows</Link> : null}
      </nav>
    ) : null;

  return (
    <article className={styles.page} data-testid="editor" data-rev={state.rev}>
      <header className={styles.header}>
        <p className="doc-kicker">Editing · revision {state.rev}</p>
        <h1 dir="auto">{doc.title}</h1>
        <nav aria-label="Document" className={styles.nav}>
          <Link href={documentPath(slug)}>Read</Link>
          <Link href={documentPagePath(slug, 'history')}>History</Link>
          <Link href={documentPagePath(slug, 'edit/source')}>Source text</Link>
          <Link href={documentPagePath(slug, 'edit/review')}>Review</Link>
          <Link href={documentPagePath(slug, 'edit/words')}>Word links</Link>
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

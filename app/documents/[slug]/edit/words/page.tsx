/**
 * Word links of one passage (five turns from ?at=T…), for editors: select
 * source words and translation words and confirm, unlink, review the
 * passage's suggestions. Each action is a revision made against the
 * revision shown; the words and links come from the same read as the reader's.
 */
import { documentPagePath, documentPath } from '@/lib/citation/urls';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getCurrentUser } from '@/app/_auth/current-user';
import { getDb } from '@/db';
import { lastUndoableRevision } from '@/db/edits/history-edits';
import { getAlignmentWindow } from '@/db/queries/window';
import { stripRevision, wordLinksOfRows } from '@/db/queries/word-links';
import { getDocumentOutline } from '@/db/read-path/reader';
import { loadDocument } from '@/app/documents/[slug]/_data/load-document';
import { rowLabel } from '@/lib/alignment/labels';
import { parseAtParam } from '@/lib/alignment/turn-window';
import { hasRole } from '@/lib/auth/action-pipeline';
import { rowWordsPayload } from '@/lib/word-links/payload';
import { EditorProvider } from '../_components/editor-context';
import { UndoButton } from '../_components/undo-button';
import styles from '../_components/edit.module.css';
import { WordEditor, type WordEditorRow } from './word-editor';

export const dynamic = 'force-dynamic';

const PASSAGE_TURNS = 5;

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const doc = await loadDocument((await params).slug);
  return { title: doc ? `Word links: ${doc.title}` : 'Not found', robots: { index: false } };
}

export default async function WordLinksPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = await searchParams;
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(documentPagePath(slug, 'edit/words'))}`);
  if (!hasRole(user, 'editor')) notFound();
  const db = await getDb();
  const doc = await loadDocument(slug);
  if (!doc) notFound();
  const { lastTurn } = await getDocumentOutline(db, doc.id, doc.currentRev);
  const first = Math.min(Math.max(1, parseAtParam(query.at) ?? 1), Math.max(1, lastTurn));
  const turns = { first, last: Math.min(lastTurn, first + PASSAGE_TURNS - 1) };
  const [state, undoTarget] = await Promise.all([
    getAlignmentWindow(db, doc.id, doc.currentRev, turns),
    lastUndoableRevision(db, doc.id, user.id),
  ]);
  const links = (
    await wordLinksOfRows(
      db,
      doc.id,
      state.rows.map((r) => r.key),
      null,
    )
  ).map(stripRevision);
  const rows: WordEditorRow[] = state.rows.map((row) => {
    const payload = rowWordsPayload(row, state, links);
    return {
      key: row.key,
      label: rowLabel(row, state),
      links: payload.links,
      cells: state.witnesses.map((w) => ({
        witnessId: w.id,
        lang: w.lang,
        label: w.label,
        side: w.role === 'source' ? ('source' as const) : ('target' as const),
        segments: (row.members[w.id] ?? []).flatMap((key) => {
          const seg = state.segments[key];
          return seg ? [{ key, text: seg.isPlaceholder ? '' : seg.text, words: payload.words[key] ?? [] }] : [];
        }),
      })),
    };
  });
  const here = (turn: number) => documentPagePath(slug, 'edit/words', `at=T${turn}`);

  return (
    <article className={styles.page} data-testid="word-editor" data-rev={state.rev}>
      <header className={styles.header}>
        <p className="doc-kicker">Word links · revision {state.rev}</p>
        <h1>{doc.title}</h1>
        <nav aria-label="Document" className={styles.nav}>
          <Link href={documentPath(slug)}>Read</Link>
          <Link href={documentPagePath(slug, 'edit')}>Edit rows</Link>
          <Link href={documentPagePath(slug, 'history')}>History</Link>
        </nav>
        <UndoButton slug={slug} target={undoTarget} />
      </header>
      <nav aria-label="Passages" className={styles.nav}>
        <span>
          Turns {turns.first}–{turns.last} of {lastTurn}
        </span>
        {turns.first > 1 ? <Link href={here(Math.max(1, turns.first - PASSAGE_TURNS))}>Previous turns</Link> : null}
        {turns.last < lastTurn ? <Link href={here(turns.last + 1)}>Next turns</Link> : null}
      </nav>
      <EditorProvider slug={slug} baseRev={state.rev}>
        <WordEditor rows={rows} />
      </EditorProvider>
    </article>
  );
}

import { notFound } from 'next/navigation';
import { AlignedGrid, gridColumns } from '@/app/_components/aligned-grid';
import { WordLinks } from '@/app/_components/word-links';
import { getDb } from '@/db';
import { getReaderWindow } from '@/db/read-path/reader';
import { loadDocument } from '@/app/documents/[slug]/_data/load-document';
import { parseAtParam } from '@/lib/alignment/turn-window';
import { citableRefs, rowRefs } from '@/lib/alignment/row-refs';
import { parseReaderParams, readerHref } from '@/lib/render/reader-params';
import { DocumentCitationScript, documentCitationMetadata } from './_citation/document-metadata';
import { CitePassageForm } from './_components/cite-passage-form';
import { DocumentHeader } from './_components/document-header';
import { ExportLinks } from './_components/export-links';
import { HashLanding } from './_components/hash-landing';
import { DocumentEditLinks } from './edit/_components/document-edit-links';
import { ReaderToolbar } from './_components/reader-toolbar';
import { RowActions } from './_components/row-actions';
import { StatusLegend } from './_components/status-legend';
import { WindowNav } from './_components/window-nav';

export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** Highwire citation_* tags, Open Graph, canonical and citation-file links (app/documents/[slug]/_citation). */
export async function generateMetadata({ params }: Props) {
  return documentCitationMetadata((await params).slug);
}

/**
 * The reader: one window of a few hundred turns (all of a short document),
 * read and cached once per revision (db/read-path/reader.ts).
 */
export default async function ReaderPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = await searchParams;
  const db = await getDb();
  const doc = await loadDocument(slug);
  if (!doc) notFound();
  const { outline, window, state } = await getReaderWindow(db, doc, doc.currentRev, parseAtParam(query.at));
  const choice = parseReaderParams(query, state.witnesses);
  const whole = !window.previous && !window.next;
  const refs = whole ? citableRefs(state.rows.flatMap((row) => rowRefs(row, state))) : [];
  const hrefAt = (turn: number) => {
    const base = readerHref(doc.slug, choice, state.witnesses);
    return `${base}${base.includes('?') ? '&' : '?'}at=T${turn}`;
  };

  return (
    <article className="reader" data-testid="reader" data-window={`${window.first}-${window.last}`}>
      <DocumentCitationScript slug={doc.slug} />
      <DocumentHeader doc={doc} outline={outline} />
      <DocumentEditLinks slug={doc.slug} />
      <ReaderToolbar slug={doc.slug} choice={choice} witnesses={state.witnesses} />
      <ExportLinks slug={doc.slug} />
      <WindowNav window={window} hrefAt={hrefAt} position="top" />
      <AlignedGrid
        state={state}
        witnessIds={choice.witnessIds}
        view={choice.view}
        rowActions={(_row, rowRefList) => <RowActions slug={doc.slug} refs={rowRefList} />}
      />
      <WordLinks slug={doc.slug} rev={state.rev} columns={gridColumns(state, choice.witnessIds, choice.view).map((w) => w.id)} />
      <WindowNav window={window} hrefAt={hrefAt} position="bottom" />
      <HashLanding first={window.first} last={window.last} />
      <footer className="reader-footer">
        <StatusLegend />
        <CitePassageForm slug={doc.slug} refs={refs} lastTurn={outline.lastTurn} />
      </footer>
    </article>
  );
}

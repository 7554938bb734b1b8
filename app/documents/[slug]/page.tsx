import { notFound } from 'next/navigation';
import { AlignedGrid } from '@/app/_components/aligned-grid';
import { getDb } from '@/db';
import { getAlignmentState } from '@/db/queries/alignment';
import { loadDocument } from '@/app/documents/[slug]/_data/load-document';
import { citableRefs, rowRefs } from '@/lib/alignment/row-refs';
import { parseReaderParams } from '@/lib/render/reader-params';
import { DocumentCitationScript, documentCitationMetadata } from './_citation/document-metadata';
import { CitePassageForm } from './_components/cite-passage-form';
import { DocumentHeader } from './_components/document-header';
import { ExportLinks } from './_components/export-links';
import { DocumentEditLinks } from './edit/_components/document-edit-links';
import { ReaderToolbar } from './_components/reader-toolbar';
import { RowActions } from './_components/row-actions';
import { StatusLegend } from './_components/status-legend';

export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** Highwire citation_* tags, Open Graph, canonical and citation-file links (app/documents/[slug]/_citation). */
export async function generateMetadata({ params }: Props) {
  return documentCitationMetadata((await params).slug);
}

export default async function ReaderPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const db = await getDb();
  const doc = await loadDocument(slug);
  if (!doc) notFound();
  const state = await getAlignmentState(db, doc.id);
  const choice = parseReaderParams(await searchParams, state.witnesses);
  const refs = citableRefs(state.rows.flatMap((row) => rowRefs(row, state)));

  return (
    <article className="reader" data-testid="reader">
      <DocumentCitationScript slug={doc.slug} />
      <DocumentHeader doc={doc} state={state} />
      <DocumentEditLinks slug={doc.slug} />
      <ReaderToolbar slug={doc.slug} choice={choice} witnesses={state.witnesses} />
      <ExportLinks slug={doc.slug} />
      <AlignedGrid
        state={state}
        witnessIds={choice.witnessIds}
        view={choice.view}
        rowActions={(_row, rowRefList) => <RowActions slug={doc.slug} refs={rowRefList} />}
      />
      <footer className="reader-footer">
        <StatusLegend />
        <CitePassageForm slug={doc.slug} refs={refs} />
      </footer>
    </article>
  );
}

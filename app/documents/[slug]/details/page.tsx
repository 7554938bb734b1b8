/**
 * Correct a document's details (editors only; anonymous → sign in and come
 * back): title, date, place, participants, archive reference, translator,
 * publisher, source note, and each column's language and label. Saving is a
 * revision like any edit: in the history, undoable, and pinned citations
 * keep the details they were made with.
 */
import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { getCurrentUser } from '@/app/_auth/current-user';
import { getDb } from '@/db';
import { getWitnesses } from '@/db/queries/alignment';
import { getMetadataAt } from '@/db/queries/document-metadata';
import { loadDocument } from '@/app/documents/[slug]/_data/load-document';
import { hasRole } from '@/lib/auth/action-pipeline';
import { DetailsForm } from './_components/details-form';
import { documentPagePath } from '@/lib/citation/urls';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const doc = await loadDocument((await params).slug);
  return { title: doc ? `Details: ${doc.title}` : 'Not found', robots: { index: false } };
}

export default async function DetailsPage({ params }: Props) {
  const { slug } = await params;
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(documentPagePath(slug, 'details'))}`);
  if (!hasRole(user, 'editor')) notFound();
  const doc = await loadDocument(slug);
  if (!doc) notFound();
  const db = await getDb();
  const [meta, witnesses] = await Promise.all([getMetadataAt(db, doc.id, null), getWitnesses(db, doc.id)]);
  if (!meta) notFound();
  return (
    <>
      <p className="doc-kicker">Document details · revision {doc.currentRev}</p>
      <h1 id="details-heading" className="page-title">
        {doc.title}
      </h1>
      <DetailsForm
        slug={slug}
        rev={doc.currentRev}
        details={meta}
        witnesses={witnesses.map((w) => ({ id: w.id, lang: w.lang, label: w.label, role: w.role }))}
      />
    </>
  );
}

/**
 * Import a document (editors only; anonymous → sign in and come back):
 * upload or paste, preview with warnings, import. See docs/formats.md.
 */
import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { getCurrentUser } from '@/app/_auth/current-user';
import { hasRole } from '@/lib/auth/action-pipeline';
import { ImportForm } from './_components/import-form';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Import a document', robots: { index: false } };

export default async function ImportPage() {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent('/import')}`);
  if (!hasRole(user, 'editor')) notFound();
  return (
    <>
      <h1 id="import-heading" className="page-title">
        Import a document
      </h1>
      <p className="page-lede">
        A memorandum becomes a translation column and a placeholder column, one row per turn: speaker labels as
        <code>**Name**:</code>, <code>Name:</code>, <code>Name.</code> or <code>NAME.</code>, participants from the title or a
        PARTICIPANTS list, front matter kept as details, <code>[Page 12]</code> kept as page breaks. A Diptych JSON export or a TMX
        file imports as it is. Nothing is saved until you press Import.
      </p>
      <ImportForm />
    </>
  );
}

/**
 * The checks every editor-only page under /edit makes: signed in (else sign
 * in and come back), editor role (else not found), the document exists.
 */
import 'server-only';
import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { getCurrentUser, type SessionUser } from '@/app/_auth/current-user';
import { loadDocument } from '@/app/documents/[slug]/_data/load-document';
import { hasRole } from '@/lib/auth/action-pipeline';
import { documentPagePath, type DocumentPage } from '@/lib/citation/urls';

export async function requireEditorPage(
  slug: string,
  path: DocumentPage,
): Promise<{ user: SessionUser; doc: NonNullable<Awaited<ReturnType<typeof loadDocument>>> }> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(documentPagePath(slug, path))}`);
  if (!hasRole(user, 'editor')) notFound();
  const doc = await loadDocument(slug);
  if (!doc) notFound();
  return { user, doc };
}

/** The props of an editor page: the document's slug, and the query string where the page reads one. */
export type EditorPageProps = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** generateMetadata for an editor page: "<heading>: <document title>", never indexed. */
export function editorPageMetadata(heading: string): (props: Pick<EditorPageProps, 'params'>) => Promise<Metadata> {
  return async ({ params }) => {
    const { slug } = await params;
    const doc = await loadDocument(slug);
    return { title: doc ? `${heading}: ${doc.title}` : 'Not found', robots: { index: false } };
  };
}

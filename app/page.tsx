import Link from 'next/link';
import { getDb } from '@/db';
import { listDocuments } from '@/db/queries/documents';

export const dynamic = 'force-dynamic';

export default async function LibraryPage() {
  const docs = await listDocuments(await getDb());
  return (
    <>
      <h1>Library</h1>
      <ul>
        {docs.map((doc) => (
          <li key={doc.slug}>
            <Link href={`/documents/${doc.slug}`}>{doc.title}</Link>
          </li>
        ))}
      </ul>
    </>
  );
}

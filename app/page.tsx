import Link from 'next/link';
import { Fact } from '@/app/_components/fact';
import { ImportLink } from '@/app/_components/import-link';
import { getDb } from '@/db';
import { listLibraryDocuments } from '@/db/queries/library';
import { formatDocumentDate, formatList, progressPhrase, verifiedPhrase } from '@/lib/render/format';
import { languageName } from '@/lib/render/lang';
import { documentPath } from '@/lib/citation/urls';

export const dynamic = 'force-dynamic';

export default async function LibraryPage() {
  const docs = await listLibraryDocuments(await getDb());
  return (
    <>
      <h1 className="page-title">Library</h1>
      <p className="page-lede">Translated historical documents read beside their sources, aligned passage by passage.</p>
      <ImportLink />
      {docs.length === 0 ? <p>No documents yet.</p> : null}
      <ul className="library">
        {docs.map((doc) => {
          const date = formatDocumentDate(doc.date);
          return (
            <li key={doc.slug} className="library-entry" data-testid="library-entry">
              <h2>
                <Link href={documentPath(doc.slug)}>
                  <bdi>{doc.title}</bdi>
                </Link>
              </h2>
              <dl className="doc-meta">
                {date ? <Fact term="Date" value={<time dateTime={doc.date ?? undefined}>{date}</time>} /> : null}
                {doc.participants.length ? <Fact term="Participants" value={formatList(doc.participants)} /> : null}
                <Fact term="Languages" value={formatList(doc.witnesses.map((w) => `${languageName(w.lang)} (${w.role})`))} />
                {doc.archiveRef ? <Fact term="Archive" value={doc.archiveRef} /> : null}
                {doc.translator ? <Fact term="Translator" value={doc.translator} /> : null}
                {doc.isExcerpt ? <Fact term="Extent" value={<span className="badge badge--excerpt">Excerpt</span>} /> : null}
                <Fact
                  term="Reviewed"
                  value={<span data-testid="review-share">{verifiedPhrase(doc.review.verified, doc.review.rows)}</span>}
                />
                {doc.sources.map((s) => (
                  <Fact
                    key={s.witnessId}
                    term="Source"
                    value={<span data-testid="source-progress">{`${s.label}: ${progressPhrase(s.transcribed, s.turns)}`}</span>}
                  />
                ))}
              </dl>
            </li>
          );
        })}
      </ul>
    </>
  );
}

import type { Metadata } from 'next';
import { getDb } from '@/db';
import { listDocuments } from '@/db/queries/documents';
import { MAX_QUERY_LENGTH, type SearchFilters } from '@/db/queries/search';
import { findPeople, speakerOptions } from '@/db/queries/search-speakers';
import { cachedSearch } from '@/db/read-path/search';
import { formatDocumentDate } from '@/lib/render/format';
import { controlCharacterMessage, withoutControlCharacters } from '@/lib/text/control-characters';
import { PeopleMatches } from './_components/people-matches';
import { SearchFilterFields } from './_components/search-filters';
import { SearchHitItem } from './_components/search-hit';
import { documentPath } from '@/lib/citation/urls';

export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = withoutControlCharacters(firstValue((await searchParams).q));
  return { title: q ? `“${q.slice(0, 60)}” — Search` : 'Search' };
}

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  const rawQ = firstValue(params.q).slice(0, MAX_QUERY_LENGTH);
  // A control character (a NUL from a crafted link) cannot be searched for, nor even sent to PostgreSQL: say so instead.
  const refused =
    controlCharacterMessage(rawQ, 'The search text') ??
    controlCharacterMessage(firstValue(params.doc), 'The document filter') ??
    controlCharacterMessage(firstValue(params.speaker), 'The speaker filter');
  const q = refused ? withoutControlCharacters(rawQ) : rawQ;
  const filters: SearchFilters = refused
    ? {}
    : { document: firstValue(params.doc) || undefined, speaker: firstValue(params.speaker) || undefined };
  const db = await getDb();
  const asked = !refused && (q.trim() !== '' || filters.speaker !== undefined);
  const [results, people, documents, speakers] = await Promise.all([
    asked ? cachedSearch(db, q, filters) : null,
    asked && q.trim() ? findPeople(db, q) : null,
    listDocuments(db),
    speakerOptions(db, filters.document),
  ]);
  const documentCount = results?.groups.length ?? 0;
  const what = [q.trim() ? `“${results?.query ?? q}”` : null, filters.speaker ? `turns of ${filters.speaker}` : null]
    .filter(Boolean)
    .join(' in ');

  return (
    <>
      <h1 className="page-title">Search</h1>
      <form role="search" aria-label="Search the texts" method="get" action="/search" className="search-form">
        <label htmlFor="search-q">Words or phrase</label>
        <input id="search-q" type="search" name="q" defaultValue={q} maxLength={MAX_QUERY_LENGTH} />
        <SearchFilterFields documents={documents} speakers={speakers} filters={filters} />
        <button type="submit">Search</button>
      </form>
      <p className="page-lede">
        Searches every transcribed text in its own language (English, Russian and French words match their other forms). Use quotes for
        a phrase, <code>or</code> for either word, and <code>-word</code> to exclude one. Placeholders are not searched. A speaker’s or
        participant’s name (Gorbachev, Горбачев) lists them too.
      </p>
      {refused ? (
        <p className="search-summary" role="alert" data-testid="search-refused">
          {refused}; it cannot be searched for. Remove it and search again.
        </p>
      ) : null}
      {people ? <PeopleMatches {...people} /> : null}
      {results ? (
        <p className="search-summary" role="status" data-testid="search-summary">
          {results.total === 0
            ? `No passages found for ${what}.`
            : `${results.truncated ? 'First ' : ''}${results.total} ${results.total === 1 ? 'passage' : 'passages'} in ${documentCount} ${documentCount === 1 ? 'document' : 'documents'} for ${what}.`}
        </p>
      ) : null}
      {results?.groups.map((group) => {
        const date = formatDocumentDate(group.date);
        const headingId = `result-${group.slug}`;
        return (
          <section key={group.slug} className="search-group" aria-labelledby={headingId} data-testid="search-group">
            <h2 id={headingId}>
              <a href={documentPath(group.slug)}>
                <bdi>{group.title}</bdi>
              </a>
            </h2>
            <p className="search-group-meta">
              {date ? `${date} · ` : ''}
              {group.hits.length} {group.hits.length === 1 ? 'passage' : 'passages'}
            </p>
            <ol className="hits">
              {group.hits.map((hit) => (
                <SearchHitItem key={hit.segmentKey} slug={group.slug} hit={hit} />
              ))}
            </ol>
          </section>
        );
      })}
    </>
  );
}

function firstValue(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

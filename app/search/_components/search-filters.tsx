import type { DocumentMeta } from '@/db/queries/documents';
import type { SpeakerOption } from '@/db/queries/search-speakers';
import type { SearchFilters } from '@/db/queries/search';

/** Narrow the results to one document and/or one speaker: plain selects in the search form (GET, no script). */
export function SearchFilterFields({
  documents,
  speakers,
  filters,
}: {
  documents: DocumentMeta[];
  speakers: SpeakerOption[];
  filters: SearchFilters;
}) {
  return (
    <span className="search-filters">
      <label htmlFor="search-doc">Document</label>
      <select id="search-doc" name="doc" defaultValue={filters.document ?? ''}>
        <option value="">All documents</option>
        {documents.map((d) => (
          <option key={d.slug} value={d.slug}>
            {d.title}
          </option>
        ))}
      </select>
      <label htmlFor="search-speaker">Speaker</label>
      <select id="search-speaker" name="speaker" defaultValue={filters.speaker ?? ''}>
        <option value="">Any speaker</option>
        {speakers.map((s) => (
          <option key={s.speaker} value={s.speaker}>
            {s.speaker}
          </option>
        ))}
      </select>
    </span>
  );
}

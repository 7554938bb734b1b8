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
      <FilterSelect
        id="search-doc"
        name="doc"
        label="Document"
        anyLabel="All documents"
        value={filters.document}
        options={documents.map((d) => ({ value: d.slug, label: d.title }))}
      />
      <FilterSelect
        id="search-speaker"
        name="speaker"
        label="Speaker"
        anyLabel="Any speaker"
        value={filters.speaker}
        options={speakers.map((s) => ({ value: s.speaker, label: s.speaker }))}
      />
    </span>
  );
}

/** One labelled select whose first, empty option means "no filter". */
function FilterSelect(props: {
  id: string;
  name: string;
  label: string;
  anyLabel: string;
  value: string | null | undefined;
  options: { value: string; label: string }[];
}) {
  return (
    <>
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} name={props.name} defaultValue={props.value ?? ''}>
        <option value="">{props.anyLabel}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </>
  );
}

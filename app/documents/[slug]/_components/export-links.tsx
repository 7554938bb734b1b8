/**
 * Download the whole document (at a revision, or current) in each export
 * format (docs/formats.md). Plain links: no JavaScript needed.
 */
const FORMATS = [
  { format: 'tei', label: 'TEI P5 (XML)', hint: 'both texts, speakers, editorial marks, page breaks and the alignment' },
  { format: 'tmx', label: 'TMX 1.4b', hint: 'one translation unit per row, for translation memories' },
  { format: 'csv', label: 'CSV', hint: 'one line per row, one column per text, for spreadsheets' },
  { format: 'json', label: 'JSON', hint: 'everything, lossless; imports back as it was' },
] as const;

export function exportHref(slug: string, format: string, rev: number | null): string {
  return `/api/documents/${encodeURIComponent(slug)}/export?format=${format}${rev === null ? '' : `&rev=${rev}`}`;
}

export function ExportLinks({ slug, rev = null }: { slug: string; rev?: number | null }) {
  return (
    <details className="column-picker export-links" data-testid="export-links">
      <summary>Download{rev === null ? '' : ` revision ${rev}`}</summary>
      <ul>
        {FORMATS.map((f) => (
          <li key={f.format}>
            <a href={exportHref(slug, f.format, rev)} download data-format={f.format}>
              {f.label}
            </a>{' '}
            <small>{f.hint}</small>
          </li>
        ))}
      </ul>
    </details>
  );
}

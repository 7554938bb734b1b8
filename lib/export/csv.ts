/**
 * CSV: one line per alignment row, one column per witness (its segments'
 * text, joined by a blank line), plus the row's references, status and
 * note. Placeholders are empty cells, never text; a column per witness says
 * which cells are placeholders. Written by csv-stringify (RFC 4180 quoting).
 */
import { stringify } from 'csv-stringify/sync';
import { referenceWitness, type DocumentBundle } from '@/lib/document/bundle';

function refOf(cell: DocumentBundle['rows'][number]['cells'][number]): string {
  const refs = cell.map((s) => (s.sentenceNo == null ? `T${s.turnNo}` : `T${s.turnNo}.${s.sentenceNo}`));
  if (refs.length <= 1) return refs[0] ?? '';
  return `${refs[0]}-${refs.at(-1)}`;
}

export function exportCsv(bundle: DocumentBundle): string {
  const ref = referenceWitness(bundle);
  const header = [
    'ref',
    'status',
    'note',
    ...bundle.witnesses.flatMap((w) => [`${w.lang}: ${w.label}`, `${w.lang} speaker`, `${w.lang} placeholder`]),
  ];
  const lines = bundle.rows.map((row) => [
    refOf(row.cells[ref] ?? []),
    row.status,
    row.note ?? '',
    ...bundle.witnesses.flatMap((_, w) => {
      const cell = row.cells[w] ?? [];
      return [
        cell
          .filter((s) => !s.isPlaceholder)
          .map((s) => s.text)
          .join('\n\n'),
        [...new Set(cell.map((s) => s.speaker ?? ''))].join(' / '),
        cell.length > 0 && cell.every((s) => s.isPlaceholder) ? 'yes' : '',
      ];
    }),
  ]);
  return stringify([header, ...lines], { bom: false, record_delimiter: 'windows' });
}

/**
 * RIS from citation-js's CSL → RIS mapping (@citation-js/plugin-ris, as
 * tag objects), written out by us for two reasons:
 * - the plugin's own text output hard-wraps every value at 70 characters,
 *   mid-word ("…Fra\nncois Mitterrand"), which reference managers read back
 *   as a broken title;
 * - its mapping has no tag for the translator or the archive location, and
 *   for manuscripts it puts the archive where the publisher goes. We add the
 *   tags Zotero reads for them (A4 translator, DB archive, AN archive
 *   location) and keep PB for the publisher.
 */
import { Cite, type CSL } from '@citation-js/core';
import '@citation-js/plugin-ris';
import { invertedName } from './names';

type RisRecord = Record<string, string | string[]>;

/** Tags in the order they are written: type first, then creators, titles, dates, the rest; ER closes. */
const ORDER = ['TY', 'AU', 'A4', 'TI', 'DA', 'PY', 'PB', 'DB', 'AN', 'ET', 'LA', 'UR', 'N1', 'ID'];

export function risRecord(item: CSL): RisRecord {
  // plugin-ris ships no types: its output format is registered at run time.
  const cite = new Cite(item);
  const format = cite.format.bind(cite) as unknown as (name: 'ris', options: object) => RisRecord[];
  const [base] = format('ris', { format: 'object', spec: 'mixed' });
  const record: RisRecord = { ...base };
  if (item.translator?.length) record.A4 = item.translator.map(invertedName);
  if (item.publisher) record.PB = item.publisher;
  else delete record.PB;
  if (item.archive) record.DB = item.archive;
  if (item.archive_location) record.AN = item.archive_location;
  // The plugin derives ID from the item id, cut at its first punctuation; the citation key is unique per passage and revision.
  if (item['citation-key']) record.ID = item['citation-key'];
  return record;
}

/** One value per line, `TAG  - value`; line breaks inside a value become spaces (RIS is line-based). */
export function formatRis(record: RisRecord): string {
  const tags = Object.keys(record).filter((t) => t !== 'ER');
  tags.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const lines: string[] = [];
  for (const tag of tags) {
    for (const value of ([] as string[]).concat(record[tag]!)) {
      lines.push(`${tag}  - ${String(value).replace(/\s*[\r\n]+\s*/g, ' ')}`);
    }
  }
  lines.push('ER  - ');
  return `${lines.join('\n')}\n`;
}

function rank(tag: string): number {
  const i = ORDER.indexOf(tag);
  return i === -1 ? ORDER.length : i;
}

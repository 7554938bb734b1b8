/**
 * Which words of the hits' texts a search matched, decided by PostgreSQL's
 * own stemming (so "bombs" highlights "bombing"), for the snippets that
 * lib/render/snippet.ts cuts from the exact text. One round trip per
 * text-search configuration among the hits, over their distinct words.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../connect';
import { rowsOf } from './rows-of';

/** Words of a text as the snippet builder sees them (Intl word segments). */
export function wordsOf(text: string): string[] {
  return [...new Intl.Segmenter(undefined, { granularity: 'word' }).segment(text)].filter((w) => w.isWordLike).map((w) => w.segment);
}

type Row = { word: string | null; lexemes: string[] | null; tree: string };

/**
 * The words (lower-cased) whose lexemes the query asks for, per configuration.
 * Negated terms (-word) are not highlighted.
 */
export async function matchedWords(
  db: Db,
  query: string,
  wordsByConfig: ReadonlyMap<string, ReadonlySet<string>>,
): Promise<Map<string, Set<string>>> {
  const result = new Map<string, Set<string>>();
  for (const [config, words] of wordsByConfig) {
    const cfg = sql.raw(`'${config.replace(/[^a-z]/g, '')}'::regconfig`);
    const list = JSON.stringify([...words]);
    const rows = await db.execute(sql`
      select w.word, tsvector_to_array(to_tsvector(${cfg}, w.word)) as lexemes,
             querytree(websearch_to_tsquery(${cfg}, ${query}))::text as tree
      from json_array_elements_text(${list}::json) as w(word)`);
    const records = rowsOf<Row>(rows);
    const wanted = new Set(positiveLexemes(records[0]?.tree ?? ''));
    const matched = new Set<string>();
    for (const r of records) {
      if (r.word && r.lexemes?.some((l) => wanted.has(l))) matched.add(r.word.toLowerCase());
    }
    result.set(config, matched);
  }
  return result;
}

/** The lexemes of a querytree text ('bomb' & !'war' <-> 'iraq'), without the negated ones. */
export function positiveLexemes(tree: string): string[] {
  const out: string[] = [];
  for (const m of tree.matchAll(/(!?)\s*'((?:[^']|'')*)'/g)) if (!m[1]) out.push(m[2]!.replaceAll("''", "'"));
  return out;
}

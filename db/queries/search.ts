/**
 * Bilingual full-text search over the current text of every witness.
 * Each segment is matched with the text-search configuration of its
 * witness's language (english, russian, french; simple otherwise), so
 * stemming follows the language. Placeholders never match. Each hit comes
 * with its row's counterparts in the other witnesses: a concordance line.
 */
import { sql, type SQL } from 'drizzle-orm';
import { rowRefs } from '@/lib/alignment/row-refs';
import type { AlignmentRow, RowStatus, Segment, Witness } from '@/lib/alignment/types';
import { buildSnippet } from '@/lib/render/snippet';
import {
  FALLBACK_TEXT_SEARCH_CONFIG,
  TEXT_SEARCH_CONFIG_NAMES,
  TEXT_SEARCH_CONFIGS,
  textSearchConfig,
  type TextSearchConfig,
} from '@/lib/search/text-search-configs';
import type { Db } from '../connect';
import { rowsOf } from './rows-of';
import { matchedWords, wordsOf } from './search-highlight';

export { textSearchConfig };
type Config = TextSearchConfig;
const FALLBACK_CONFIG = FALLBACK_TEXT_SEARCH_CONFIG;

export const MAX_QUERY_LENGTH = 200;
export const DEFAULT_HIT_LIMIT = 100;
/** Matches ranked per text-search configuration, at most (limit before ranking). */
export const MAX_RANKED = 1_000;

export interface SearchWitness {
  id: number;
  lang: string;
  label: string;
  role: Witness['role'];
}

export interface Counterpart {
  witness: SearchWitness;
  /** The row's segments in this witness, in reading order; empty: an omission. */
  segments: Pick<Segment, 'key' | 'speaker' | 'text' | 'isPlaceholder'>[];
}

export interface SearchHit {
  segmentKey: string;
  witness: SearchWitness;
  speaker: string | null;
  /** The snippet: the exact text around the first match, matches wrapped in HIGHLIGHT_START/STOP sentinels. */
  headline: string;
  /** Text was left out before / after the snippet. */
  cutBefore: boolean;
  cutAfter: boolean;
  /** The row's turn refs (T5, T5.2); empty when the row has no translation segment. */
  refs: string[];
  /** Element id of the row in the reader (its first ref, or row-<key>). */
  anchor: string;
  rowStatus: RowStatus | null;
  counterparts: Counterpart[];
  rank: number;
}

export interface SearchGroup {
  slug: string;
  title: string;
  date: string | null;
  hits: SearchHit[];
}

export interface SearchResults {
  query: string;
  groups: SearchGroup[];
  /** Number of hits shown. */
  total: number;
  /** True when more segments matched than the limit. */
  truncated: boolean;
}

/** The primary-subtag test a witness must pass to be searched with `config`. */
function languageMatches(config: Config): SQL {
  const primary = sql`lower(split_part(w.lang, '-', 1))`;
  const entries = Object.entries(TEXT_SEARCH_CONFIGS);
  if (config === FALLBACK_CONFIG) {
    return sql`${primary} not in (${sql.join(
      entries.map(([lang]) => sql`${lang}`),
      sql`, `,
    )})`;
  }
  const langs = entries.filter(([, c]) => c === config).map(([lang]) => sql`${lang}`);
  return sql`${primary} in (${sql.join(langs, sql`, `)})`;
}

/**
 * One branch per configuration, each written so PostgreSQL can use that
 * configuration's partial GIN index (segments_fts_<config>_idx), then joined.
 * Exported for the test that checks the plan.
 */
export function matchBranch(config: Config, query: string, filters: SearchFilters = {}): SQL {
  const cfg = sql.raw(`'${config}'::regconfig`);
  // No words but a speaker: that speaker's turns, in reading order (rank by position, best first).
  const rank = query ? sql`ts_rank(to_tsvector(${cfg}, s.text), websearch_to_tsquery(${cfg}, ${query}))` : sql`-s.turn_no`;
  const match = query ? sql`and to_tsvector(${cfg}, s.text) @@ websearch_to_tsquery(${cfg}, ${query})` : sql``;
  return sql`
    select s.id, s.key, s.document_id, s.witness_id, s.speaker, s.turn_no, s.sentence_no, ${config}::text as cfg,
           ${rank} as rank
    from segments s
    join witnesses w on w.id = s.witness_id
    where s.rev_to is null and not s.is_placeholder
      and ${languageMatches(config)}
      ${match}${filterConditions(filters)}`;
}

/** Narrowing a search to one document and/or one speaker's turns. */
export interface SearchFilters {
  /** A document's slug. */
  document?: string;
  /** A speaker's name in any witness: the turn's segments in every witness qualify (its Russian name finds the English text). */
  speaker?: string;
}

function filterConditions({ document, speaker }: SearchFilters): SQL {
  const parts: SQL[] = [];
  if (document) parts.push(sql` and s.document_id = (select id from documents where slug = ${document})`);
  if (speaker) {
    parts.push(sql` and exists (select 1 from segments o where o.document_id = s.document_id and o.turn_no = s.turn_no
                                and o.rev_to is null and o.speaker = ${speaker})`);
  }
  return sql.join(parts, sql``);
}

type HitRecord = {
  key: string;
  document_id: number;
  witness_id: number;
  speaker: string | null;
  turn_no: number;
  rank: number;
  cfg: string;
  text: string;
  slug: string;
  title: string;
  date: string | null;
  lang: string;
  label: string;
  role: Witness['role'];
  position: number;
};

type WitnessRecord = {
  id: number;
  document_id: number;
  lang: string;
  label: string;
  role: Witness['role'];
  position: number;
  is_placeholder_witness: boolean;
};

type RowMemberRecord = {
  hit_key: string;
  row_key: string;
  row_order_key: string;
  status: RowStatus;
  witness_id: number;
  key: string;
  order_key: string;
  turn_no: number;
  sentence_no: number | null;
  speaker: string | null;
  text: string;
  is_placeholder: boolean;
};

export async function searchSegments(
  db: Db,
  rawQuery: string,
  options: { limit?: number; filters?: SearchFilters } = {},
): Promise<SearchResults> {
  const query = rawQuery.trim().slice(0, MAX_QUERY_LENGTH);
  const limit = options.limit ?? DEFAULT_HIT_LIMIT;
  const filters = options.filters ?? {};
  if (query === '' && !filters.speaker) return { query, groups: [], total: 0, truncated: false };

  const configs: Config[] = [...new Set(TEXT_SEARCH_CONFIG_NAMES)];
  // Rank only the first matches of each configuration: a common word in a book matches thousands of
  // segments, and ranking them all costs more than the page is worth (the results say they are cut).
  const branches = sql.join(
    configs.map((c) => sql`(${matchBranch(c, query, filters)} limit ${MAX_RANKED})`),
    sql` union all `,
  );
  // Rank and cut first; ts_headline (the costly part) runs only on the hits kept.
  const hitRows = rowsOf<HitRecord>(
    await db.execute(sql`
      with matched as (${branches}),
      top as (select * from matched order by rank desc, id limit ${limit + 1})
      select t.key, t.document_id, t.witness_id, t.speaker, t.turn_no, t.rank::float8 as rank, t.cfg, s.text,
             d.slug, d.title, d.date, w.lang, w.label, w.role, w.position
      from top t
      join segments s on s.id = t.id
      join documents d on d.id = t.document_id
      join witnesses w on w.id = t.witness_id
      order by t.rank desc, t.id`),
  );
  const truncated = hitRows.length > limit;
  const kept = hitRows.slice(0, limit);
  if (kept.length === 0) return { query, groups: [], total: 0, truncated: false };

  const members = rowsOf<RowMemberRecord>(
    await db.execute(sql`
      select m.segment_key as hit_key, r.key as row_key, r.order_key as row_order_key, r.status,
             om.witness_id, os.key, os.order_key, os.turn_no, os.sentence_no, os.speaker, os.text, os.is_placeholder
      from alignment_members m
      join alignment_rows r on r.id = m.row_version_id and r.rev_to is null
      join alignment_members om on om.row_version_id = r.id
      join segments os on os.key = om.segment_key and os.rev_to is null
      where m.segment_key in (${sql.join(
        kept.map((h) => sql`${h.key}`),
        sql`, `,
      )})`),
  );

  const wordsByConfig = new Map<string, Set<string>>();
  for (const hit of kept) {
    const words = wordsByConfig.get(hit.cfg) ?? new Set<string>();
    for (const word of wordsOf(hit.text)) words.add(word);
    wordsByConfig.set(hit.cfg, words);
  }
  const matched = query ? await matchedWords(db, query, wordsByConfig) : new Map<string, Set<string>>();

  const documentIds = [...new Set(kept.map((h) => h.document_id))];
  const witnessRows = rowsOf<WitnessRecord>(
    await db.execute(sql`
      select id, document_id, lang, label, role, position, is_placeholder_witness
      from witnesses where document_id in (${sql.join(
        documentIds.map((id) => sql`${id}`),
        sql`, `,
      )})
      order by position`),
  );

  const groups = new Map<number, SearchGroup & { order: Map<string, string> }>();
  for (const hit of kept) {
    const rowMembers = members.filter((m) => m.hit_key === hit.key);
    const built = buildRow(
      rowMembers,
      witnessRows.filter((w) => w.document_id === hit.document_id),
    );
    const hitWitness: SearchWitness = { id: hit.witness_id, lang: hit.lang, label: hit.label, role: hit.role };
    const refs = built ? rowRefs(built.row, built) : [];
    const counterparts: Counterpart[] = built
      ? built.witnesses
          .filter((w) => w.id !== hit.witness_id)
          .map((w) => ({
            witness: { id: w.id, lang: w.lang, label: w.label, role: w.role },
            segments: (built.row.members[w.id] ?? []).map((k) => {
              const s = built.segments[k]!;
              return { key: s.key, speaker: s.speaker, text: s.text, isPlaceholder: s.isPlaceholder };
            }),
          }))
      : [];
    const group = groups.get(hit.document_id) ?? {
      slug: hit.slug,
      title: hit.title,
      date: hit.date,
      hits: [],
      order: new Map<string, string>(),
    };
    group.order.set(hit.key, `${rowMembers[0]?.row_order_key ?? '~'}\u0000${String(hit.position).padStart(6, '0')}`);
    const words = matched.get(hit.cfg);
    const snippet = buildSnippet(hit.text, (word) => words?.has(word.toLowerCase()) ?? false);
    group.hits.push({
      segmentKey: hit.key,
      witness: hitWitness,
      speaker: hit.speaker,
      headline: snippet.marked,
      cutBefore: snippet.cutBefore,
      cutAfter: snippet.cutAfter,
      refs,
      anchor: refs[0] ?? (built ? `row-${built.row.key}` : ''),
      rowStatus: built?.row.status ?? null,
      counterparts,
      rank: Number(hit.rank),
    });
    groups.set(hit.document_id, group);
  }

  // Documents by their best hit (hits arrive best first); hits in reading order within a document.
  const ordered = [...groups.values()].map(({ order, ...group }) => ({
    ...group,
    hits: [...group.hits].sort((a, b) => {
      const ka = order.get(a.segmentKey)!;
      const kb = order.get(b.segmentKey)!;
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    }),
  }));
  return { query, groups: ordered, total: kept.length, truncated };
}

/** Rebuilds the hit's alignment row and the segments it names from member records. */
function buildRow(records: RowMemberRecord[], documentWitnesses: WitnessRecord[]) {
  const first = records[0];
  if (!first) return null;
  const witnessList: Witness[] = documentWitnesses.map((w) => ({
    id: w.id,
    lang: w.lang,
    label: w.label,
    role: w.role,
    position: w.position,
    isPlaceholderWitness: w.is_placeholder_witness,
  }));
  const segmentMap: Record<string, Segment> = {};
  const members: Record<number, string[]> = {};
  for (const r of records) {
    segmentMap[r.key] = {
      key: r.key,
      witnessId: r.witness_id,
      orderKey: r.order_key,
      turnNo: r.turn_no,
      sentenceNo: r.sentence_no,
      speaker: r.speaker,
      text: r.text,
      isPlaceholder: r.is_placeholder,
      revFrom: 0,
    };
    (members[r.witness_id] ??= []).push(r.key);
  }
  for (const keys of Object.values(members)) {
    keys.sort((a, b) => (segmentMap[a]!.orderKey < segmentMap[b]!.orderKey ? -1 : 1));
  }
  const row: AlignmentRow = {
    key: first.row_key,
    orderKey: first.row_order_key,
    status: first.status,
    note: null,
    revFrom: 0,
    members,
  };
  return { row, witnesses: witnessList, segments: segmentMap };
}

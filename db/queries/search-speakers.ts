/**
 * People a search names: the speakers of turns (in any witness: "Горбачев"
 * is the Russian name of the speaker "Gorbachev") and the participants of
 * documents. The search page lists them above the text hits, each with a
 * link that filters the results to that speaker's turns.
 */
import { sql } from 'drizzle-orm';
import { queryNamesPerson } from '@/lib/render/name-match';
import type { Db } from '../connect';
import { rowsOf } from './rows-of';

export interface SpeakerMatch {
  slug: string;
  title: string;
  /** The name as stored in the matching witness. */
  speaker: string;
  witnessLabel: string;
  turns: number;
}

export interface ParticipantMatch {
  slug: string;
  title: string;
  participant: string;
}

export interface SpeakerOption {
  speaker: string;
  turns: number;
}

type SpeakerRecord = { slug: string; title: string; speaker: string; label: string; turns: number };

/** Speakers of every document (one entry per document, witness and name), with their number of turns. */
async function speakerRecords(db: Db, slug?: string): Promise<SpeakerRecord[]> {
  return rowsOf<SpeakerRecord>(
    await db.execute(sql`
      select d.slug, d.title, s.speaker, w.label, count(distinct s.turn_no)::int as turns
      from segments s
      join documents d on d.id = s.document_id
      join witnesses w on w.id = s.witness_id
      where s.rev_to is null and s.speaker is not null ${slug ? sql`and d.slug = ${slug}` : sql``}
      group by d.slug, d.title, s.speaker, w.label, w.position
      order by d.slug, w.position, s.speaker`),
  );
}

export async function findPeople(db: Db, query: string): Promise<{ speakers: SpeakerMatch[]; participants: ParticipantMatch[] }> {
  const speakers = (await speakerRecords(db))
    .filter((r) => queryNamesPerson(query, r.speaker))
    .map((r) => ({ slug: r.slug, title: r.title, speaker: r.speaker, witnessLabel: r.label, turns: Number(r.turns) }));
  const docs = rowsOf<{ slug: string; title: string; participants: string[] | string }>(
    await db.execute(sql`select slug, title, participants from documents order by title`),
  );
  const participants: ParticipantMatch[] = [];
  for (const d of docs) {
    const list = typeof d.participants === 'string' ? (JSON.parse(d.participants) as string[]) : d.participants;
    for (const participant of list)
      if (queryNamesPerson(query, participant)) participants.push({ slug: d.slug, title: d.title, participant });
  }
  return { speakers, participants };
}

/** The speakers to filter by, over all documents or one: each name once, with its number of turns. */
export async function speakerOptions(db: Db, slug?: string): Promise<SpeakerOption[]> {
  const byName = new Map<string, number>();
  for (const r of await speakerRecords(db, slug)) byName.set(r.speaker, (byName.get(r.speaker) ?? 0) + Number(r.turns));
  return [...byName].map(([speaker, turns]) => ({ speaker, turns }));
}

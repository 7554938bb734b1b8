import type { ParticipantMatch, SpeakerMatch } from '@/db/queries/search-speakers';
import { documentPath } from '@/lib/citation/urls';

/** Speakers and participants the query names, each with a link to that speaker's turns. */
export function PeopleMatches({ speakers, participants }: { speakers: SpeakerMatch[]; participants: ParticipantMatch[] }) {
  if (!speakers.length && !participants.length) return null;
  return (
    <section className="search-people" aria-labelledby="search-people-title" data-testid="search-people">
      <h2 id="search-people-title">People</h2>
      <ul>
        {speakers.map((s) => (
          <li key={`${s.slug}|${s.speaker}|${s.witnessLabel}`} data-testid="speaker-match">
            <a href={`/search?${new URLSearchParams({ speaker: s.speaker, doc: s.slug })}`}>
              <bdi>{s.speaker}</bdi>
            </a>{' '}
            speaks in {s.turns} {s.turns === 1 ? 'turn' : 'turns'} of{' '}
            <a href={documentPath(s.slug)}>
              <bdi>{s.title}</bdi>
            </a>{' '}
            ({s.witnessLabel})
          </li>
        ))}
        {participants.map((p) => (
          <li key={`${p.slug}|${p.participant}`} data-testid="participant-match">
            {p.participant} takes part in{' '}
            <a href={documentPath(p.slug)}>
              <bdi>{p.title}</bdi>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

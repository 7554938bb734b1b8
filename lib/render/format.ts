/** Formatting of document facts for display (English interface). */
import type { AlignmentState, Witness } from '@/lib/alignment/types';

import { isoDateParts, UTC_FORMATS } from '@/lib/dates';

/** '1991-01-18' → '18 January 1991'; anything not an ISO date is shown as stored. */
export function formatDocumentDate(iso: string | null): string | null {
  if (!iso) return null;
  const parts = isoDateParts(iso);
  if (!parts) return iso;
  const date = new Date(Date.UTC(parts[0], parts[1] - 1, parts[2]));
  return Number.isNaN(date.getTime()) ? iso : UTC_FORMATS.longDate.format(date);
}

/** 'A', 'A and B', 'A, B and C'. */
export function formatList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export interface TranscriptionProgress {
  witness: Witness;
  /** Turns the witness has segments for. */
  turns: number;
  /** Turns with no placeholder segment left. */
  transcribed: number;
}

/** For each source witness: how many of its turns hold real text rather than placeholders. */
export function transcriptionProgress(state: Pick<AlignmentState, 'witnesses' | 'segments'>): TranscriptionProgress[] {
  return state.witnesses
    .filter((w) => w.role === 'source')
    .map((witness) => {
      const turns = new Set<number>();
      const pending = new Set<number>();
      for (const s of Object.values(state.segments)) {
        if (s.witnessId !== witness.id) continue;
        turns.add(s.turnNo);
        if (s.isPlaceholder) pending.add(s.turnNo);
      }
      return { witness, turns: turns.size, transcribed: turns.size - pending.size };
    });
}

/** "source: 0 of 10 turns transcribed" style phrase. */
export function progressPhrase(transcribed: number, turns: number): string {
  return `${transcribed} of ${turns} ${turns === 1 ? 'turn' : 'turns'} transcribed`;
}

/** "40 % of rows verified (12 of 30)": the library's review progress, rounded down so 99.9 % never reads 100 %. */
export function verifiedPhrase(verified: number, rows: number): string {
  const pct = rows === 0 ? 0 : Math.floor((verified / rows) * 100);
  return `${pct} % of rows verified (${verified} of ${rows})`;
}

/** Cuts text to at most `maxWords` words, marking the cut with an ellipsis. */
export function excerptWords(text: string, maxWords: number): { text: string; cut: boolean } {
  const words = text.split(/(\s+)/);
  // split with a capture group alternates word, space, word...
  const wordCount = Math.ceil(words.length / 2);
  if (wordCount <= maxWords) return { text, cut: false };
  // The cut is shown by the caller with its own mark, never as "…" (which reads as an editorial elision).
  return { text: words.slice(0, maxWords * 2 - 1).join(''), cut: true };
}

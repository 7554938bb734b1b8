/**
 * What a reader sees of a passage, as a comparable string: its rows in
 * order, each row's status and note, and per witness the segments with their
 * numbers, speakers and text. Keys and revision numbers are left out, so a
 * revert that restores the same alignment under new keys compares equal.
 * Two fingerprints differ exactly when the passage would render differently.
 */
import type { AlignmentRow, AlignmentState } from '@/lib/alignment/types';

export function passageFingerprint(state: AlignmentState, rows: readonly AlignmentRow[]): string {
  const witnesses = [...state.witnesses].sort((a, b) => a.position - b.position);
  return JSON.stringify(
    rows.map((row) => ({
      status: row.status,
      note: row.note,
      cells: witnesses.map((w) =>
        (row.members[w.id] ?? []).map((key) => {
          const s = state.segments[key];
          return s ? [s.turnNo, s.sentenceNo, s.speaker, s.text, s.isPlaceholder] : null;
        }),
      ),
    })),
  );
}

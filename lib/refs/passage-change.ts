/**
 * What changed in a passage between the revision a citation pinned and now,
 * in the words a reader needs: its text, its alignment (how rows group the
 * segments, how turns are divided into sentences), a row's status, a row's
 * note. Pure; compares what is shown, like fingerprint.ts, aspect by aspect.
 */
import type { AlignmentRow, AlignmentState } from '@/lib/alignment/types';

export type PassageChangeKind = 'text' | 'alignment' | 'status' | 'note';
export const PASSAGE_CHANGE_KINDS: readonly PassageChangeKind[] = ['text', 'alignment', 'status', 'note'];

interface Shown {
  state: AlignmentState;
  rows: readonly AlignmentRow[];
  /** The turns the passage names: their text is compared, not that of turns merged into its rows since. */
  turns: readonly number[];
}

export function passageChangeKinds(pinned: Shown, current: Shown | null): PassageChangeKind[] {
  if (!current) return ['alignment'];
  const kinds = new Set<PassageChangeKind>();
  const witnesses = [...pinned.state.witnesses].sort((a, b) => a.position - b.position);
  // The words shown per witness, and who speaks them (once per run: a split turn repeats no speaker).
  const text = (shown: Shown, witnessId: number) => {
    const shownSegments = shown.rows
      .flatMap((r) => r.members[witnessId] ?? [])
      .map((k) => shown.state.segments[k])
      .filter((s): s is NonNullable<typeof s> => s !== undefined && shown.turns.includes(s.turnNo));
    const speakers = shownSegments.map((s) => s.speaker ?? '').filter((sp, i, all) => i === 0 || all[i - 1] !== sp);
    return JSON.stringify([speakers, shownSegments.map((s) => (s.isPlaceholder ? '\u0000' : s.text)).join('')]);
  };
  // How rows group the segments and where segments end: the alignment. Boundaries by length are compared
  // only when the text is unchanged (a corrected word moves every offset after it, not a boundary).
  const cells = (shown: Shown, measure: (text: string) => number) =>
    JSON.stringify(
      shown.rows.map((r) => witnesses.map((w) => (r.members[w.id] ?? []).map((k) => measure(shown.state.segments[k]?.text ?? '')))),
    );
  if (witnesses.some((w) => text(pinned, w.id) !== text(current, w.id))) kinds.add('text');
  const shape = (shown: Shown) => cells(shown, () => 1);
  const bounds = (shown: Shown) => cells(shown, (t) => t.length);
  if (shape(pinned) !== shape(current) || (!kinds.has('text') && bounds(pinned) !== bounds(current))) kinds.add('alignment');
  const byKey = new Map(current.rows.map((r) => [r.key, r]));
  const sameShape = pinned.rows.length === current.rows.length;
  pinned.rows.forEach((row, i) => {
    const now = byKey.get(row.key) ?? (sameShape ? current.rows[i] : undefined);
    if (!now) return;
    if (now.status !== row.status) kinds.add('status');
    if ((now.note ?? '') !== (row.note ?? '')) kinds.add('note');
  });
  // Regrouping resets a row's status (merge and split leave it unverified): that is part of the alignment change.
  if (kinds.has('alignment')) kinds.delete('status');
  return PASSAGE_CHANGE_KINDS.filter((k) => kinds.has(k));
}

const PHRASES: Record<PassageChangeKind, string> = {
  text: 'text',
  alignment: 'alignment',
  status: 'alignment status',
  note: 'note',
};

/** "the text and the alignment status": the kinds joined for the notice. */
export function describeChangeKinds(kinds: readonly PassageChangeKind[]): string {
  const words = kinds.map((k) => PHRASES[k]);
  if (words.length <= 1) return `the ${words[0] ?? 'alignment'}`;
  return `the ${words.slice(0, -1).join(', the ')} and the ${words[words.length - 1]}`;
}

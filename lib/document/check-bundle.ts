/**
 * A bundle from outside (a JSON export someone edited, a TMX file) must make
 * a consistent document before it is stored: the alignment invariants that
 * every edit keeps (lib/alignment/invariants.ts) are checked on it, with
 * keys that name the place in the file ("rows[3].cells[1][0]"), and a
 * placeholder may hold no text (placeholders are never passed off as text).
 */
import { findViolations } from '@/lib/alignment/invariants';
import type { AlignmentState, Segment } from '@/lib/alignment/types';
import type { DocumentBundle } from '@/lib/document/bundle';
import { orderKeysBetween } from '@/lib/keys/ids';

export function bundleProblems(bundle: DocumentBundle): string[] {
  const problems: string[] = [];
  const witnesses = bundle.witnesses.map((w, i) => ({
    id: i + 1,
    lang: w.lang,
    role: w.role,
    label: w.label,
    isPlaceholderWitness: w.isPlaceholderWitness,
    position: i,
  }));
  const rowKeys = bundle.rows.length ? orderKeysBetween(null, null, bundle.rows.length) : [];
  const segments: Record<string, Segment> = {};
  const perWitness = bundle.witnesses.map(() => 0);
  const counts = bundle.witnesses.map((_, w) => bundle.rows.reduce((n, r) => n + (r.cells[w]?.length ?? 0), 0));
  const segmentKeys = counts.map((n) => (n ? orderKeysBetween(null, null, n) : []));
  const rows = bundle.rows.map((row, r) => {
    const members: Record<number, string[]> = {};
    row.cells.forEach((cell, w) => {
      members[w + 1] = cell.map((s, k) => {
        const key = `rows[${r}].cells[${w}][${k}]`;
        if (s.isPlaceholder && s.text !== '') problems.push(`${key} is a placeholder but has text`);
        if (!s.isPlaceholder && s.text.trim() === '') problems.push(`${key} has no text and is not a placeholder`);
        segments[key] = { key, witnessId: w + 1, orderKey: segmentKeys[w]![perWitness[w]!++]!, ...s, revFrom: 1 };
        return key;
      });
    });
    return { key: `rows[${r}]`, orderKey: rowKeys[r]!, status: row.status, note: row.note, revFrom: 1, members };
  });
  const state: AlignmentState = { rev: 1, witnesses, rows, segments };
  return [...problems, ...findViolations(state, { complete: true })];
}

/**
 * Undo and revert as change sets. Both restore earlier versions of some
 * keys and are written as a NEW revision: history is never rewritten.
 *  - revert to r: every key changed after r goes back to its version at r,
 *    so the whole state equals the state at r;
 *  - undo of revision X: the keys X changed go back to their versions just
 *    before X, but only if nobody changed them since (their content now is
 *    still what X left); otherwise the undo is refused, naming the passage.
 */
import { applyChangeSet, diffVersions, sameRow, sameSegment, type ChangeSet, type NewRow, type NewSegment } from './change-set';
import { findViolations } from './invariants';
import type { EditWindow } from './window';
import { segmentLabel } from './labels';
import { segmentRef, type Segment, type Witness } from './types';

export interface KeyedVersions {
  rows: ReadonlyMap<string, NewRow>;
  segments: ReadonlyMap<string, NewSegment>;
}

/** The change set making `current` equal `target` for every key present in either (absent: did not exist). */
export function restoreChangeSet(current: KeyedVersions, target: KeyedVersions): ChangeSet {
  return diffVersions(current, target);
}

/**
 * What restoring `changes` over `window` (the current rows around every key restored, or the whole
 * document) would break: an undo of an earlier revision whose keys nobody touched since can still
 * clash with later edits around them (a later split or merge nearby put other text between), and is
 * then refused rather than written (tests/unit/alignment-properties.test.ts found such a history).
 */
export function restoreViolations(window: EditWindow, changes: ChangeSet): string[] {
  return findViolations(applyChangeSet(window.state, changes, window.state.rev + 1), { bounds: window.bounds });
}

/** Keys whose content now differs from what revision X left (absent on both sides counts as equal). */
export function changedSince(
  keys: { rows: Iterable<string>; segments: Iterable<string> },
  leftByX: KeyedVersions,
  current: KeyedVersions,
): { rows: string[]; segments: string[] } {
  const rows: string[] = [];
  const segments: string[] = [];
  for (const key of keys.rows) {
    const a = leftByX.rows.get(key);
    const b = current.rows.get(key);
    if (a && b ? !sameRow(a, b) : a !== b) rows.push(key);
  }
  for (const key of keys.segments) {
    const a = leftByX.segments.get(key);
    const b = current.segments.get(key);
    if (a && b ? !sameSegment(a, b) : a !== b) segments.push(key);
  }
  return { rows, segments };
}

/** What a revert would do, said before it is confirmed: one line per changed segment, and the rows regrouped. */
export interface RestorePreview {
  segments: string[];
  rows: number;
}

const PREVIEW_LINES = 12;

/** Describes restoring `target` over `current` (as restoreChangeSet would write it), in the words of the history. */
export function describeRestore(
  current: KeyedVersions,
  target: KeyedVersions,
  witnesses: readonly Witness[],
): RestorePreview & { more: number } {
  const changes = restoreChangeSet(current, target);
  const name = (s: Pick<Segment, 'witnessId' | 'turnNo' | 'sentenceNo'> & { revFrom?: number }) =>
    segmentLabel({ ...s, revFrom: 0 } as Segment, { witnesses: [...witnesses] });
  const lines: string[] = [];
  const keys = new Set([...changes.closeSegments, ...changes.insertSegments.map((s) => s.key)]);
  for (const key of keys) {
    const now = current.segments.get(key);
    const then = target.segments.get(key);
    if (now && then) {
      if (now.text !== then.text || now.isPlaceholder !== then.isPlaceholder)
        lines.push(`text of ${name(now)} goes back to “${excerpt(then.isPlaceholder ? '(placeholder)' : then.text)}”`);
      else lines.push(`${name(now)} becomes ${segmentRef(then)} again`);
    } else if (now) {
      lines.push(`${name(now)} is removed (its text joins the segment it came from)`);
    } else if (then) {
      lines.push(`${name(then)} comes back`);
    }
  }
  const rows = new Set([...changes.closeRows, ...changes.insertRows.map((r) => r.key)]).size;
  return { segments: lines.slice(0, PREVIEW_LINES), more: Math.max(0, lines.length - PREVIEW_LINES), rows };
}

function excerpt(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > 80 ? `${t.slice(0, 78)}…` : t;
}

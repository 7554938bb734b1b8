/**
 * Undo and revert as change sets. Both restore earlier versions of some
 * keys and are written as a NEW revision: history is never rewritten.
 *  - revert to r: every key changed after r goes back to its version at r,
 *    so the whole state equals the state at r;
 *  - undo of revision X: the keys X changed go back to their versions just
 *    before X, but only if nobody changed them since (their content now is
 *    still what X left); otherwise the undo is refused, naming the passage.
 */
import { diffVersions, sameRow, sameSegment, type ChangeSet, type NewRow, type NewSegment } from './change-set';

export interface KeyedVersions {
  rows: ReadonlyMap<string, NewRow>;
  segments: ReadonlyMap<string, NewSegment>;
}

/** The change set making `current` equal `target` for every key present in either (absent: did not exist). */
export function restoreChangeSet(current: KeyedVersions, target: KeyedVersions): ChangeSet {
  return diffVersions(current, target);
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

/**
 * The result of every edit: the minimal set of versions to close and to
 * insert. Computed by comparing a window before and after the edit, so an
 * edit on a 20,000-row document writes only the rows and segments whose
 * content actually changed. Undo and revert produce change sets too.
 */
import { byOrderKey } from './order';
import type { AlignmentRow, AlignmentState, Segment } from './types';

export type NewSegment = Omit<Segment, 'revFrom'>;
export type NewRow = Omit<AlignmentRow, 'revFrom'>;

export interface ChangeSet {
  /** Keys whose current version is closed (rev_to = the new revision). */
  closeSegments: string[];
  /** New versions (rev_from = the new revision); a key here that exists is also in closeSegments. */
  insertSegments: NewSegment[];
  closeRows: string[];
  insertRows: NewRow[];
}

export function isEmptyChangeSet(changes: ChangeSet): boolean {
  return (
    changes.closeSegments.length === 0 &&
    changes.insertSegments.length === 0 &&
    changes.closeRows.length === 0 &&
    changes.insertRows.length === 0
  );
}

/** Witness id → keys, without empty cells, witnesses in id order: two rows with the same content compare equal. */
export function normalizeMembers(members: AlignmentRow['members']): AlignmentRow['members'] {
  const result: AlignmentRow['members'] = {};
  for (const id of Object.keys(members)
    .map(Number)
    .sort((a, b) => a - b)) {
    const keys = members[id];
    if (keys && keys.length) result[id] = [...keys];
  }
  return result;
}

export function sameSegment(a: NewSegment, b: NewSegment): boolean {
  return (
    a.key === b.key &&
    a.witnessId === b.witnessId &&
    a.orderKey === b.orderKey &&
    a.turnNo === b.turnNo &&
    a.sentenceNo === b.sentenceNo &&
    a.speaker === b.speaker &&
    a.text === b.text &&
    a.isPlaceholder === b.isPlaceholder
  );
}

export function sameRow(a: NewRow, b: NewRow): boolean {
  return (
    a.key === b.key &&
    a.orderKey === b.orderKey &&
    a.status === b.status &&
    a.note === b.note &&
    JSON.stringify(normalizeMembers(a.members)) === JSON.stringify(normalizeMembers(b.members))
  );
}

/**
 * What to write so that versions `before` become `after`, key by key. A key
 * missing on one side did not exist there. Keys absent from both maps are
 * untouched. Versions are compared by content: an unchanged one is not
 * rewritten.
 */
export function diffVersions(
  before: { rows: ReadonlyMap<string, NewRow>; segments: ReadonlyMap<string, NewSegment> },
  after: { rows: ReadonlyMap<string, NewRow>; segments: ReadonlyMap<string, NewSegment> },
): ChangeSet {
  const changes: ChangeSet = { closeSegments: [], insertSegments: [], closeRows: [], insertRows: [] };
  for (const [key, old] of before.segments) {
    const next = after.segments.get(key);
    if (!next) changes.closeSegments.push(key);
    else if (!sameSegment(old, next)) {
      changes.closeSegments.push(key);
      changes.insertSegments.push(stripSegment(next));
    }
  }
  for (const [key, next] of after.segments) {
    if (!before.segments.has(key)) changes.insertSegments.push(stripSegment(next));
  }
  for (const [key, old] of before.rows) {
    const next = after.rows.get(key);
    if (!next) changes.closeRows.push(key);
    else if (!sameRow(old, next)) {
      changes.closeRows.push(key);
      changes.insertRows.push(stripRow(next));
    }
  }
  for (const [key, next] of after.rows) {
    if (!before.rows.has(key)) changes.insertRows.push(stripRow(next));
  }
  // Closed keys in key order: a window and the whole document hold the same keys in different map orders.
  changes.closeSegments.sort();
  changes.closeRows.sort();
  return changes;
}

/** The change set turning one state (or window) into another. */
export function diffStates(
  before: Pick<AlignmentState, 'rows' | 'segments'>,
  after: Pick<AlignmentState, 'rows' | 'segments'>,
): ChangeSet {
  return diffVersions(versionsOf(before), versionsOf(after));
}

export function versionsOf(state: Pick<AlignmentState, 'rows' | 'segments'>): {
  rows: Map<string, NewRow>;
  segments: Map<string, NewSegment>;
} {
  return {
    rows: new Map(state.rows.map((r) => [r.key, r])),
    segments: new Map(Object.values(state.segments).map((s) => [s.key, s])),
  };
}

/** The state after writing `changes` as revision `rev` (what the database holds afterwards). */
export function applyChangeSet(state: AlignmentState, changes: ChangeSet, rev: number): AlignmentState {
  const segments: Record<string, Segment> = { ...state.segments };
  for (const key of changes.closeSegments) delete segments[key];
  for (const s of changes.insertSegments) segments[s.key] = { ...s, revFrom: rev };
  const closed = new Set(changes.closeRows);
  const rows = state.rows.filter((r) => !closed.has(r.key));
  for (const r of changes.insertRows) rows.push({ ...r, members: normalizeMembers(r.members), revFrom: rev });
  rows.sort(byOrderKey);
  return { ...state, rev, rows, segments };
}

function stripSegment(s: NewSegment): NewSegment {
  return {
    key: s.key,
    witnessId: s.witnessId,
    orderKey: s.orderKey,
    turnNo: s.turnNo,
    sentenceNo: s.sentenceNo,
    speaker: s.speaker,
    text: s.text,
    isPlaceholder: s.isPlaceholder,
  };
}

function stripRow(r: NewRow): NewRow {
  return { key: r.key, orderKey: r.orderKey, status: r.status, note: r.note, members: normalizeMembers(r.members) };
}

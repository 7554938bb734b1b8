/**
 * Turn references of alignment rows. Passages are addressed by the
 * translation's turn and sentence numbers (T5, T5.2), so a row's references
 * are those of its segments in the reference witness: the first translation
 * witness in column order.
 */
import { segmentRef, type AlignmentRow, type AlignmentState, type Witness } from './types';

/** The witness whose turn numbers name passages: the first translation witness. */
export function referenceWitness(state: Pick<AlignmentState, 'witnesses'>): Witness | undefined {
  let best: Witness | undefined;
  for (const w of state.witnesses) {
    if (w.role === 'translation' && (!best || w.position < best.position)) best = w;
  }
  return best;
}

/** The refs (T5, T5.2, ...) of the reference witness's segments in the row, in reading order. */
export function rowRefs(row: AlignmentRow, state: Pick<AlignmentState, 'witnesses' | 'segments'>): string[] {
  const witness = referenceWitness(state);
  if (!witness) return [];
  const refs: string[] = [];
  for (const key of row.members[witness.id] ?? []) {
    const segment = state.segments[key];
    if (segment) refs.push(segmentRef(segment));
  }
  return refs;
}

/** The id a row is reached by: its first ref, or `row-<key>` for a row with no translation segment. */
export function rowAnchor(row: AlignmentRow, state: Pick<AlignmentState, 'witnesses' | 'segments'>): string {
  return rowRefs(row, state)[0] ?? `row-${row.key}`;
}

export interface RowAnchors {
  /** The row element's own id. */
  id: string;
  /** Further ids that must land on this row: the other refs of a merged row, and `T5` for the first sentence row of turn 5. */
  extra: string[];
}

/**
 * Element ids for a sequence of rows, unique across it. A merged row keeps
 * the anchors of every ref it holds (so #T6 still lands on the T5–T6 row),
 * and a turn split into sentences is also reachable as a whole (#T5 lands on
 * the row holding T5.1).
 */
export function rowAnchorIds(
  rows: readonly AlignmentRow[],
  state: Pick<AlignmentState, 'witnesses' | 'segments'>,
): Map<string, RowAnchors> {
  const used = new Set<string>();
  const result = new Map<string, RowAnchors>();
  for (const row of rows) {
    const refs = rowRefs(row, state);
    const candidates = refs.length ? refs.flatMap((ref) => [ref, turnOf(ref)]) : [`row-${row.key}`];
    const ids: string[] = [];
    for (const id of candidates) {
      if (used.has(id)) continue;
      used.add(id);
      ids.push(id);
    }
    // A row whose refs were all taken (cannot happen with unique refs) still needs an id.
    const [id = `row-${row.key}`, ...extra] = ids;
    result.set(row.key, { id, extra });
  }
  return result;
}

/**
 * The refs a reader can cite, in reading order: every row ref, and a turn
 * split into sentences also as a whole (T5 before T5.1), since a turn stays
 * citable whatever it was divided into.
 */
export function citableRefs(refs: readonly string[]): string[] {
  const out: string[] = [];
  let lastTurn: string | null = null;
  for (const ref of refs) {
    const turn = turnOf(ref);
    if (turn !== ref && turn !== lastTurn) out.push(turn);
    lastTurn = turn;
    out.push(ref);
  }
  return out;
}

function turnOf(ref: string): string {
  const dot = ref.indexOf('.');
  return dot === -1 ? ref : ref.slice(0, dot);
}

/**
 * How a row's refs read aloud and in the margin: "T5", "T5–T6", "T5.1–T5.3".
 * Refs of one row are consecutive, so the first and last name the range.
 */
export function refRangeLabel(refs: readonly string[]): string {
  const first = refs[0];
  const last = refs[refs.length - 1];
  if (!first || !last) return '';
  return first === last ? first : `${first}–${last}`;
}

/** Spoken form for assistive technology: "Turn 5", "Turns 5 to 6", "Turn 5, sentences 1 to 3". */
export function refRangeDescription(refs: readonly string[]): string {
  const first = refs[0];
  const last = refs[refs.length - 1];
  if (!first || !last) return 'Passage without a translation reference';
  const a = parseRef(first);
  const b = parseRef(last);
  if (!a || !b) return refRangeLabel(refs);
  if (first === last) return describeRef(a);
  if (a.sentence == null && b.sentence == null) return `Turns ${a.turn} to ${b.turn}`;
  if (a.turn === b.turn && a.sentence != null && b.sentence != null) {
    return `Turn ${a.turn}, sentences ${a.sentence} to ${b.sentence}`;
  }
  return `${describeRef(a)} to ${describeRef(b).toLowerCase()}`;
}

function parseRef(ref: string): { turn: string; sentence: string | null } | null {
  const match = /^T(\d+)(?:\.(\d+))?$/.exec(ref);
  return match ? { turn: match[1]!, sentence: match[2] ?? null } : null;
}

function describeRef(ref: { turn: string; sentence: string | null }): string {
  return ref.sentence == null ? `Turn ${ref.turn}` : `Turn ${ref.turn}, sentence ${ref.sentence}`;
}

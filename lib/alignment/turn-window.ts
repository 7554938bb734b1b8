/**
 * Windows of a long document: the reader shows turns [first, last] of a
 * fixed grid (1–100, 101–200, …), so every turn has exactly one window, a
 * link to T12345 names the same window whoever follows it, and paging back
 * and forth never shows a row twice. A row belongs to the window of the
 * first turn whose first segment it holds (see db/queries/window.ts).
 */
export const READER_WINDOW_TURNS = 100;

export interface TurnWindow {
  first: number;
  last: number;
  /** The document's last turn. */
  lastTurn: number;
  previous: { first: number; last: number } | null;
  next: { first: number; last: number } | null;
}

/** The window holding `turn` (clamped into 1..lastTurn). */
export function windowForTurn(turn: number, lastTurn: number, size = READER_WINDOW_TURNS): TurnWindow {
  const clamped = Math.min(Math.max(1, Math.floor(turn)), Math.max(1, lastTurn));
  const first = Math.floor((clamped - 1) / size) * size + 1;
  const last = Math.min(Math.max(lastTurn, 1), first + size - 1);
  return {
    first,
    last,
    lastTurn,
    previous: first > 1 ? { first: first - size, last: first - 1 } : null,
    next: last < lastTurn ? { first: last + 1, last: Math.min(lastTurn, last + size) } : null,
  };
}

/** `?at=T12345` (or `12345`, `T12345.2`) → 12345; anything else → null. */
export function parseAtParam(value: string | string[] | undefined): number | null {
  const raw = Array.isArray(value) ? value[0] : value;
  const match = raw ? /^[Tt]?(\d{1,9})(?:\.\d+)?$/.exec(raw.trim()) : null;
  return match ? Number(match[1]) : null;
}

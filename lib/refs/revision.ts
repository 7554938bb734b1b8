/**
 * The `?rev=N` that pins a passage to a revision. Absent means "current";
 * anything else must be a revision that exists.
 */
import { RefError } from './errors';

/** Reads a `rev` query value: null when absent, else a positive whole number (refused otherwise). */
export function parseRevParam(value: string | string[] | null | undefined): number | null {
  if (value == null) return null;
  const text = Array.isArray(value) ? (value[0] ?? '') : value;
  if (text === '') return null;
  if (Array.isArray(value) && value.length > 1) {
    throw new RefError('bad-revision', 'Give one revision (rev=N), not several.', text);
  }
  if (!/^[1-9]\d{0,8}$/.test(text)) {
    throw new RefError('bad-revision', `“${text}” is not a revision: rev must be a whole number from 1, e.g. rev=3.`, text);
  }
  return Number(text);
}

/** Refuses a pin beyond the newest revision. */
export function checkRevision(rev: number | null, currentRev: number): void {
  if (rev != null && rev > currentRev) {
    throw new RefError(
      'no-such-revision',
      `Revision ${rev} does not exist: this document's newest revision is ${currentRev}.`,
      String(rev),
    );
  }
}

/** Dates, spelled once: the English month names and the UTC formats the interface shows (server and reader agree). */

export const ENGLISH_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** '1991-01-18' → [1991, 1, 18]; null for anything that is not an ISO date. */
export function isoDateParts(iso: string | null): [number, number, number] | null {
  const match = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!match) return null;
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** The interface's date formats, all in UTC. */
export const UTC_FORMATS = {
  /** 18 January 1991: a document's own date. */
  longDate: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  /** 18 Jan 1991: when an account was made. */
  mediumDate: new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }),
  /** 18 Jan 1991, 14:05: when a revision was made. */
  mediumDateTime: new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }),
};

/** A revision's time, readable and machine-readable (UTC, so server and reader agree). */
const format = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

export function When({ date }: { date: Date }) {
  return <time dateTime={date.toISOString()}>{format.format(date)} UTC</time>;
}

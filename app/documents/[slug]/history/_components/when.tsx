/** A revision's time, readable and machine-readable (UTC, so server and reader agree). */
import { UTC_FORMATS } from '@/lib/dates';

const format = UTC_FORMATS.mediumDateTime;

export function When({ date }: { date: Date }) {
  return <time dateTime={date.toISOString()}>{format.format(date)} UTC</time>;
}

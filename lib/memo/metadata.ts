/** What the memo's title and source note say: date, participants, archive, translator, publisher. */
import type { SourceNote } from '@/lib/memo/model';

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];
const MONTH_NAME = String.raw`(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?`;
const DATE_MDY = new RegExp(String.raw`\b${MONTH_NAME}\s+(\d{1,2}),?\s+(\d{4})\b`, 'i');
const DATE_DMY = new RegExp(String.raw`\b(\d{1,2})\s+${MONTH_NAME}\s+(\d{4})\b`, 'i');

interface DateMatch {
  iso: string;
  index: number;
}

function findDate(title: string): DateMatch | null {
  const mdy = DATE_MDY.exec(title);
  const dmy = DATE_DMY.exec(title);
  const candidates: { index: number; month: string; day: string; year: string }[] = [];
  if (mdy) candidates.push({ index: mdy.index, month: mdy[1]!, day: mdy[2]!, year: mdy[3]! });
  if (dmy) candidates.push({ index: dmy.index, month: dmy[2]!, day: dmy[1]!, year: dmy[3]! });
  candidates.sort((a, b) => a.index - b.index);
  for (const c of candidates) {
    const prefix = c.month.toLowerCase().slice(0, 3);
    const month = MONTHS.findIndex((m) => m.startsWith(prefix)) + 1;
    const year = Number(c.year);
    const day = Number(c.day);
    // Reject impossible dates (e.g. February 30) rather than inventing one.
    const probe = new Date(Date.UTC(year, month - 1, day));
    if (month < 1 || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) continue;
    const iso = `${c.year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    return { iso, index: c.index };
  }
  return null;
}

export function parseDate(title: string): string | null {
  return findDate(title)?.iso ?? null;
}

/** "… between A, B and C on January 18, 1991" -> ["A", "B", "C"]. */
export function parseParticipants(title: string): string[] {
  const date = findDate(title);
  const head = date ? title.slice(0, date.index) : title;
  const match = /\bbetween\s+(.+?)\s+and\s+(.+)$/i.exec(head.trim());
  if (!match) return [];
  const last = match[2]!
    .replace(/[\s,;:.]+$/, '')
    .replace(/\s+(?:on|of|dated)$/i, '')
    .trim();
  const names = [...match[1]!.split(/\s*,\s*/), last].map((n) => n.trim());
  return names.every((n) => n !== '') ? names : [];
}

// ---------------------------------------------------------------- source note

/**
 * `raw` is the text inside the brackets, "Source: " included, so serializing
 * `[${raw}]` reproduces the note exactly. The fields are best-effort readings
 * of the usual "ARCHIVE. Translated by NAME for [the] PUBLISHER." shape.
 */
export function parseSourceNote(raw: string): SourceNote {
  const body = raw.replace(/^source:\s*/i, '').trim();
  const translated = /^(.*?)[.;,]?\s*Translated\s+by\s+(.+?)(?:\s+for\s+(?:the\s+)?(.+?))?\.?$/is.exec(
    body,
  );
  const archive = translated ? translated[1]! : body.replace(/\.$/, '');
  return {
    raw,
    archiveRef: orNull(archive),
    translator: orNull(translated?.[2]),
    publisher: orNull(translated?.[3]),
  };
}

function orNull(value: string | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

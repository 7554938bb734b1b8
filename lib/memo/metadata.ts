/** What a memo's title, front matter and source note say: date, place, participants, archive, translator, publisher. */
import { ENGLISH_MONTHS } from '@/lib/dates';
import type { SourceNote } from '@/lib/memo/model';

const MONTHS = ENGLISH_MONTHS.map((m) => m.toLowerCase());
// Russian dates are written with the month in the genitive: "18 января 1991 года".
const RUSSIAN_MONTHS = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];
const FRENCH_MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];
const MONTH_NAME = String.raw`(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?`;
const DATE_MDY = new RegExp(String.raw`\b${MONTH_NAME}\s+(\d{1,2}),?\s+(\d{4})\b`, 'i');
const DATE_DMY = new RegExp(String.raw`\b(\d{1,2})\s+${MONTH_NAME}\s+(\d{4})\b`, 'i');
const DATE_DMY_RU = new RegExp(
  String.raw`(?<![\p{L}\d])(\d{1,2})\s+(${[...RUSSIAN_MONTHS, ...FRENCH_MONTHS].join('|')})\s+(\d{4})(?:\s*(?:года|г\.))?`,
  'iu',
);

interface DateMatch {
  iso: string;
  index: number;
  /** Where the date (with a Russian "года"/"г." if any) ends. */
  end: number;
}

function monthNumber(name: string): number {
  const lower = name.toLowerCase();
  const ru = RUSSIAN_MONTHS.indexOf(lower);
  if (ru >= 0) return ru + 1;
  const fr = FRENCH_MONTHS.indexOf(lower);
  if (fr >= 0) return fr + 1;
  const prefix = lower.slice(0, 3);
  return MONTHS.findIndex((m) => m.startsWith(prefix)) + 1;
}

export function findDate(text: string): DateMatch | null {
  const candidates: { index: number; end: number; month: string; day: string; year: string }[] = [];
  const mdy = DATE_MDY.exec(text);
  const dmy = DATE_DMY.exec(text);
  const ru = DATE_DMY_RU.exec(text);
  if (mdy) candidates.push({ index: mdy.index, end: mdy.index + mdy[0].length, month: mdy[1]!, day: mdy[2]!, year: mdy[3]! });
  if (dmy) candidates.push({ index: dmy.index, end: dmy.index + dmy[0].length, month: dmy[2]!, day: dmy[1]!, year: dmy[3]! });
  if (ru) candidates.push({ index: ru.index, end: ru.index + ru[0].length, month: ru[2]!, day: ru[1]!, year: ru[3]! });
  candidates.sort((a, b) => a.index - b.index);
  for (const c of candidates) {
    const month = monthNumber(c.month);
    const year = Number(c.year);
    const day = Number(c.day);
    // Reject impossible dates (e.g. February 30) rather than inventing one.
    const probe = new Date(Date.UTC(year, month - 1, day));
    if (month < 1 || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) continue;
    const iso = `${c.year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    return { iso, index: c.index, end: c.end };
  }
  return null;
}

export function parseDate(text: string): string | null {
  return findDate(text)?.iso ?? null;
}

export interface TitleNames {
  participants: string[];
  /** What stood between the last name and the date: "Malta" in "... and Mikhail Gorbachev, Malta, December 2, 1989". */
  place: string | null;
}

const BETWEEN = /(?<!\p{L})(?:between|между|entre|zwischen)\s+(.+?)\s+(?:and|и|et|und)\s+(.+)$/iu;
// "Запись беседы М.С. Горбачева с Ф. Миттераном": a conversation "of X with Y".
const CONVERSATION_WITH = /(?:беседы|разговора)\s+(.+?)\s+с[о]?\s+(.+)$/iu;

/**
 * "… between A, B and C on January 18, 1991" -> A, B, C. The last name ends
 * at the first comma or at "in/at/on": "between George Bush and Mikhail
 * Gorbachev, Malta, December 2, 1989" names Bush and Gorbachev, at Malta.
 */
export function parseTitleNames(title: string): TitleNames {
  const date = findDate(title);
  const head = (date ? title.slice(0, date.index) : title).trim();
  const match = BETWEEN.exec(head) ?? CONVERSATION_WITH.exec(head);
  if (!match) return { participants: [], place: null };
  const [lastPart, ...after] = match[2]!.split(',');
  let last = (lastPart ?? '')
    .replace(/[\s;:.]+$/, '')
    .replace(/\s+(?:on|of|dated|in|at)$/i, '')
    .trim();
  let place: string | null = null;
  const at = /^(.+?)\s+(?:in|at|on|of|dated|в)\s+(.+)$/iu.exec(last);
  if (at) {
    last = at[1]!.trim();
    place = cleanPlace(at[2]!);
  }
  const rest = cleanPlace(after.join(','));
  if (rest) place = place ? `${place}, ${rest}` : rest;
  const names = [...match[1]!.split(/\s*,\s*/), last].map((n) => n.trim());
  return names.every((n) => n !== '') ? { participants: names, place } : { participants: [], place: null };
}

function cleanPlace(text: string): string | null {
  const cleaned = text.replace(/^[\s,;:]+|[\s,;:.]+$/g, '').replace(/^(?:on|dated)$/i, '');
  return cleaned === '' ? null : cleaned;
}

// ---------------------------------------------------------------- source note

/**
 * `raw` is the text inside the brackets, "Source: " included, so serializing
 * `[${raw}]` reproduces the note exactly. The fields are best-effort readings
 * of the usual "ARCHIVE. Translated by NAME for [the] PUBLISHER." shape.
 */
export function parseSourceNote(raw: string): SourceNote {
  const body = raw.replace(/^source:\s*/i, '').trim();
  const translated = /^(.*?)[.;,]?\s*Translated\s+by\s+(.+?)(?:\s+for\s+(?:the\s+)?(.+?))?\.?$/is.exec(body);
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

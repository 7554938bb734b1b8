/**
 * Speaker labels and who may speak. A label is recognised in four shapes:
 *   **Name**: text    bold (always a label: the unambiguous form)
 *   Name: text        colon ("The President:", "Gorbachev:")
 *   NAME. text        capitals and a period ("M.S. GORBACHEV.", "ГОРБАЧЕВ.")
 *   Name. text        a period, only for a name the memo lists as a participant
 * When the memo names its participants (title or participants list), a
 * colon or period label that names nobody on the list is treated as text and
 * reported, so "Notetaker: ..." in the middle of a turn is not a new turn.
 */
import type { LabelStyle } from '@/lib/memo/model';

export type LabelShape = 'bold' | 'colon' | 'caps' | 'period';

export interface LabelMatch {
  speaker: string;
  style: LabelStyle;
  shape: LabelShape;
  rest: string;
}

const BOLD_LABEL = /^\*\*([^*:]+?)\*\*:[ \t]*(.*)$/s;
const BOLD_LABEL_COLON_INSIDE = /^\*\*([^*:]+?):\*\*[ \t]*(.*)$/s;
// A name is 1-3 words, the first capitalized, no digits; particles may sit between.
const NAME_WORD = String.raw`\p{Lu}[\p{L}\p{M}.'’-]*`;
const NAME_PARTICLE = String.raw`(?:de|du|des|da|di|la|le|van|von|der|den|al|bin|ibn)`;
const NAME = String.raw`${NAME_WORD}(?: (?:${NAME_WORD}|${NAME_PARTICLE})){0,2}`;
const COLON_LABEL = new RegExp(String.raw`^(${NAME}):(?:[ \t]+(.*))?$`, 'su');
// Before a period only initials may carry dots, so "Gorbachev. Yes. We can" is Gorbachev speaking.
const PLAIN_WORD = String.raw`\p{Lu}[\p{L}\p{M}'’-]*`;
const PERIOD_NAME = String.raw`(?:(?:\p{Lu}\.[ ]?){1,3})?${PLAIN_WORD}(?: (?:${PLAIN_WORD}|${NAME_PARTICLE})){0,2}`;
const PERIOD_LABEL = new RegExp(String.raw`^(${PERIOD_NAME})\.(?:[ \t]+(.*))?$`, 'su');
const MAX_LABEL_CHARS = 40;

/** Titles that name a speaker by office: "The President:", "The Secretary:". */
const ROLE_WORDS = new Set([
  'president',
  'secretary',
  'chairman',
  'minister',
  'prime minister',
  'foreign minister',
  'general secretary',
  'ambassador',
  'chancellor',
  'premier',
  'king',
  'queen',
  'vice president',
  'secretary of state',
]);

export function isCapitals(text: string): boolean {
  return /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
}

export function matchLabel(text: string): LabelMatch | null {
  const bold = BOLD_LABEL.exec(text) ?? BOLD_LABEL_COLON_INSIDE.exec(text);
  if (bold) {
    const speaker = (bold[1] ?? '').trim();
    if (speaker !== '') return { speaker, style: 'bold', shape: 'bold', rest: (bold[2] ?? '').trim() };
  }
  const colon = COLON_LABEL.exec(text);
  if (colon && colon[1]!.length <= MAX_LABEL_CHARS) {
    return { speaker: colon[1]!, style: 'plain', shape: 'colon', rest: (colon[2] ?? '').trim() };
  }
  const period = PERIOD_LABEL.exec(text);
  if (period && period[1]!.length <= MAX_LABEL_CHARS) {
    // "M.S. GORBACHEV." keeps its initials; the label's own final period is the separator.
    const speaker = period[1]!;
    const shape: LabelShape = isCapitals(speaker) && /\p{Lu}{2}/u.test(speaker) ? 'caps' : 'period';
    return { speaker, style: 'plain', shape, rest: (period[2] ?? '').trim() };
  }
  return null;
}

/** Lower-case last word without punctuation: "M.S. GORBACHEV" -> "gorbachev". */
export function lastName(name: string): string {
  const words = name
    .replace(/,?\s+(?:Jr\.?|Sr\.?|II|III|IV)$/u, '')
    .split(/\s+/)
    .map((w) => w.replace(/[^\p{L}\p{M}'’-]/gu, ''))
    .filter((w) => w !== '');
  return (words.at(-1) ?? '').toLowerCase();
}

/**
 * Same surname, allowing for the case endings a Russian title puts on names
 * ("Горбачева", "Миттераном" against the labels "ГОРБАЧЕВ", "МИТТЕРАН").
 */
export function sameSurname(a: string, b: string): boolean {
  if (a === '' || b === '') return false;
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.startsWith(short) && long.length - short.length <= 3;
}

export interface Roster {
  /** Names and offices that may speak: participants in the title, entries and roles of a participants list. */
  names: string[];
}

export function isOnRoster(speaker: string, roster: Roster): boolean {
  const lower = speaker.toLowerCase().replace(/\s+/g, ' ').trim();
  const office = /^the\s+(.+)$/i.exec(lower);
  if (office && ROLE_WORDS.has(office[1]!)) return true;
  const surname = lastName(speaker);
  return roster.names.some((n) => n.toLowerCase() === lower || sameSurname(lastName(n), surname));
}

/** "ГОРБАЧЕВ" -> "Горбачев": how a capitals label reads as a name. */
export function titleCaseWord(word: string): string {
  return word
    .split('-')
    .map((part) => part.charAt(0).toLocaleUpperCase() + part.slice(1).toLocaleLowerCase())
    .join('-');
}

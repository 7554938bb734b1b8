/**
 * Front matter: what stands between the title and the first turn. Kept
 * verbatim as metadata, never as turns: SUBJECT / PARTICIPANTS / DATE field
 * blocks, place-and-date lines ("Moscow, January 18, 1991"), remarks in
 * parentheses ("(one on one)"). Anything else is kept too, with a warning.
 */
import { findDate } from '@/lib/memo/metadata';
import type { MemoWarning } from '@/lib/memo/model';

const FIELD =
  /^(subject|participants|date|time|place|date,? time,? and place|date,? place,? and time|date and time|date and place|time and place|тема|участники|дата|место)\s*:\s*(.*)$/iu;
const PARENTHESIZED = /^\(.*\)$/s;
const SUFFIX = /^\s*(?:Jr\.?|Sr\.?|II|III|IV)\b/;
const NOT_PRINCIPAL = /interpreter|translator|notetaker|note taker|note-taker|переводчик|записал|запись вел/iu;

export interface Line {
  text: string;
  line: number;
}

export interface ListedParticipant {
  name: string;
  role: string | null;
  line: number;
}

export interface FrontMatter {
  entries: string[];
  date: string | null;
  place: string | null;
  subject: string | null;
  listed: ListedParticipant[];
  warnings: MemoWarning[];
}

export function emptyFrontMatter(): FrontMatter {
  return { entries: [], date: null, place: null, subject: null, listed: [], warnings: [] };
}

export function isFieldLine(text: string): boolean {
  return FIELD.test(text.trim());
}

/** A short line carrying a date, or a remark in parentheses: front matter that needs no warning. */
export function isPlaceOrRemarkLine(text: string): boolean {
  const t = text.trim();
  return PARENTHESIZED.test(t) || (t.length <= 120 && findDate(t) !== null);
}

/**
 * Reads one front-matter block. `perLine`: its lines are separate entries
 * (the lines under a title); otherwise a block that is not all field or
 * place/remark lines is one paragraph.
 */
export function readFrontMatterBlock(lines: Line[], fm: FrontMatter, perLine: boolean): void {
  if (lines.length === 0) return;
  if (isFieldLine(lines[0]!.text)) {
    readFields(lines, fm);
    return;
  }
  if (perLine || lines.every((l) => isPlaceOrRemarkLine(l.text) || isFieldLine(l.text))) {
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!;
      if (isFieldLine(l.text)) {
        readFields(lines.slice(i), fm);
        return;
      }
      readLooseLine(l, fm);
    }
    return;
  }
  const text = lines.map((l) => l.text.trim()).join(' ');
  fm.entries.push(text);
  fm.warnings.push({
    line: lines[0]!.line,
    message: `${short(text)} comes before the first speaker label; kept as front matter, not as a turn`,
  });
}

function readLooseLine(l: Line, fm: FrontMatter): void {
  const text = l.text.trim();
  fm.entries.push(text);
  if (PARENTHESIZED.test(text)) return;
  const date = findDate(text);
  if (date && text.length <= 120) {
    fm.date ??= date.iso;
    const before = text
      .slice(0, date.index)
      .replace(/[\s,;:.–—-]+$/u, '')
      .trim();
    if (before !== '' && fm.place === null) fm.place = before;
    return;
  }
  fm.warnings.push({
    line: l.line,
    message: `${short(text)} comes before the first speaker label; kept as front matter, not as a turn`,
  });
}

function readFields(lines: Line[], fm: FrontMatter): void {
  let i = 0;
  while (i < lines.length) {
    const head = FIELD.exec(lines[i]!.text.trim())!;
    const body: Line[] = [];
    let j = i + 1;
    while (j < lines.length && !isFieldLine(lines[j]!.text)) body.push(lines[j++]!);
    fm.entries.push(
      lines
        .slice(i, j)
        .map((l) => l.text.trimEnd())
        .join('\n'),
    );
    const name = head[1]!.toLowerCase();
    const value = head[2]!.trim();
    const valueLine: Line[] = value === '' ? [] : [{ text: value, line: lines[i]!.line }];
    if (name === 'participants' || name === 'участники') {
      for (const entry of [...valueLine, ...body]) readParticipant(entry, fm);
    } else if (name === 'subject' || name === 'тема') {
      fm.subject = [value, ...body.map((b) => b.text.trim())].filter((s) => s !== '').join(' ');
    } else {
      readDateField([value, ...body.map((b) => b.text.trim())].join(' '), name, fm);
    }
    i = j;
  }
}

/** "December 2, 1989, 12:00 - 1:00 p.m., Maxim Gorky, Malta": the date, and the parts without digits as the place. */
function readDateField(value: string, field: string, fm: FrontMatter): void {
  const date = findDate(value);
  if (date) fm.date ??= date.iso;
  if (field.includes('place') || field === 'место') {
    const rest = date ? value.slice(0, date.index) + value.slice(date.end) : value;
    const parts = rest
      .split(',')
      .map((p) => p.trim())
      .filter((p) => p !== '' && !/\d/.test(p) && !/^(?:a\.m\.|p\.m\.)$/i.test(p));
    if (parts.length && fm.place === null) fm.place = parts.join(', ');
  }
}

function readParticipant(entry: Line, fm: FrontMatter): void {
  const text = entry.text.trim().replace(/^[-*•]\s+/u, '');
  if (text === '' || /:$/.test(text)) return; // a group heading: "U.S.:", "Soviet side:"
  const roleFirst = /^([^:,]{2,40}):\s+(.+)$/u.exec(text);
  if (roleFirst) {
    fm.listed.push({ name: roleFirst[2]!.trim(), role: roleFirst[1]!.trim(), line: entry.line });
    return;
  }
  let cut = -1;
  for (let at = text.indexOf(','); at >= 0; at = text.indexOf(',', at + 1)) {
    if (!SUFFIX.test(text.slice(at + 1))) {
      cut = at;
      break;
    }
  }
  const dash = /\s[–—-]\s/u.exec(text);
  if (cut < 0 && dash) cut = dash.index;
  const name = (cut < 0 ? text : text.slice(0, cut)).trim();
  const role =
    cut < 0
      ? null
      : text
          .slice(cut + 1)
          .replace(/^[\s–—-]+/u, '')
          .trim() || null;
  fm.listed.push({ name, role, line: entry.line });
}

/** The principals of a participants list: everyone but interpreters and notetakers. */
export function principals(listed: readonly ListedParticipant[]): string[] {
  return listed.filter((p) => !NOT_PRINCIPAL.test(`${p.name} ${p.role ?? ''}`)).map((p) => p.name);
}

function short(text: string): string {
  return `"${text.length > 60 ? `${text.slice(0, 57)}...` : text}"`;
}

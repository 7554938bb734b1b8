/**
 * The importer on memoranda written the ways archives write them (one file
 * per convention in tests/fixtures/memos): expected turns, speakers,
 * metadata, milestones and warnings; then malformed files and their
 * line-numbered errors; then columns and placeholder labels.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImportError, MAX_TURNS } from '@/lib/memo/errors';
import type { MemoDocument } from '@/lib/memo/model';
import { parseMemo } from '@/lib/memo/parse';
import { serializeMemo } from '@/lib/memo/serialize';
import { memoToBundle } from '@/lib/memo/to-bundle';
import { exportJson } from '@/lib/export/json';
import { planImport } from '@/lib/import/plan-import';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/memos/${name}`, import.meta.url));
const speakers = (doc: MemoDocument) => doc.turns.map((t) => t.speaker);
const warnings = (doc: MemoDocument) => doc.warnings.map((w) => `${w.line ?? '-'}: ${w.message}`);

function importError(input: string, code: string): ImportError {
  try {
    parseMemo(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).code).toBe(code);
    return error as ImportError;
  }
  throw new Error('expected an ImportError');
}

describe('memo conventions', () => {
  it('FRUS style: participants from "between X and Y, Place, Date", page milestones, (U) marks, a notetaker line', () => {
    const doc = parseMemo(fixture('frus-malta.txt'));
    expect(doc).toMatchObject({
      date: '1989-12-02',
      place: 'Malta',
      participants: ['George Bush', 'Mikhail Gorbachev'],
      frontMatter: ['(one on one)'],
    });
    expect(speakers(doc)).toEqual(['The President', 'Gorbachev', 'The President', 'Gorbachev']);
    expect(doc.turns[0]!.paragraphs[0]).toBe('I am glad we could meet here, even if the sea is rough. (U)');
    expect(doc.turns[1]!.paragraphs).toEqual([
      'The weather is a challenge -- but so is history. I want to begin with Europe...',
      'We cannot pretend that nothing has changed in the East.',
      'Notetaker: the transcript resumes after a break.',
    ]);
    expect(doc.turns[3]!.paragraphs[0]).toBe('We would welcome that — very much.');
    expect(doc.milestones).toEqual([
      { turnNo: 1, paragraph: 0, label: '1049', line: 5 },
      { turnNo: 3, paragraph: 0, label: '1050', line: 15 },
    ]);
    expect(warnings(doc)).toEqual(['13: "Notetaker" is not a participant; treated as text']);
  });

  it('US memcon: SUBJECT / PARTICIPANTS / DATE, TIME AND PLACE blocks are metadata; the interpreter line in the list is not a turn', () => {
    const doc = parseMemo(fixture('us-memcon-fields.txt'));
    expect(doc.title).toBe('MEMORANDUM OF CONVERSATION: Second Plenary Meeting with Soviet President Gorbachev (U)');
    expect(doc).toMatchObject({ date: '1989-12-03', place: 'Maxim Gorky, Malta' });
    expect(doc.participants).toEqual([
      'The President',
      'James A. Baker, III',
      'Brent Scowcroft',
      'Mikhail Gorbachev',
      'Eduard Shevardnadze',
    ]);
    expect(doc.frontMatter).toHaveLength(3);
    expect(doc.frontMatter[1]).toContain('Interpreter: Dimitri Zarechnak');
    expect(speakers(doc)).toEqual(['The President', 'Shevardnadze', 'Interpreter', 'Gorbachev']);
    expect(doc.turns[0]!.line).toBe(14);
    expect(doc.warnings).toEqual([]);
  });

  it('Russian: "М.С. ГОРБАЧЕВ." labels, participants from an inflected title, place and date line, (один на один), Unicode elisions', () => {
    const doc = parseMemo(fixture('russian-caps.txt'));
    expect(doc).toMatchObject({ date: '1991-01-18', place: 'Москва', participants: ['М.С. Горбачев', 'Ф. Миттеран'] });
    expect(doc.frontMatter).toEqual(['(один на один)', 'Москва, 18 января 1991 года']);
    expect(speakers(doc)).toEqual(['М.С. ГОРБАЧЕВ', 'Ф. МИТТЕРАН', 'М.С. ГОРБАЧЕВ']);
    expect(doc.turns[1]!.paragraphs).toEqual([
      '[…] Что касается Франции, то мы выполняем наши союзнические обязательства — с единственной целью.',
      'Конечно, не все так просто…',
    ]);
    expect(warnings(doc)).toEqual([
      '6: participant "М.С. Горбачева" read as "М.С. Горбачев", the form of the label on this line',
      '8: participant "Ф. Миттераном" read as "Ф. Миттеран", the form of the label on this line',
    ]);
  });

  it('"Name." labels only for participants, so "Yes." and "No." stay prose', () => {
    const doc = parseMemo(fixture('period-labels.md'));
    expect(speakers(doc)).toEqual(['Kohl', 'Gorbachev', 'Kohl']);
    expect(doc.turns[1]!.paragraphs).toEqual([
      'Yes. We can talk about everything.',
      'It is a difficult subject. No. It is not impossible.',
    ]);
    expect(doc).toMatchObject({ date: '1990-02-10', place: 'Moscow', participants: ['Helmut Kohl', 'Mikhail Gorbachev'] });
  });

  it('turns on consecutive lines without blank lines are split, and each split is reported', () => {
    const doc = parseMemo(fixture('glued-labels.txt'));
    expect(doc.participants).toEqual(['Margaret Thatcher', 'Mikhail Gorbachev']);
    expect(speakers(doc)).toEqual(['Thatcher', 'Gorbachev', 'Thatcher']);
    expect(doc.turns[1]!.paragraphs[0]).toBe('Yes, I hear you well [...] and I am glad you called.');
    expect(doc.warnings.map((w) => w.line)).toEqual([4, 5]);
  });

  it('"NAME:" capitals, a # title, [excerpt], a page break inside a turn, a source note', () => {
    const doc = parseMemo(fixture('caps-colon-pages.md'));
    expect(speakers(doc)).toEqual(['BAKER', 'SHEVARDNADZE']);
    expect(doc).toMatchObject({ isExcerpt: true, date: '1990-05-18', participants: ['James Baker', 'Eduard Shevardnadze'] });
    expect(doc.milestones).toEqual([{ turnNo: 1, paragraph: 1, label: '12', line: 7 }]);
    expect(doc.sourceNote).toMatchObject({
      translator: 'Anna Melyakova',
      publisher: 'National Security Archive',
      archiveRef: 'State Department FOIA release',
    });
    expect(doc.warnings).toEqual([]);
  });

  it('no participants anywhere: every label is a speaker, and the memo says so', () => {
    const doc = parseMemo(fixture('no-participants.md'));
    expect(speakers(doc)).toEqual(['Chernyaev', 'Shakhnazarov', 'Shakhnazarov']);
    expect(doc.turns[0]!.labelStyle).toBe('bold');
    expect(doc.turns[2]!.labelStyle).toBe('plain');
    expect(warnings(doc)).toEqual([
      '-: no participants are named in the title ("between A and B") or a PARTICIPANTS list, so every label was taken as a speaker',
    ]);
  });

  it('French: "entre X et Y", a French date, and a bold label for someone not listed is kept but reported', () => {
    const doc = parseMemo(fixture('french-translation.md'));
    expect(doc).toMatchObject({ date: '1990-10-29', place: 'Paris', participants: ['François Mitterrand', 'Mikhaïl Gorbatchev'] });
    expect(speakers(doc)).toEqual(['Mitterrand', 'Gorbatchev', 'Dumas']);
    expect(warnings(doc)).toEqual([
      '7: "Dumas" is not a participant (François Mitterrand, Mikhaïl Gorbatchev); kept as a speaker because the label is bold',
    ]);
  });

  it('every convention writes back to canonical Markdown that parses to the same document', () => {
    for (const name of [
      'frus-malta.txt',
      'us-memcon-fields.txt',
      'russian-caps.txt',
      'period-labels.md',
      'caps-colon-pages.md',
      'no-participants.md',
    ]) {
      const doc = parseMemo(fixture(name));
      const again = parseMemo(serializeMemo(doc));
      const strip = (d: MemoDocument) => ({
        ...d,
        warnings: [],
        turns: d.turns.map((t) => ({ speaker: t.speaker, paragraphs: t.paragraphs })),
        milestones: d.milestones.map(({ line: _l, ...m }) => m),
      });
      expect(strip(again), name).toEqual(strip(doc));
    }
  });
});

describe('malformed memos: one error with its line', () => {
  const title = 'Memorandum of Conversation between A. Smith and B. Jones, Rome, May 1, 1990';

  it('an unclosed bracket in a plain-text memo', () => {
    expect(importError(`${title}\n\nSmith: Hello [inaudible.\n\nJones: Hi.`, 'unbalanced-brackets').message).toBe(
      'line 3: "[" is not closed by "]" in the same paragraph ("Smith: Hello [inaudible.")',
    );
  });

  it('a list in the middle of a turn', () => {
    expect(importError(`${title}\n\nSmith: Points:\n\n- one\n- two`, 'unknown-structure').line).toBe(5);
  });

  it('a label with no text', () => {
    expect(importError(`${title}\n\nSmith: Hello.\n\nJones:`, 'empty-label').message).toBe(
      'line 5: "Jones:" is a speaker label with no text',
    );
  });

  it('a 1.5 MB turn', () => {
    const error = importError(`${title}\n\nSmith: ${'word '.repeat(300_000)}`, 'turn-too-long');
    expect(error.message).toBe(
      'line 3: turn 1 (Smith) is over 100,000 characters, the most one turn may hold; a missing speaker label or blank line may have run several turns together',
    );
  });

  it('too many turns', () => {
    const turns = Array.from({ length: MAX_TURNS + 1 }, (_, i) => (i % 2 ? 'Smith: a.' : 'Jones: b.')).join('\n\n');
    expect(importError(`${title}\n\n${turns}`, 'too-many-turns').message).toBe(
      `line ${3 + MAX_TURNS * 2}: this is turn 20,001; a memo may have at most 20,000 turns (split the file into several documents)`,
    );
  });

  it('a file that starts with a turn', () => {
    expect(importError('Smith: Hello.', 'no-title').line).toBe(1);
  });
});

describe('columns and placeholder labels', () => {
  const malta = parseMemo(fixture('frus-malta.txt'));

  it('an English memo with --source-lang en --translation-lang ru fills the English column, placeholders in Russian', () => {
    const { bundle, warnings: notes } = memoToBundle(malta, { slug: 'malta', sourceLang: 'en', translationLang: 'ru' });
    expect(bundle.witnesses.map((w) => [w.lang, w.role, w.isPlaceholderWitness])).toEqual([
      ['en', 'source', false],
      ['ru', 'translation', true],
    ]);
    expect(bundle.rows[0]!.cells[0]![0]!.text).toContain('I am glad');
    expect(bundle.rows.map((r) => r.cells[1]![0]!.speaker)).toEqual(['Президент', 'Горбачев', 'Президент', 'Горбачев']);
    expect(bundle.milestones.every((m) => m.witness === 0)).toBe(true);
    expect(notes[0]!.message).toContain('fills the English (source) column');
  });

  it('the usual direction: English translation, Russian placeholders labelled in Russian', () => {
    const { bundle, warnings: notes } = memoToBundle(malta, { slug: 'malta', sourceLang: 'ru', translationLang: 'en' });
    expect(bundle.witnesses.map((w) => w.isPlaceholderWitness)).toEqual([true, false]);
    expect(bundle.rows.map((r) => r.cells[0]![0]!.speaker)).toEqual(['Президент', 'Горбачев', 'Президент', 'Горбачев']);
    expect(notes).toEqual([]);
  });

  it('a Russian memo imported as the source: English placeholders spelled in English', () => {
    const doc = parseMemo(fixture('russian-caps.txt'));
    const { bundle } = memoToBundle(doc, { slug: 'r', sourceLang: 'ru', translationLang: 'en' });
    expect(bundle.witnesses.map((w) => w.isPlaceholderWitness)).toEqual([false, true]);
    expect(bundle.rows.map((r) => r.cells[1]![0]!.speaker)).toEqual(['Gorbachev', 'Mitterrand', 'Gorbachev']);
  });

  it('an unknown name keeps its label and is reported, never respelled silently', () => {
    const doc = parseMemo('## Talk between Ann Pryce and Mikhail Gorbachev\n\nPryce: Hello.\n\nGorbachev: Hello.');
    const { bundle, warnings: notes } = memoToBundle(doc, { slug: 'p', sourceLang: 'ru', translationLang: 'en' });
    expect(bundle.rows.map((r) => r.cells[0]![0]!.speaker)).toEqual(['Pryce', 'Горбачев']);
    expect(notes).toEqual([
      {
        line: 3,
        message: 'no Russian spelling is known for "Pryce"; its placeholders are labelled "Pryce" until an editor corrects them',
      },
    ]);
  });

  it('bad languages are refused with the option named', () => {
    const bytes = fixture('frus-malta.txt');
    expect(() => planImport(bytes, { fileName: 'm.txt', sourceLang: 'xx1' })).toThrow(
      '--source-lang "xx1" is not a BCP 47 language tag',
    );
    expect(() => planImport(bytes, { fileName: 'm.txt', sourceLang: 'qq' })).toThrow(
      '--source-lang "qq" is not a language this server knows',
    );
    expect(() => planImport(bytes, { fileName: 'm.txt', sourceLang: 'en', translationLang: 'en' })).toThrow('both "en"');
    expect(() => planImport(bytes, { fileName: 'm.txt', sourceLang: 'ru', translationLang: 'el' })).toThrow(
      'neither the script of Russian',
    );
  });

  it('JSON and TMX files are recognised by name or content; a bad JSON names what is wrong', () => {
    expect(() => planImport('{"format":"diptych-document","version":1}', { fileName: 'x.json' })).toThrow(
      /not a Diptych document export: slug/,
    );
    expect(() => planImport('{\n  "format": \n}', { fileName: 'x.json' })).toThrow(
      /^(?:line \d+: )?this is not valid JSON \(Unexpected token '\}'\)$/,
    );
    expect(() => planImport('<?xml version="1.0"?>\n<tmx version="1.4"><body>\n</tmx>', { fileName: 'x' })).toThrow(
      /^line 3: this is not well-formed XML/,
    );
  });

  it('a JSON export edited into an inconsistent document is refused, naming the place', () => {
    const memo = parseMemo(fixture('glued-labels.txt'));
    const good = JSON.parse(exportJson(memoToBundle(memo, { slug: 'glued', sourceLang: 'ru', translationLang: 'en' }).bundle));
    expect(planImport(JSON.stringify(good), { fileName: 'g.json' }).bundle.rows).toHaveLength(3);
    const withText = structuredClone(good);
    withText.rows[1].cells[0][0].text = 'Да.';
    expect(() => planImport(JSON.stringify(withText), { fileName: 'g.json' })).toThrow(
      'the document is not consistent: rows[1].cells[0][0] is a placeholder but has text',
    );
    const reordered = structuredClone(good);
    reordered.rows.reverse();
    expect(() => planImport(JSON.stringify(reordered), { fileName: 'g.json' })).toThrow(/^the document is not consistent: .*turn/);
  });
});

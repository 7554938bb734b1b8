import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { ImportError, MAX_MEMO_BYTES, type ImportErrorCode } from '@/lib/memo/errors';
import { parseMemo } from '@/lib/memo/parse';
import { serializeMemo } from '@/lib/memo/serialize';

const seedPath = fileURLToPath(new URL('../../db/seed/gorbachev-mitterrand-1991-01-18.md', import.meta.url));
const seed = readFileSync(seedPath, 'utf8');

const TITLE = '## Memo between A and B January 1, 1991';

function expectImportError(input: string | Uint8Array, code: ImportErrorCode, line: number | null): ImportError {
  let caught: unknown;
  try {
    parseMemo(input);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ImportError);
  const error = caught as ImportError;
  expect({ code: error.code, line: error.line }).toEqual({ code, line });
  if (line !== null) expect(error.message).toMatch(new RegExp(`^line ${line}: \\S`));
  // A readable reason, not just a code.
  expect(error.reason.length).toBeGreaterThan(10);
  return error;
}

describe('parseMemo on the seed memo', () => {
  const doc = parseMemo(seed);

  it('reads title, date, participants and the excerpt mark', () => {
    expect(doc.title).toBe('Memorandum of Telephone Conversation between Mikhail Gorbachev and Francois Mitterrand January 18, 1991');
    expect(doc.date).toBe('1991-01-18');
    expect(doc.participants).toEqual(['Mikhail Gorbachev', 'Francois Mitterrand']);
    expect(doc.isExcerpt).toBe(true);
  });

  it('finds 10 turns with alternating speakers', () => {
    expect(doc.turns).toHaveLength(10);
    expect(doc.turns.map((t) => t.speaker)).toEqual(Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? 'Gorbachev' : 'Mitterrand')));
    expect(doc.turns.map((t) => t.turnNo)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('reads the plain label of turn 6 and keeps label styles', () => {
    const turn6 = doc.turns[5]!;
    expect(turn6).toMatchObject({ speaker: 'Mitterrand', labelStyle: 'plain', paragraphs: ['Yes.'], line: 19 });
    expect(doc.turns.filter((t) => t.labelStyle === 'plain')).toHaveLength(1);
    expect(doc.turns[0]!.line).toBe(5);
  });

  it('groups unlabelled paragraphs into the previous turn', () => {
    expect(doc.turns.map((t) => t.paragraphs.length)).toEqual([1, 2, 1, 1, 2, 1, 2, 1, 2, 1]);
    // The colon mid-sentence must not be read as a speaker label.
    expect(doc.turns[6]!.paragraphs[1]).toMatch(/^Today the Soviet ambassador in Baghdad/);
  });

  it('keeps editorial marks verbatim', () => {
    expect(doc.turns[1]!.paragraphs[0]).toMatch(/^\[\.\.\.\] As far as France/);
    expect(doc.turns[4]!.paragraphs[1]).toContain('mainly Arab [soldiers].');
    expect(doc.turns[9]!.paragraphs[0]).toContain('[Israel] is being informed');
  });

  it('reads the source note', () => {
    expect(doc.sourceNote).toEqual({
      raw: 'Source: Archive of the Gorbachev Foundation, Fond 1, opis 1. Translated by Svetlana Savranskaya for the National Security Archive.',
      archiveRef: 'Archive of the Gorbachev Foundation, Fond 1, opis 1',
      translator: 'Svetlana Savranskaya',
      publisher: 'National Security Archive',
    });
  });

  it('round-trips through serializeMemo', () => {
    expect(serializeMemo(doc).trimEnd()).toBe(seed.trimEnd());
  });

  it('parses the same from UTF-8 bytes', () => {
    expect(parseMemo(new TextEncoder().encode(seed))).toEqual(doc);
  });
});

describe('parseMemo on other valid input', () => {
  it('normalizes CRLF line endings', () => {
    const lf = `${TITLE}\n\n**A**: Hello.\n\nSecond paragraph.\n\nB: Hi.\n`;
    const doc = parseMemo(lf.replace(/\n/g, '\r\n'));
    expect(doc.turns.map((t) => t.paragraphs)).toEqual([['Hello.', 'Second paragraph.'], ['Hi.']]);
    expect(serializeMemo(doc)).toBe(lf);
  });

  it('joins soft-wrapped lines and accepts **Name:** labels, writing them canonically', () => {
    const doc = parseMemo(`${TITLE}\n\n**A:** Hello,\nworld.\n`);
    expect(doc.turns[0]).toMatchObject({ speaker: 'A', labelStyle: 'bold', paragraphs: ['Hello, world.'] });
    expect(serializeMemo(doc)).toBe(`${TITLE}\n\n**A**: Hello, world.\n`);
  });

  it('has no date, participants, excerpt or source note when the memo has none', () => {
    const doc = parseMemo('## Notes of a meeting\n\n**A**: Hello.');
    expect(doc).toMatchObject({ date: null, participants: [], isExcerpt: false, sourceNote: null });
  });
});

describe('parseMemo errors', () => {
  it('rejects an empty file', () => {
    expectImportError('', 'empty', null);
    expectImportError(new Uint8Array(0), 'empty', null);
  });

  it('rejects a whitespace-only file', () => {
    expectImportError('  \n\t\n\r\n  ', 'empty', null);
  });

  it('rejects a file that starts with a turn instead of a title', () => {
    const error = expectImportError('\n**A**: Hello.', 'no-title', 2);
    expect(error.message).toContain('"## " title');
    expectImportError('### Memo\n\n**A**: Hello.', 'no-title', 1);
    expectImportError('##   \n\n**A**: Hello.', 'no-title', 1);
  });

  it('keeps text before the first speaker label as front matter, with a warning', () => {
    const doc = parseMemo(`${TITLE}\n\n[excerpt]\n\nGood morning.\n\n**A**: Hi.`);
    expect(doc.frontMatter).toEqual(['Good morning.']);
    expect(doc.turns).toHaveLength(1);
    expect(doc.warnings).toEqual([
      { line: 5, message: '"Good morning." comes before the first speaker label; kept as front matter, not as a turn' },
    ]);
  });

  it('rejects a bold label with no text', () => {
    const error = expectImportError(`${TITLE}\n\n**A**: Hi.\n\n**B**: Hi.\n\n**Gorbachev**:\n\n**B**: Hi.`, 'empty-label', 7);
    expect(error.message).toBe('line 7: "**Gorbachev**:" is a speaker label with no text');
  });

  it('rejects a plain label with no text', () => {
    expectImportError(`${TITLE}\n\n**A**: Hi.\n\nB:\n`, 'empty-label', 5);
  });

  it('rejects an unclosed [', () => {
    const error = expectImportError(
      `${TITLE}\n\n**A**: Hi.\n\nA wrapped paragraph\nwith [an open mark\nthat never closes.`,
      'unbalanced-brackets',
      6,
    );
    expect(error.message).toContain('not closed');
  });

  it('rejects a stray ]', () => {
    const error = expectImportError(`${TITLE}\n\n**A**: Hi.\n\n**B**: Yes ...] no.`, 'unbalanced-brackets', 5);
    expect(error.message).toContain('no matching "["');
  });

  it('rejects a second ## heading', () => {
    const error = expectImportError(`${TITLE}\n\n**A**: Hi.\n\n## Another title`, 'unknown-structure', 5);
    expect(error.message).toContain('second "##" heading');
  });

  it('rejects # and ### headings after the title', () => {
    expectImportError(`${TITLE}\n\n**A**: Hi.\n\n# Part one`, 'unknown-structure', 5);
    expectImportError(`${TITLE}\n\n### Part one\n\n**A**: Hi.`, 'unknown-structure', 3);
  });

  it('rejects list items and other Markdown blocks', () => {
    expect(expectImportError(`${TITLE}\n\n**A**: Hi.\n\n- a point`, 'unknown-structure', 5).message).toContain('list item');
    expectImportError(`${TITLE}\n\n**A**: Hi.\n\n1. a point`, 'unknown-structure', 5);
    expectImportError(`${TITLE}\n\n**A**: Hi.\n\n> quoted`, 'unknown-structure', 5);
    expectImportError(`${TITLE}\n\n**A**: Hi.\n\n\`\`\`\ncode\n\`\`\``, 'unknown-structure', 5);
    expectImportError(`${TITLE}\n\n**A**: Hi.\n\n---`, 'unknown-structure', 5);
    expectImportError(`${TITLE}\n\n**A**: Hi.\n\n    indented code`, 'unknown-structure', 5);
    // A list item glued to a paragraph is still a list item.
    expectImportError(`${TITLE}\n\n**A**: Hi.\n- a point`, 'unknown-structure', 4);
  });

  it('rejects a paragraph after the source note', () => {
    const error = expectImportError(`${TITLE}\n\n**A**: Hi.\n\n[Source: Somewhere.]\n\nMore text.`, 'unknown-structure', 7);
    expect(error.message).toContain('after the source note');
  });

  it('starts a new turn at a speaker label glued to the previous paragraph, with a warning', () => {
    const doc = parseMemo(`${TITLE}\n\n**A**: Hi.\n**B**: Hello.`);
    expect(doc.turns.map((t) => [t.speaker, t.paragraphs, t.line])).toEqual([
      ['A', ['Hi.'], 3],
      ['B', ['Hello.'], 4],
    ]);
    expect(doc.warnings[0]).toMatchObject({ line: 4 });
  });

  it('rejects a memo with a title but no turns', () => {
    expectImportError(`${TITLE}\n\n[excerpt]\n`, 'no-turns', null);
  });

  it('rejects invalid UTF-8 bytes, naming the line', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode(`${TITLE}\n\n**A**: `), 0xc3, 0x28, 0x0a]);
    const error = expectImportError(bytes, 'not-text', 3);
    expect(error.message).toContain('UTF-8');
  });

  it('rejects NUL bytes and control characters', () => {
    expectImportError(new TextEncoder().encode(`${TITLE}\n\n**A**: Hi\u0000.`), 'not-text', 3);
    expectImportError(`${TITLE}\n\n**A**: Hi.\n\n**B**: \u0007`, 'not-text', 5);
  });

  it('rejects oversized input before parsing it', () => {
    const huge = `${TITLE}\n\n**A**: ${'x'.repeat(MAX_MEMO_BYTES)}`;
    const error = expectImportError(huge, 'too-large', null);
    expect(error.message).toContain('the limit is 50 MiB');
    expectImportError(new Uint8Array(MAX_MEMO_BYTES + 1), 'too-large', null);
  });

  it('counts bytes, not characters, against the limit', () => {
    // A third of the limit in characters of 3-byte UTF-8 is just over the limit in bytes.
    expectImportError(`${TITLE}\n\n**A**: ${'€'.repeat(Math.ceil(MAX_MEMO_BYTES / 3))}`, 'too-large', null);
  });
});

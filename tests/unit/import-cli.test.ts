/**
 * `npm run import` messages: a file it cannot take is refused in one line
 * naming the file, the line and the reason, exit 1, without a stack trace;
 * --help prints the usage; --dry-run reports and writes nothing. (No
 * database is opened for any of these.)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportJson } from '@/lib/export/json';
import { exportTmx } from '@/lib/export/tmx';
import { parseMemo } from '@/lib/memo/parse';
import { memoToBundle } from '@/lib/memo/to-bundle';

const root = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'diptych-cli-'));
const TITLE = 'Memorandum of Conversation between A. Smith and B. Jones, Rome, May 1, 1990';

function run(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import-memo.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    // A data folder nobody uses: the command must fail before it would open it.
    env: { ...process.env, DATABASE_URL: '', DIPTYCH_DATA_DIR: path.join(dir, 'never-opened') },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.trim() };
}

function file(name: string, text: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}

function expectOneLineError(result: ReturnType<typeof run>, message: string) {
  expect(result.status).toBe(1);
  expect(result.stderr).toBe(message);
  expect(result.stderr).not.toMatch(/\n|^\s+at |Error:/m);
}

// Each case starts a Node process (about a second, more on a busy machine).
describe('npm run import', { timeout: 60_000 }, () => {
  it('--help prints the usage and exits 0', () => {
    const result = run('--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: npm run import -- FILE [options]');
    expect(result.stdout).toContain('--dry-run');
  });

  it('refuses a missing file', () => {
    const missing = path.join(dir, 'missing.md');
    expectOneLineError(run(missing), `${missing}: no such file`);
  });

  it('refuses a 1.5 MB turn', () => {
    const huge = file('huge.txt', `${TITLE}\n\nSmith: ${'word '.repeat(300_000)}\n`);
    expectOneLineError(
      run(huge),
      `${huge}: line 3: turn 1 (Smith) is over 100,000 characters, the most one turn may hold; a missing speaker label or blank line may have run several turns together`,
    );
  });

  it('refuses too many turns', () => {
    const many = file('many.txt', `${TITLE}\n\n${Array.from({ length: 20_001 }, () => 'Smith: a.').join('\n\n')}\n`);
    expectOneLineError(
      run(many),
      `${many}: line 40003: this is turn 20,001; a memo may have at most 20,000 turns (split the file into several documents)`,
    );
  });

  it('refuses a bad --source-lang and an unknown option', () => {
    const ok = file('ok.txt', `${TITLE}\n\nSmith: Hello.\n\nJones: Hi.\n`);
    expectOneLineError(
      run(ok, '--source-lang', 'r!u'),
      `${ok}: --source-lang "r!u" is not a BCP 47 language tag (for example ru, en, fr, de)`,
    );
    expectOneLineError(
      run(ok, '--frobnicate'),
      `import: Unknown option '--frobnicate'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- "--frobnicate" (see --help)`,
    );
  });

  it('refuses an over-long segment or too many units in a JSON export or TMX file, and a bad --source-lang with either', () => {
    const memo = parseMemo(`${TITLE}\n\nSmith: Hello.\n\nJones: Hi.\n`);
    const { bundle } = memoToBundle(memo, { slug: 'rome-1990', sourceLang: 'ru', translationLang: 'en' });
    bundle.rows[0]!.cells[1]![0]!.text = 'word '.repeat(300_000);
    const hugeJson = file('huge.json', exportJson(bundle));
    expectOneLineError(
      run(hugeJson),
      `${hugeJson}: not a Diptych document export: rows[0].cells[1][0].text: is over 100,000 characters, the most one segment may hold`,
    );
    const tmx = (units: string[]) =>
      '<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="ru" datatype="plaintext" segtype="sentence" adminlang="en" creationtool="t" creationtoolversion="1" o-tmf="t"/><body>\n' +
      units.map((u) => `<tu><tuv xml:lang="ru"><seg>${u}</seg></tuv><tuv xml:lang="en"><seg>${u}</seg></tuv></tu>\n`).join('') +
      '</body></tmx>\n';
    const manyTmx = file('many.tmx', tmx(Array.from({ length: 129_475 }, (_, i) => `s${i}`)));
    expectOneLineError(
      run(manyTmx),
      `${manyTmx}: the TMX file has 129,475 translation units; at most 20,000 can be imported (split it into several documents)`,
    );
    const hugeTmx = file('huge.tmx', tmx(['a.', 'word '.repeat(300_000)]));
    expectOneLineError(run(hugeTmx), `${hugeTmx}: translation unit 2 is over 100,000 characters, the most one segment may hold`);
    const okTmx = file('ok.tmx', tmx(['a.']));
    expectOneLineError(
      run(okTmx, '--source-lang', 'r!u'),
      `${okTmx}: --source-lang "r!u" is not a BCP 47 language tag (for example ru, en, fr, de)`,
    );
  });

  it('--dry-run prints warnings with their lines and writes nothing', () => {
    const memo = file('notes.txt', `${TITLE}\n\nSmith: Hello.\n\nNotetaker: a pause.\n\nJones: Hi.\n`);
    const result = run(memo, '--dry-run', '--slug', 'rome-1990');
    expect(result.status).toBe(0);
    expect(result.stderr.split('\n')).toEqual([
      `${memo}: line 5: warning: "Notetaker" is not a participant; treated as text`,
      `${memo}: line 3: warning: no Russian spelling is known for "Smith"; its placeholders are labelled "Smith" until an editor corrects them`,
      `${memo}: line 7: warning: no Russian spelling is known for "Jones"; its placeholders are labelled "Jones" until an editor corrects them`,
    ]);
    expect(result.stdout).toContain('would be imported as rome-1990');
    expect(result.stdout).toContain('Nothing was written.');
  });

  it('reads a Diptych JSON export and a TMX file', () => {
    const memo = parseMemo(`${TITLE}\n\nSmith: Hello.\n\nJones: Hi.\n`);
    const { bundle } = memoToBundle(memo, { slug: 'rome-1990', sourceLang: 'ru', translationLang: 'en' });
    const json = run(file('rome.json', exportJson(bundle)), '--dry-run');
    expect(json.status).toBe(0);
    expect(json.stdout).toContain(
      'would be imported as rome-1990: "Memorandum of Conversation between A. Smith and B. Jones, Rome, May 1, 1990" (json, 2 rows, ru placeholders + en)',
    );
    bundle.rows[0]!.cells[0] = [{ turnNo: 1, sentenceNo: null, speaker: null, text: 'Здравствуйте.', isPlaceholder: false }];
    const tmx = run(file('rome.tmx', exportTmx(bundle)), '--dry-run');
    expect(tmx.status).toBe(0);
    expect(tmx.stdout).toContain(
      'would be imported as rome: "Memorandum of Conversation between A. Smith and B. Jones, Rome, May 1, 1990" (tmx, 1 row, ru + en)',
    );
  });
});

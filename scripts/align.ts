// `npm run align -- SRC TGT [--source-lang xx --target-lang yy]`
// Aligns two files of one sentence a line and prints the links, one a line,
// as [i, j]:[k] with 0-based line numbers ([] for a 1:0 or 0:1 link), the
// convention of Bleualign and Vecalign (docs/formats.md).
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { align } from '@/lib/align/align';
import { AlignInputError, languageTag, sentenceLines } from '@/lib/align/input';
import { formatLinks } from '@/lib/align/links-format';

const USAGE =
  'Usage: npm run align -- SOURCE.txt TARGET.txt [--source-lang xx] [--target-lang yy]\n' +
  'Both files hold one sentence a line (UTF-8). Prints one link a line: [i, j]:[k], 0-based.';

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      'source-lang': { type: 'string' },
      'target-lang': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`, 2);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (positionals.length !== 2) fail(`Expected two files, got ${positionals.length}.\n${USAGE}`, 2);

async function load(file: string): Promise<string[]> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(
      code === 'ENOENT'
        ? `${file}: no such file`
        : code === 'EISDIR'
          ? `${file}: is a directory, not a file`
          : `${file}: cannot be read (${code})`,
    );
  }
  return sentenceLines(bytes, file);
}

try {
  const sourceLang = values['source-lang'] ? languageTag(values['source-lang'], '--source-lang') : undefined;
  const targetLang = values['target-lang'] ? languageTag(values['target-lang'], '--target-lang') : undefined;
  const [src, tgt] = await Promise.all([load(positionals[0]!), load(positionals[1]!)]);
  const links = align(src, tgt, { sourceLang, targetLang });
  process.stdout.write(formatLinks(links));
} catch (error) {
  if (error instanceof AlignInputError) fail(error.message);
  throw error;
}

// `npm run import -- path/to/memo.md [--slug SLUG] [--source-lang ru] [--translation-lang en]`
// Imports a memorandum (docs/formats.md) as a new document at revision 1: the
// translation's turns, a source column of placeholders, one row per turn.
// A malformed file is refused with the line and the reason; nothing is written.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { describeConfiguredDatabase, openConfiguredDatabase } from '@/db/bootstrap';
import { importMemoDocument } from '@/db/import-memo';
import { ensureSystemUser } from '@/db/users';
import { ImportError } from '@/lib/memo/errors';
import { parseMemo } from '@/lib/memo/parse';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    slug: { type: 'string' },
    'source-lang': { type: 'string', default: 'ru' },
    'translation-lang': { type: 'string', default: 'en' },
  },
});

const file = positionals[0];
if (!file) {
  console.error('Usage: npm run import -- path/to/memo.md [--slug SLUG] [--source-lang ru] [--translation-lang en]');
  process.exit(2);
}
const slug = values.slug ?? path.basename(file).replace(/\.md$/i, '');
if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) {
  console.error(`"${slug}" is not a usable slug: use lower-case letters, digits and single hyphens.`);
  process.exit(2);
}

let memo;
try {
  memo = parseMemo(await readFile(file));
} catch (error) {
  if (error instanceof ImportError) {
    console.error(`${file}: ${error.message}`);
    process.exit(1);
  }
  throw error;
}

const sourceLang = values['source-lang']!;
const translationLang = values['translation-lang']!;
const names = new Intl.DisplayNames(['en'], { type: 'language' });
const database = await openConfiguredDatabase();
try {
  const { created } = await importMemoDocument(database.db, memo, {
    slug,
    sourceLang,
    translationLang,
    sourceLabel: `${names.of(sourceLang) ?? sourceLang} original`,
    translationLabel: `${names.of(translationLang) ?? translationLang} translation`,
    userId: await ensureSystemUser(database.db),
  });
  if (!created) {
    console.error(`A document "${slug}" already exists in ${describeConfiguredDatabase()}; nothing was changed.`);
    process.exitCode = 1;
  } else {
    console.log(`Imported "${memo.title}" as ${slug}: ${memo.turns.length} turns, into ${describeConfiguredDatabase()}.`);
  }
} finally {
  await database.close();
}

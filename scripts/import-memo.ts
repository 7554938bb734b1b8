// `npm run import -- FILE [--slug S] [--source-lang ru] [--translation-lang en] [--dry-run]`
// Imports a memorandum in any convention of docs/formats.md, a Diptych JSON
// export or a TMX file as a new document at revision 1. Warnings are printed
// with their lines; a file that cannot be read is refused in one line naming
// the file, the line and the reason (exit 1), and nothing is written.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { ImportError } from '@/lib/memo/errors';
import { planImport, type ImportPlan } from '@/lib/import/plan-import';

const USAGE = `Usage: npm run import -- FILE [options]

Imports FILE as a new document: a memorandum of conversation (Markdown or
plain text, see docs/formats.md), a Diptych JSON export (.json) or a TMX file (.tmx).

Options:
  --slug SLUG               the document's address (default: from the file name)
  --source-lang TAG         language of the original (default ru)
  --translation-lang TAG    language of the translation (default en)
  --dry-run                 parse and report, write nothing
  --help                    show this help`;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      slug: { type: 'string' },
      'source-lang': { type: 'string' },
      'translation-lang': { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
} catch (error) {
  fail(`import: ${(error as Error).message.split('\n')[0]} (see --help)`);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const file = positionals[0];
if (!file || positionals.length > 1) fail('import: name exactly one file to import (see --help)');

let bytes: Uint8Array;
try {
  bytes = await readFile(file);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  fail(
    `${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${code ?? 'error'})`}`,
  );
}

let plan: ImportPlan;
try {
  plan = planImport(bytes, {
    fileName: file,
    slug: values.slug ?? null,
    sourceLang: values['source-lang'],
    translationLang: values['translation-lang'],
  });
} catch (error) {
  if (error instanceof ImportError) fail(`${file}: ${error.message}`);
  throw error;
}

for (const w of plan.warnings) console.warn(`${file}: ${w.line === null ? '' : `line ${w.line}: `}warning: ${w.message}`);
const { bundle } = plan;
const describe = `"${bundle.metadata.title}" (${plan.kind}, ${bundle.rows.length} row${bundle.rows.length === 1 ? '' : 's'}, ${bundle.witnesses.map((w) => `${w.lang}${w.isPlaceholderWitness ? ' placeholders' : ''}`).join(' + ')})`;
if (values['dry-run']) {
  console.log(`Dry run: ${file} would be imported as ${bundle.slug}: ${describe}. Nothing was written.`);
  process.exit(0);
}

// Only now open the database: a bad file never touches it.
const { describeConfiguredDatabase, openDatabaseForCommand } = await import('@/db/bootstrap');
const { importBundle } = await import('@/db/import-bundle');
const { ensureSystemUser } = await import('@/db/accounts/users');
const database = await openDatabaseForCommand();
try {
  const { created } = await importBundle(database.db, bundle, {
    userId: await ensureSystemUser(database.db),
    op: plan.op,
    summary: plan.summary,
    // Long files: say how far the import is (stderr, so stdout stays the one-line result).
    onProgress: bundle.rows.length > 2_000 ? (done, total) => process.stderr.write(`Stored ${done} of ${total} rows…\n`) : undefined,
  });
  if (!created) {
    console.error(
      `${file}: a document "${bundle.slug}" already exists in ${describeConfiguredDatabase()}; nothing was changed (choose another --slug)`,
    );
    process.exitCode = 1;
  } else {
    console.log(`Imported ${describe} as ${bundle.slug} into ${describeConfiguredDatabase()}.`);
  }
} finally {
  await database.close();
}

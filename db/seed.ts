/**
 * Loads the documents Diptych ships (db/seed/*.md) on first start. Running it
 * again changes nothing: documents are keyed by slug, the system user by email.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { parseMemo } from '@/lib/memo/parse';
import type { Db } from './connect';
import { importMemoDocument } from './import-memo';
import { ensureSystemUser } from './accounts/users';

export const seedFolder = path.join(process.cwd(), 'db', 'seed');

export interface SeedResult {
  created: string[];
  existing: string[];
}

export async function seedDatabase(db: Db): Promise<SeedResult> {
  const systemUserId = await ensureSystemUser(db);
  const files = (await readdir(seedFolder)).filter((f) => f.endsWith('.md')).sort();
  const result: SeedResult = { created: [], existing: [] };
  for (const file of files) {
    const slug = file.replace(/\.md$/, '');
    const memo = parseMemo(await readFile(path.join(seedFolder, file)));
    const { created } = await importMemoDocument(db, memo, {
      slug,
      translationLang: 'en',
      translationLabel: 'English translation',
      sourceLang: 'ru',
      sourceLabel: 'Russian original',
      userId: systemUserId,
    });
    (created ? result.created : result.existing).push(slug);
  }
  return result;
}

/**
 * Stores a parsed memo as a document at revision 1 (lib/memo/to-bundle.ts
 * decides the columns and placeholder labels; db/import-bundle.ts writes):
 * the turns in the column of the file's language, a placeholder column in
 * the other, one alignment row per turn with status 'auto'. One transaction.
 */
import type { MemoDocument, MemoWarning } from '@/lib/memo/model';
import { memoToBundle } from '@/lib/memo/to-bundle';
import type { Db } from './connect';
import { importBundle } from './import-bundle';

export interface ImportMemoOptions {
  slug: string;
  /** Language of the translation column. */
  translationLang: string;
  /** Language of the original. */
  sourceLang: string;
  sourceLabel?: string;
  translationLabel?: string;
  userId: number;
  /** Called after each chunk of stored rows (db/import-bundle.ts). */
  onProgress?: (done: number, total: number) => void;
}

/** Imports the memo unless a document with this slug exists; returns its id, whether it was created, and the import's warnings. */
export async function importMemoDocument(
  db: Db,
  memo: MemoDocument,
  options: ImportMemoOptions,
): Promise<{ documentId: number; created: boolean; warnings: MemoWarning[] }> {
  const { bundle, warnings } = memoToBundle(memo, options);
  const n = memo.turns.length;
  const placeholderRole = bundle.witnesses.find((w) => w.isPlaceholderWitness)?.role ?? 'source';
  const result = await importBundle(db, bundle, {
    userId: options.userId,
    op: { type: 'import', format: 'memo', turns: n },
    summary: `Imported ${n} turns; ${placeholderRole} column of ${n} placeholders`,
    onProgress: options.onProgress,
  });
  return { ...result, warnings };
}

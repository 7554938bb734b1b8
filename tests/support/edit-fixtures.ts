/**
 * Helpers for the editing integration tests: a seeded database with two
 * editors, and lookups of rows and segments by the refs a person would use.
 */
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Db } from '@/db/connect';
import { getAlignmentState } from '@/db/queries/alignment';
import { getDocumentBySlug } from '@/db/queries/documents';
import { revisions, users } from '@/db/schema';
import { seedDatabase } from '@/db/seed';
import { findViolations } from '@/lib/alignment/invariants';
import { rowRefs } from '@/lib/alignment/row-refs';
import { segmentRef, type AlignmentRow, type AlignmentState } from '@/lib/alignment/types';

export const SLUG = 'gorbachev-mitterrand-1991-01-18';

export interface EditFixture {
  documentId: number;
  ada: number;
  bob: number;
}

export async function seedWithEditors(db: Db): Promise<EditFixture> {
  await seedDatabase(db);
  const doc = await getDocumentBySlug(db, SLUG);
  const [ada, bob] = await db
    .insert(users)
    .values([
      { email: `ada-${Math.random()}@example.test`, name: 'Ada', role: 'editor' },
      { email: `bob-${Math.random()}@example.test`, name: 'Bob', role: 'editor' },
    ])
    .returning({ id: users.id });
  return { documentId: doc!.id, ada: ada!.id, bob: bob!.id };
}

export function witnessIds(state: AlignmentState): { ru: number; en: number } {
  return {
    ru: state.witnesses.find((w) => w.lang === 'ru')!.id,
    en: state.witnesses.find((w) => w.lang === 'en')!.id,
  };
}

/** The row holding translation ref `ref` (T5, T5.2). */
export function row(state: AlignmentState, ref: string): AlignmentRow {
  const found = state.rows.find((r) => rowRefs(r, state).includes(ref));
  if (!found) throw new Error(`no row holds ${ref}`);
  return found;
}

/** The key of the segment with `ref` in the witness of language `lang`. */
export function segmentKey(state: AlignmentState, ref: string, lang: 'en' | 'ru'): string {
  const witness = state.witnesses.find((w) => w.lang === lang)!;
  const found = Object.values(state.segments).find((s) => s.witnessId === witness.id && segmentRef(s) === ref);
  if (!found) throw new Error(`no ${lang} segment ${ref}`);
  return found.key;
}

export const refsOf = (state: AlignmentState) => state.rows.map((r) => rowRefs(r, state).join(' '));

/** Every revision of the document renders a sound state, and revision numbers run 1..current without a gap. */
export async function expectConsistentHistory(db: Db, documentId: number): Promise<number> {
  const current = await getAlignmentState(db, documentId);
  const revs = await db
    .select({ rev: revisions.rev })
    .from(revisions)
    .where(eq(revisions.documentId, documentId))
    .orderBy(revisions.rev);
  expect(revs.map((r) => r.rev)).toEqual(Array.from({ length: current.rev }, (_, i) => i + 1));
  for (let rev = 1; rev <= current.rev; rev++) {
    const state = await getAlignmentState(db, documentId, rev);
    expect(findViolations(state, { complete: true }), `revision ${rev}`).toEqual([]);
  }
  return current.rev;
}

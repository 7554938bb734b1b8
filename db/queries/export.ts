/** A whole document at a revision as a bundle, for the exporters (lib/export/). */
import { stateToBundle } from '@/lib/document/from-state';
import type { DocumentBundle } from '@/lib/document/bundle';
import type { Db } from '../connect';
import { getAlignmentState } from './alignment';
import { getMetadataAt, getMilestonesAt } from './document-metadata';
import { stripRevision, wordLinksOfRows } from './word-links';

export async function getDocumentBundle(db: Db, document: { id: number; slug: string }, rev: number | null): Promise<DocumentBundle> {
  const [state, metadata, milestones] = await Promise.all([
    getAlignmentState(db, document.id, rev),
    getMetadataAt(db, document.id, rev),
    getMilestonesAt(db, document.id, rev),
  ]);
  if (!metadata) throw new Error(`document ${document.id} has no metadata at revision ${rev ?? 'current'}`);
  const links = (
    await wordLinksOfRows(
      db,
      document.id,
      state.rows.map((r) => r.key),
      rev,
    )
  ).map(stripRevision);
  return stateToBundle(document.slug, state, metadata, milestones, links);
}

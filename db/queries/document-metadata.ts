/**
 * A document's metadata as of a revision (null: now) from its versions in
 * document_metadata, and its page milestones as of a revision. One indexed
 * lookup each.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { VersionedMetadata } from '@/lib/document/from-state';
import type { Db } from '../connect';
import { documentMetadata, pageMilestones } from '../schema';
import { aliveAt } from './alive-at';

const metadataColumns = {
  title: documentMetadata.title,
  date: documentMetadata.date,
  place: documentMetadata.place,
  participants: documentMetadata.participants,
  archiveRef: documentMetadata.archiveRef,
  translator: documentMetadata.translator,
  publisher: documentMetadata.publisher,
  sourceNote: documentMetadata.sourceNote,
  isExcerpt: documentMetadata.isExcerpt,
  frontMatter: documentMetadata.frontMatter,
  witnesses: documentMetadata.witnesses,
  revFrom: documentMetadata.revFrom,
};

export async function getMetadataAt(db: Db, documentId: number, rev: number | null): Promise<VersionedMetadata | null> {
  const [row] = await db
    .select(metadataColumns)
    .from(documentMetadata)
    .where(and(eq(documentMetadata.documentId, documentId), aliveAt(documentMetadata, rev)))
    .limit(1);
  return row ?? null;
}

export async function getMilestonesAt(db: Db, documentId: number, rev: number | null) {
  return db
    .select({
      witnessId: pageMilestones.witnessId,
      turnNo: pageMilestones.turnNo,
      paragraph: pageMilestones.paragraph,
      label: pageMilestones.label,
    })
    .from(pageMilestones)
    .where(and(eq(pageMilestones.documentId, documentId), aliveAt(pageMilestones, rev)))
    .orderBy(asc(pageMilestones.turnNo), asc(pageMilestones.paragraph), asc(pageMilestones.id));
}

/**
 * Generates a document of any length straight into the database (bulk
 * inserts in chunks), shaped like an imported memo at revision 1: one row
 * per turn, an English translation and a Russian source witness where every
 * other turn is still a placeholder. Used by the scale test and the benchmark.
 */
import { documentMetadata, documents, alignmentMembers, alignmentRows, revisions, segments, witnesses } from '@/db/schema';
import type { Db } from '@/db/connect';
import { orderKeysBetween } from '@/lib/keys/ids';

const CHUNK = 2_000;

export async function createLargeDocument(db: Db, options: { slug: string; turns: number; userId: number }): Promise<number> {
  const { slug, turns, userId } = options;
  const [doc] = await db
    .insert(documents)
    .values({ slug, title: `Generated document of ${turns} turns`, currentRev: 1 })
    .returning({ id: documents.id });
  const documentId = doc!.id;
  const [ru, en] = await db
    .insert(witnesses)
    .values([
      { documentId, lang: 'ru', role: 'source', label: 'Russian original', isPlaceholderWitness: true, position: 0 },
      { documentId, lang: 'en', role: 'translation', label: 'English translation', isPlaceholderWitness: false, position: 1 },
    ])
    .returning({ id: witnesses.id });
  await db
    .insert(revisions)
    .values({ documentId, rev: 1, userId, op: { type: 'import', format: 'generated', turns }, summary: `Generated ${turns} turns` });
  await db.insert(documentMetadata).values({
    documentId,
    title: `Generated document of ${turns} turns`,
    witnesses: [
      { id: ru!.id, lang: 'ru', label: 'Russian original' },
      { id: en!.id, lang: 'en', label: 'English translation' },
    ],
    revFrom: 1,
  });

  const orderKeys = orderKeysBetween(null, null, turns);
  for (let start = 0; start < turns; start += CHUNK) {
    const batch = Array.from({ length: Math.min(CHUNK, turns - start) }, (_, k) => {
      const n = start + k + 1;
      return {
        n,
        orderKey: orderKeys[n - 1]!,
        en: `s_${documentId}_en_${n}`,
        ru: `s_${documentId}_ru_${n}`,
        row: `r_${documentId}_${n}`,
      };
    });
    await db.insert(segments).values(
      batch.flatMap(({ n, orderKey, en: enKey, ru: ruKey }) => [
        {
          key: enKey,
          documentId,
          witnessId: en!.id,
          orderKey,
          turnNo: n,
          speaker: n % 2 ? 'Gorbachev' : 'Mitterrand',
          text: `Turn ${n} opens here. It says a second thing.`,
          isPlaceholder: false,
          revFrom: 1,
        },
        {
          key: ruKey,
          documentId,
          witnessId: ru!.id,
          orderKey,
          turnNo: n,
          speaker: n % 2 ? 'Горбачев' : 'Миттеран',
          text: n % 2 ? '' : `Реплика ${n}. Вторая фраза.`,
          isPlaceholder: n % 2 === 1,
          revFrom: 1,
        },
      ]),
    );
    const inserted = await db
      .insert(alignmentRows)
      .values(batch.map(({ row, orderKey }) => ({ key: row, documentId, orderKey, status: 'auto' as const, revFrom: 1 })))
      .returning({ id: alignmentRows.id, key: alignmentRows.key });
    const ids = new Map(inserted.map((r) => [r.key, r.id]));
    await db.insert(alignmentMembers).values(
      batch.flatMap(({ row, en: enKey, ru: ruKey }) => [
        { rowVersionId: ids.get(row)!, witnessId: ru!.id, segmentKey: ruKey },
        { rowVersionId: ids.get(row)!, witnessId: en!.id, segmentKey: enKey },
      ]),
    );
  }
  return documentId;
}

/**
 * The text of a memo of `turns` turns, about 350 bytes each (20,000 turns: about 7 MB, the size of a
 * book), for the import scale test and the import bench.
 */
export function largeMemoText(turns: number): string {
  const sentence = (n: number) => `Turn ${n} of the generated book, a paragraph of ordinary length with a few clauses in it. `;
  const body = Array.from(
    { length: turns },
    (_, i) =>
      `**${i % 2 ? 'Mitterrand' : 'Gorbachev'}**: ${sentence(i + 1)
        .repeat(3)
        .trim()}`,
  );
  return `## A conversation of ${turns} turns\n\n${body.join('\n\n')}\n`;
}

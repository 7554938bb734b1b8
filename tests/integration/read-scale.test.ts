/**
 * Reading a 20,000-turn document costs what the page shows, not the
 * document: the reader's window, a passage (current and pinned), the API
 * and search each read a bounded number of tuples, counted by PostgreSQL's
 * statistics as in edit-scale.test.ts (no ANALYZE: the worst case).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passageResponse } from '@/app/api/documents/_handlers';
import { applyEdit } from '@/db/edits/apply-edit';
import { getAlignmentState } from '@/db/queries/alignment';
import { getDocumentBySlug, type DocumentMeta } from '@/db/queries/documents';
import { passageViewOf } from '@/db/queries/passages';
import { searchSegments } from '@/db/queries/search';
import { getAlignmentWindowWithContext } from '@/db/queries/window';
import { getDocumentOutline, getReaderWindow } from '@/db/read-path/reader';
import { users } from '@/db/schema';
import { parseRef } from '@/lib/refs/parse';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/databases';
import { createLargeDocument } from '../support/large-document';
import { tuplesReadBy } from '../support/tuple-stats';

const TURNS = 20_000;
const SLUG = 'twenty-thousand-read';
/** A window shows 100 turns: 100 rows, 200 members, 200 segments and the lookups that find them. */
const WINDOW_BUDGET = 1_500;
/** A passage of one turn with a turn of context either side. */
const PASSAGE_BUDGET = 300;

describe.each(testDatabaseKinds)('reading a 20,000-turn document on %s', (kind) => {
  let database: TestDatabase;
  let documentId: number;
  let meta: DocumentMeta;
  let userId: number;
  beforeAll(async () => {
    database = await createTestDatabase(kind, { max: 1 });
    const [user] = await database.db
      .insert(users)
      .values({ email: 'read@example.test', name: 'Read', role: 'editor' })
      .returning({ id: users.id });
    userId = user!.id;
    documentId = await createLargeDocument(database.db, { slug: SLUG, turns: TURNS, userId });
    // The outline (witnesses, last turn, transcription progress) is read once per revision; the
    // cases below are what each further window, passage or search costs.
    await getDocumentOutline(database.db, documentId, 1);
    meta = (await getDocumentBySlug(database.db, SLUG))!;
  }, 300_000);
  afterAll(async () => database?.dispose());

  it('the count sees a whole-document read (20,000 tuples or more)', async () => {
    expect(await tuplesReadBy(database.db, () => getAlignmentState(database.db, documentId))).toBeGreaterThanOrEqual(TURNS);
  });

  it('the reader window holding T12345 reads one window and shows exactly its 100 turns', async () => {
    let window: Awaited<ReturnType<typeof getReaderWindow>> | undefined;
    const read = await tuplesReadBy(database.db, async () => {
      window = await getReaderWindow(database.db, { id: documentId }, 1, 12_345);
    });
    expect(read).toBeLessThan(WINDOW_BUDGET);
    const turns = window!.state.rows.map(
      (row) => window!.state.segments[row.members[Object.keys(row.members).map(Number).at(-1)!]![0]!]!.turnNo,
    );
    expect(window!.window).toMatchObject({ first: 12_301, last: 12_400, lastTurn: TURNS });
    expect(turns).toEqual(Array.from({ length: 100 }, (_, i) => 12_301 + i));
  });

  it('consecutive windows share no row and miss none', async () => {
    const a = await getReaderWindow(database.db, { id: documentId }, 1, 19_901);
    const b = await getReaderWindow(database.db, { id: documentId }, 1, 19_801);
    const keys = [...b.state.rows, ...a.state.rows].map((r) => r.key);
    expect(new Set(keys).size).toBe(200);
    expect(a.window.next).toBeNull();
    expect(b.window.next).toEqual({ first: 19_901, last: 20_000 });
  });

  it('a passage deep in the document reads only its turns, current and pinned', async () => {
    const current = await tuplesReadBy(database.db, () => passageViewOf(database.db, meta, parseRef('T15000'), null));
    expect(current).toBeLessThan(PASSAGE_BUDGET);
    const pinned = await tuplesReadBy(database.db, () => passageViewOf(database.db, meta, parseRef('T15001'), 1));
    expect(pinned).toBeLessThan(2 * PASSAGE_BUDGET);
  });

  it('the passage API reads only the passage', async () => {
    const read = await tuplesReadBy(database.db, async () => {
      const response = await passageResponse(
        database.db,
        new Request(`http://x.test/api/documents/${SLUG}/passages/T17000`),
        'http://x.test',
        { slug: SLUG, ref: 'T17000' },
      );
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(body.rows).toHaveLength(1);
    });
    expect(read).toBeLessThan(PASSAGE_BUDGET);
  });

  it('a 304 from the passage API reads no content at all (the tag comes from the document row)', async () => {
    const url = `http://x.test/api/documents/${SLUG}/passages/T18000`;
    const first = await passageResponse(database.db, new Request(url), 'http://x.test', { slug: SLUG, ref: 'T18000' });
    const tag = first.headers.get('etag')!;
    expect(tag).toContain(`-${documentId}-T18000-r1-c1`);
    // A different turn, never read: the 304 must not compute its view either.
    const cold = `http://x.test/api/documents/${SLUG}/passages/T18500`;
    const coldTag = tag.replace('T18000', 'T18500');
    let status = 0;
    const read = await tuplesReadBy(database.db, async () => {
      status = (
        await passageResponse(database.db, new Request(cold, { headers: { 'If-None-Match': coldTag } }), 'http://x.test', {
          slug: SLUG,
          ref: 'T18500',
        })
      ).status;
    });
    expect(status).toBe(304);
    expect(read).toBe(0);
  });

  it('the edit page reads its 200 turns and one turn either side', async () => {
    let result: Awaited<ReturnType<typeof getAlignmentWindowWithContext>> | undefined;
    const read = await tuplesReadBy(database.db, async () => {
      result = await getAlignmentWindowWithContext(database.db, documentId, 1, { first: 10_001, last: 10_200 }, TURNS);
    });
    expect(read).toBeLessThan(2 * WINDOW_BUDGET + 2 * PASSAGE_BUDGET);
    expect(result!.range).toEqual({ start: 1, end: 201 });
    expect(result!.state.rows).toHaveLength(202);
  });

  it('search on it keeps the best 100 and says the list was cut', async () => {
    // "turn" is in all 20,000 English segments: only the first matches of each configuration are ranked.
    const results = await searchSegments(database.db, 'turn');
    expect(results.total).toBe(100);
    expect(results.truncated).toBe(true);
  });

  // Last: it edits the document.
  it('a pinned passage is read once per revision: again it reads nothing, and after an edit elsewhere only the current turns', async () => {
    const first = await passageViewOf(database.db, meta, parseRef('T14000'), 1);
    expect(await tuplesReadBy(database.db, () => passageViewOf(database.db, meta, parseRef('T14000'), 1))).toBe(0);

    const outcome = await applyEdit(database.db, {
      documentId,
      baseRev: 1,
      userId,
      op: { type: 'replace-placeholder', segmentKey: `s_${documentId}_ru_19999`, text: 'Последняя реплика.' },
    });
    const edited = (await getDocumentBySlug(database.db, SLUG))!;
    expect(edited.currentRev).toBe(outcome.rev);
    let again: Awaited<ReturnType<typeof passageViewOf>> | undefined;
    // The pinned rows and metadata come from the cache; only the passage's current turns are read (to say whether it changed).
    const read = await tuplesReadBy(database.db, async () => {
      again = await passageViewOf(database.db, edited, parseRef('T14000'), 1);
    });
    expect(read).toBeLessThan(PASSAGE_BUDGET);
    expect(again!.state.rows).toEqual(first.state.rows);
    expect(again!.change).toBeNull();
  });
});

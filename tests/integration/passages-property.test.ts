/**
 * Property: after any sequence of valid edits (applied through applyEdit,
 * as the app applies them), every citation pinned earlier renders exactly
 * the same rows, text and citation as when it was made, and every unpinned
 * reference to whole turns still resolves to the same turns. Each run edits
 * its own copy of the seed memo in one database per kind.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEdit } from '@/db/edits/apply-edit';
import { importMemoDocument } from '@/db/import-memo';
import { getAlignmentState } from '@/db/queries/alignment';
import { getPassageView } from '@/db/queries/passages';
import { ensureSystemUser } from '@/db/accounts/users';
import { users } from '@/db/schema';
import { AlignmentError } from '@/lib/alignment/errors';
import type { EditOp } from '@/lib/alignment/op-schema';
import { referenceWitness } from '@/lib/alignment/row-refs';
import { proposeSentenceOffsets } from '@/lib/alignment/sentences';
import { segmentRef, type AlignmentState } from '@/lib/alignment/types';
import { passageCitation } from '@/lib/citation/passage-citation';
import { RefError } from '@/lib/refs/errors';
import { passageFingerprint } from '@/lib/refs/fingerprint';
import { formatRef, parseRef, turnRange, type PassageRef } from '@/lib/refs/parse';
import { parseMemo } from '@/lib/memo/parse';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/databases';

const memo = parseMemo(readFileSync(path.join(process.cwd(), 'db', 'seed', 'gorbachev-mitterrand-1991-01-18.md')));
const ORIGIN = 'https://diptych.example';
const TEXTS = ['Да.', 'Мы должны действовать вместе. Это главное.', 'Corrected text.', 'Two sentences. Here, Mr. Smith.'];

const step = fc.record({
  kind: fc.integer({ min: 0, max: 7 }),
  a: fc.nat({ max: 1000 }),
  b: fc.nat({ max: 1000 }),
  c: fc.nat({ max: 1000 }),
  /** The passage to cite before this edit: turns a..b, or a sentence when cite % 4 === 0. */
  cite: fc.nat({ max: 1000 }),
});
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

/** Turns random numbers into an edit of the current state; null when the numbers name nothing sensible. */
function pickOp(state: AlignmentState, { kind, a, b, c }: Step): EditOp | null {
  const row = state.rows[a % state.rows.length]!;
  const witnesses = state.witnesses.map((w) => w.id);
  const witnessId = witnesses[b % witnesses.length]!;
  const keys = Object.values(row.members).flat();
  const segmentKey = keys[b % Math.max(1, keys.length)];
  switch (kind) {
    case 0: {
      const next = state.rows[(a % state.rows.length) + 1];
      return next ? { type: 'merge-rows', rowKey: row.key, nextRowKey: next.key } : null;
    }
    case 1: {
      const inRow = row.members[witnessId] ?? [];
      return inRow.length
        ? { type: 'split-row', rowKey: row.key, starts: [{ witnessId, segmentKey: inRow[c % inRow.length]! }] }
        : null;
    }
    case 2:
      return { type: 'move-boundary', rowKey: row.key, witnessId, direction: c % 2 ? 'up' : 'down' };
    case 3: {
      if (!segmentKey) return null;
      const segment = state.segments[segmentKey]!;
      const lang = state.witnesses.find((w) => w.id === segment.witnessId)!.lang;
      const offsets = proposeSentenceOffsets(segment.text, lang);
      return offsets.length ? { type: 'split-segment', segmentKey, offsets } : null;
    }
    case 4: {
      const pairs = state.rows.flatMap((r) =>
        Object.values(r.members).flatMap((ks) =>
          ks.slice(1).flatMap((k, i) => (state.segments[k]!.turnNo === state.segments[ks[i]!]!.turnNo ? [[ks[i]!, k] as const] : [])),
        ),
      );
      const pair = pairs[c % Math.max(1, pairs.length)];
      return pair ? { type: 'merge-segments', segmentKey: pair[0], nextSegmentKey: pair[1] } : null;
    }
    case 5:
      return segmentKey ? { type: 'replace-placeholder', segmentKey, text: TEXTS[c % TEXTS.length]! } : null;
    case 6:
      return segmentKey ? { type: 'correct-text', segmentKey, text: TEXTS[c % TEXTS.length]! } : null;
    default:
      return { type: 'set-row-status', rowKey: row.key, status: (['auto', 'unverified', 'verified'] as const)[c % 3]!, note: null };
  }
}

/** A passage to cite now: a range of whole turns, or one of the sentences that exist at this revision. */
function pickRef(state: AlignmentState, { cite, a }: Step): PassageRef {
  const turns = memo.turns.length;
  if (cite % 4 === 0) {
    const reference = referenceWitness(state)!;
    const refs = Object.values(state.segments)
      .filter((s) => s.witnessId === reference.id && s.sentenceNo != null)
      .map((s) => segmentRef(s))
      .sort();
    if (refs.length) return parseRef(refs[a % refs.length]!);
  }
  const first = 1 + (cite % turns);
  const last = Math.min(turns, first + (a % 3));
  return turnRange(first, last);
}

interface Citation {
  ref: PassageRef;
  rev: number;
  print: string;
  chicagoNote: string;
  bibliography: string;
  quotation: string;
  turns: number[];
}

describe.each(testDatabaseKinds)('pinned citations survive edits on %s', (kind) => {
  let database: TestDatabase;
  let editor: number;
  let runs = 0;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await ensureSystemUser(database.db);
    const [user] = await database.db
      .insert(users)
      .values({ email: 'prop@example.test', name: 'Prop', role: 'editor' })
      .returning({ id: users.id });
    editor = user!.id;
  });
  afterAll(async () => database?.dispose());

  it('every earlier citation renders the same; every unpinned turn reference names the same turns', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        const db = database.db;
        const slug = `prop-${kind}-${runs++}`;
        const { documentId } = await importMemoDocument(db, memo, {
          slug,
          translationLang: 'en',
          translationLabel: 'English translation',
          sourceLang: 'ru',
          sourceLabel: 'Russian original',
          userId: editor,
        });
        const citations: Citation[] = [];
        const cite = async (ref: PassageRef, rev: number): Promise<Citation> => {
          const view = (await getPassageView(db, { slug, ref, rev }))!;
          const c = passageCitation({
            document: view.document,
            state: view.state,
            passage: view.passage,
            pinned: true,
            origin: ORIGIN,
          });
          return {
            ref,
            rev,
            print: passageFingerprint(view.state, view.passage.rows),
            chicagoNote: c.citations.chicagoNote,
            bibliography: c.citations.chicagoBibliography,
            quotation: c.quotationText,
            turns: view.passage.turns,
          };
        };

        for (const s of steps) {
          const state = await getAlignmentState(db, documentId);
          citations.push(await cite(pickRef(state, s), state.rev));
          const op = pickOp(state, s);
          if (!op) continue;
          try {
            await applyEdit(db, { documentId, baseRev: state.rev, userId: editor, op });
          } catch (error) {
            // Only refusals named by the model are acceptable; anything else fails the property.
            if (!(error instanceof AlignmentError) || error.code === 'invariant') throw error;
          }
        }

        for (const made of citations) {
          const again = await cite(made.ref, made.rev);
          expect(again, `${formatRef(made.ref)} pinned at revision ${made.rev}`).toEqual(made);
          if (made.ref.start.sentence == null && made.ref.end.sentence == null) {
            const now = (await getPassageView(db, { slug, ref: made.ref, rev: null }))!;
            expect(now.passage.turns).toEqual(made.turns);
          } else {
            // A sentence may have been merged away since; if it still resolves, it is in the same turn.
            try {
              const now = (await getPassageView(db, { slug, ref: made.ref, rev: null }))!;
              expect(now.passage.turns).toEqual(made.turns);
            } catch (error) {
              expect(error).toBeInstanceOf(RefError);
              expect((error as RefError).code).toBe('sentence-out-of-range');
            }
          }
        }
      }),
      { numRuns: 8 },
    );
  });
});

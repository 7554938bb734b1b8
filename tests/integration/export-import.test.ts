/**
 * Export and import on real databases: the seed (with edits, page
 * milestones and corrected details) exported as JSON imports into an empty
 * database and exports to the same bytes; TMX is valid against the TMX 1.4
 * DTD (xmllint); TEI is well-formed with the structure docs/formats.md
 * describes; CSV parses back to the rows. Document details are revisions:
 * undo, revert and pinned passages see them as of their revision.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEdit } from '@/db/edits/apply-edit';
import { revertTo, undoLastEdit } from '@/db/edits/history-edits';
import { applyMetadataEdit } from '@/db/edits/metadata-edit';
import { importBundle } from '@/db/import-bundle';
import { getAlignmentState } from '@/db/queries/alignment';
import { getDocumentBySlug } from '@/db/queries/documents';
import { getDocumentBundle } from '@/db/queries/export';
import { getPassageView } from '@/db/queries/passages';
import { ensureSystemUser } from '@/db/accounts/users';
import { ConflictError } from '@/lib/alignment/errors';
import type { EditMetadataOp } from '@/lib/alignment/op-schema';
import { exportCsv } from '@/lib/export/csv';
import { exportJson } from '@/lib/export/json';
import { exportTei } from '@/lib/export/tei';
import { exportTmx } from '@/lib/export/tmx';
import { planImport } from '@/lib/import/plan-import';
import { parseJsonDocument } from '@/lib/import/json';
import { parseTmx } from '@/lib/import/tmx';
import { parseRef } from '@/lib/refs/parse';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/databases';
import { SLUG, seedWithEditors, segmentKey, row, type EditFixture } from '../support/edit-fixtures';

const DTD = path.join(import.meta.dirname, '../support/tmx14.dtd');

function metadataOp(over: Partial<EditMetadataOp['metadata']>, languages: EditMetadataOp['languages'] = []): EditMetadataOp {
  return {
    type: 'edit-metadata',
    metadata: {
      title: 'Memorandum of Telephone Conversation between Mikhail Gorbachev and Francois Mitterrand January 18, 1991',
      date: '1991-01-18',
      place: null,
      participants: ['Mikhail Gorbachev', 'Francois Mitterrand'],
      archiveRef: 'Archive of the Gorbachev Foundation, Fond 1, opis 1',
      translator: 'Svetlana Savranskaya',
      publisher: 'National Security Archive',
      sourceNote:
        'Source: Archive of the Gorbachev Foundation, Fond 1, opis 1. Translated by Svetlana Savranskaya for the National Security Archive.',
      ...over,
    },
    languages,
  };
}

describe.each(testDatabaseKinds)('export and import on %s', (kind) => {
  let database: TestDatabase;
  let empty: TestDatabase;
  let fx: EditFixture;
  let slugDoc: { id: number; slug: string };

  beforeAll(async () => {
    [database, empty] = await Promise.all([createTestDatabase(kind), createTestDatabase(kind)]);
    fx = await seedWithEditors(database.db);
    slugDoc = { id: fx.documentId, slug: SLUG };
    const state = await getAlignmentState(database.db, fx.documentId);
    // Real Russian text in two rows, a verified row with a note, a split turn: every shape the formats carry.
    for (const [ref, text] of [
      ['T1', 'Доброе утро, господин Президент. Сердечно приветствую Вас.'],
      ['T4', 'Вы правы.'],
    ] as const) {
      const current = (await getDocumentBySlug(database.db, SLUG))!.currentRev;
      await applyEdit(database.db, {
        documentId: fx.documentId,
        baseRev: current,
        userId: fx.ada,
        op: { type: 'replace-placeholder', segmentKey: segmentKey(state, ref, 'ru'), text },
      });
    }
    let current = (await getDocumentBySlug(database.db, SLUG))!.currentRev;
    await applyEdit(database.db, {
      documentId: fx.documentId,
      baseRev: current,
      userId: fx.ada,
      op: {
        type: 'set-row-status',
        rowKey: row(state, 'T4').key,
        status: 'verified',
        note: { kind: 'softening', text: 'Shorter & "plainer" <in> Russian' },
      },
    });
    current = (await getDocumentBySlug(database.db, SLUG))!.currentRev;
    const t2 = state.segments[segmentKey(state, 'T2', 'en')]!;
    await applyEdit(database.db, {
      documentId: fx.documentId,
      baseRev: current,
      userId: fx.ada,
      op: { type: 'split-segment', segmentKey: t2.key, offsets: [t2.text.indexOf('Of course')] },
    });
  });
  afterAll(async () => {
    await Promise.all([database?.dispose(), empty?.dispose()]);
  });

  it('JSON: export, import into an empty database, export again gives the same bytes', async () => {
    const first = exportJson(await getDocumentBundle(database.db, slugDoc, null));
    const userId = await ensureSystemUser(empty.db);
    const plan = planImport(first, { fileName: 'export.json' });
    expect(plan.kind).toBe('json');
    const { documentId, created } = await importBundle(empty.db, plan.bundle, { userId, op: plan.op, summary: plan.summary });
    expect(created).toBe(true);
    const second = exportJson(await getDocumentBundle(empty.db, { id: documentId, slug: SLUG }, null));
    expect(second).toBe(first);
    const bundle = parseJsonDocument(first);
    expect(bundle.rows).toHaveLength(10);
    expect(bundle.rows.find((r) => r.status === 'verified')?.note).toContain('plainer');
  });

  it('TMX: one unit per row with two real texts, valid against the TMX 1.4 DTD, and it imports back', async () => {
    const tmx = exportTmx(await getDocumentBundle(database.db, slugDoc, null));
    const dir = mkdtempSync(path.join(tmpdir(), 'diptych-tmx-'));
    const file = path.join(dir, 'seed.tmx');
    writeFileSync(file, tmx);
    // Throws (and fails the test) when xmllint reports the file invalid.
    execFileSync('xmllint', ['--noout', '--dtdvalid', DTD, file], { stdio: 'pipe' });
    expect(tmx.match(/<tu[ >]/g)).toHaveLength(2);
    expect(tmx).not.toMatch(/<seg><\/seg>/);
    const back = parseTmx(readFileSync(file), { slug: 'seed-tmx' });
    expect(back.witnesses.map((w) => w.lang)).toEqual(['ru', 'en']);
    expect(back.rows.map((r) => r.status)).toEqual(['auto', 'verified']);
    expect(back.rows[1]!.cells[0]![0]!.text).toBe('Вы правы.');
  });

  it('TMX: an invalid file fails the DTD check (the check can fail)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'diptych-tmx-'));
    const file = path.join(dir, 'bad.tmx');
    writeFileSync(file, '<?xml version="1.0"?>\n<tmx version="1.4"><body><tu><seg>x</seg></tu></body></tmx>\n');
    expect(() => execFileSync('xmllint', ['--noout', '--dtdvalid', DTD, file], { stdio: 'pipe' })).toThrow();
  });

  it('TEI: well-formed, a text per witness with xml:lang, sp/speaker, gap and supplied, placeholders, alignment links', async () => {
    const tei = exportTei(await getDocumentBundle(database.db, slugDoc, null));
    const dir = mkdtempSync(path.join(tmpdir(), 'diptych-tei-'));
    writeFileSync(path.join(dir, 'seed.xml'), tei);
    execFileSync('xmllint', ['--noout', path.join(dir, 'seed.xml')], { stdio: 'pipe' });
    const doc = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@',
      isArray: (name) => ['text', 'sp', 'ab', 'link', 'gap', 'supplied'].includes(name),
    }).parse(tei);
    const texts = doc.TEI.text[0].group.text;
    expect(texts.map((t: Record<string, string>) => [t['@xml:lang'], t['@type']])).toEqual([
      ['ru', 'source'],
      ['en', 'translation'],
    ]);
    expect(texts[1].body.sp).toHaveLength(10);
    expect(texts[1].body.sp[0].speaker).toBe('Gorbachev');
    expect(texts[0].body.sp[1].speaker).toBe('Миттеран');
    const placeholders = texts[0].body.sp
      .flatMap((sp: { ab: Record<string, string>[] }) => sp.ab)
      .filter((ab: Record<string, string>) => ab['@type'] === 'placeholder');
    expect(placeholders).toHaveLength(8);
    expect(tei).toContain('<gap reason="omitted" rend="[...]"/>');
    expect(tei).toContain('<supplied reason="editorial">soldiers</supplied>');
    const links = doc.TEI.standOff.linkGrp.link;
    expect(doc.TEI.standOff.linkGrp['@type']).toBe('alignment');
    expect(links).toHaveLength(10);
    // Every link target names an element that exists.
    const ids = new Set([...tei.matchAll(/xml:id="([^"]+)"/g)].map((m) => m[1]));
    for (const link of links) for (const t of link['@target'].split(' ')) expect(ids.has(t.slice(1))).toBe(true);
  });

  it('CSV: one line per row, one column per witness, parsed back with the texts', async () => {
    const bundle = await getDocumentBundle(database.db, slugDoc, null);
    const records: Record<string, string>[] = parseCsv(exportCsv(bundle), { columns: true });
    expect(records).toHaveLength(10);
    expect(records[0]!['ref']).toBe('T1');
    expect(records[0]!['ru: Russian original']).toBe('Доброе утро, господин Президент. Сердечно приветствую Вас.');
    expect(records[1]!['ru placeholder']).toBe('yes');
    expect(records[1]!['ru: Russian original']).toBe('');
    expect(records.map((r) => r['en: English translation']).join('\n\n')).toBe(
      bundle.rows.map((r) => r.cells[1]!.map((s) => s.text).join('\n\n')).join('\n\n'),
    );
  });

  it('document details: an edit is a revision; pinned passages cite the details as of their revision; undo and revert restore them', async () => {
    const before = (await getDocumentBySlug(database.db, SLUG))!;
    const state = await getAlignmentState(database.db, fx.documentId);
    const en = state.witnesses.find((w) => w.lang === 'en')!;
    const edited = await applyMetadataEdit(database.db, {
      documentId: fx.documentId,
      baseRev: before.currentRev,
      userId: fx.bob,
      op: metadataOp({ participants: ['Mikhail Gorbachev', 'François Mitterrand'], translator: 'S. Savranskaya' }, [
        { witnessId: en.id, lang: 'en-US', label: 'English translation (NSA)' },
      ]),
    });
    expect(edited.summary).toBe('Corrected the document’s participants, translator, column “English translation”');
    const now = (await getDocumentBySlug(database.db, SLUG))!;
    expect(now).toMatchObject({
      currentRev: before.currentRev + 1,
      translator: 'S. Savranskaya',
      participants: ['Mikhail Gorbachev', 'François Mitterrand'],
    });

    const pinned = await getPassageView(database.db, { slug: SLUG, ref: parseRef('T1'), rev: before.currentRev });
    expect(pinned!.document.translator).toBe('Svetlana Savranskaya');
    expect(pinned!.state.witnesses.find((w) => w.id === en.id)!.lang).toBe('en');
    const exportedAtPin = await getDocumentBundle(database.db, slugDoc, before.currentRev);
    expect(exportedAtPin.metadata.translator).toBe('Svetlana Savranskaya');
    expect((await getDocumentBundle(database.db, slugDoc, null)).witnesses[1]!.lang).toBe('en-US');

    // A second editor working from the old revision is refused, naming the revision.
    await expect(
      applyMetadataEdit(database.db, {
        documentId: fx.documentId,
        baseRev: before.currentRev,
        userId: fx.ada,
        op: metadataOp({ place: 'Moscow' }),
      }),
    ).rejects.toThrow(ConflictError);

    await undoLastEdit(database.db, { documentId: fx.documentId, userId: fx.bob });
    expect((await getDocumentBySlug(database.db, SLUG))!.translator).toBe('Svetlana Savranskaya');
    expect((await getAlignmentState(database.db, fx.documentId)).witnesses.find((w) => w.id === en.id)!.lang).toBe('en');

    const again = await applyMetadataEdit(database.db, {
      documentId: fx.documentId,
      baseRev: (await getDocumentBySlug(database.db, SLUG))!.currentRev,
      userId: fx.ada,
      op: metadataOp({ place: 'Moscow' }),
    });
    const reverted = await revertTo(database.db, {
      documentId: fx.documentId,
      userId: fx.ada,
      baseRev: again.rev,
      toRev: before.currentRev,
    });
    expect(reverted.summary).toContain('and the document details restored');
    expect((await getDocumentBundle(database.db, slugDoc, null)).metadata.place).toBeNull();
  });
});

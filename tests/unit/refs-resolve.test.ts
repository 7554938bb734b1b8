import { describe, expect, it } from 'vitest';
import type { AlignmentRow, AlignmentState, Segment } from '@/lib/alignment/types';
import { RefError } from '@/lib/refs/errors';
import { passageFingerprint } from '@/lib/refs/fingerprint';
import { formatRef, parseRef } from '@/lib/refs/parse';
import { neighbourRefs, passageWithContext, resolveRef } from '@/lib/refs/resolve';

const RU = 1;
const EN = 2;
const key = (i: number) => `k${String(i).padStart(3, '0')}`;

/** A memo of `turns` turns, one row per turn: Russian placeholder beside English text. */
function memo(turns = 10): AlignmentState {
  const segments: Record<string, Segment> = {};
  const rows: AlignmentRow[] = [];
  for (let t = 1; t <= turns; t++) {
    const en: Segment = seg(`en${t}`, EN, key(t), t, null, `English ${t}.`);
    const ru: Segment = { ...seg(`ru${t}`, RU, key(t), t, null, ''), isPlaceholder: true };
    segments[en.key] = en;
    segments[ru.key] = ru;
    rows.push(row(`r${t}`, key(t), { [RU]: [ru.key], [EN]: [en.key] }));
  }
  return {
    rev: 1,
    witnesses: [
      { id: RU, lang: 'ru', role: 'source', label: 'Russian original', isPlaceholderWitness: true, position: 0 },
      { id: EN, lang: 'en', role: 'translation', label: 'English translation', isPlaceholderWitness: false, position: 1 },
    ],
    rows,
    segments,
  };
}

function seg(k: string, witnessId: number, orderKey: string, turnNo: number, sentenceNo: number | null, text: string): Segment {
  return {
    key: k,
    witnessId,
    orderKey,
    turnNo,
    sentenceNo,
    speaker: turnNo % 2 ? 'Gorbachev' : 'Mitterrand',
    text,
    isPlaceholder: false,
    revFrom: 1,
  };
}

function row(k: string, orderKey: string, members: Record<number, string[]>): AlignmentRow {
  return { key: k, orderKey, status: 'auto', note: null, revFrom: 1, members };
}

/** Turn 5 of the English split into three sentences, each in its own row (the Russian stays in the first). */
function withTurn5Split(): AlignmentState {
  const state = memo();
  delete state.segments.en5;
  const sentences = [1, 2, 3].map((n) => seg(`en5.${n}`, EN, `${key(5)}${n}`, 5, n, `Sentence ${n}.`));
  for (const s of sentences) state.segments[s.key] = s;
  const i = state.rows.findIndex((r) => r.key === 'r5');
  state.rows.splice(
    i,
    1,
    row('r5a', `${key(5)}1`, { [RU]: ['ru5'], [EN]: ['en5.1'] }),
    row('r5b', `${key(5)}2`, { [EN]: ['en5.2'] }),
    row('r5c', `${key(5)}3`, { [EN]: ['en5.3'] }),
  );
  return state;
}

const rowKeys = (rows: readonly AlignmentRow[]) => rows.map((r) => r.key);

describe('resolveRef', () => {
  it('finds the rows of a range of turns', () => {
    const passage = resolveRef(parseRef('T5-T7'), memo());
    expect(rowKeys(passage.rows)).toEqual(['r5', 'r6', 'r7']);
    expect(passage.turns).toEqual([5, 6, 7]);
    expect(passage.segmentRefs).toEqual(['T5', 'T6', 'T7']);
    expect(passage.segmentKeys).toEqual(['en5', 'en6', 'en7']);
    expect([passage.firstRowIndex, passage.lastRowIndex]).toEqual([4, 6]);
    expect(passage.canonical).toBe('T5-T7');
    expect(passage.label).toBe('T5–T7');
    expect(passage.lastTurn).toBe(10);
    expect(passage.notes).toEqual([]);
  });

  it('refuses turns beyond the end of the document', () => {
    const attempt = () => resolveRef(parseRef('T12'), memo());
    expect(attempt).toThrow(RefError);
    expect(attempt).toThrow('T12 is beyond the end of this document: its turns run from T1 to T10.');
    expect(() => resolveRef(parseRef('T9-T11'), memo())).toThrow(
      'T11 is beyond the end of this document: its turns run from T1 to T10.',
    );
  });

  it('reads a sentence of a whole turn as the whole turn, with a note', () => {
    const passage = resolveRef(parseRef('T5.2'), memo());
    expect(rowKeys(passage.rows)).toEqual(['r5']);
    expect(passage.segmentKeys).toEqual(['en5']);
    expect(passage.notes).toEqual(['T5 is not divided into sentences at revision 1, so T5.2 is shown as the whole of T5.']);
  });

  it('covers every sentence of a split turn when the reference names the turn', () => {
    const state = withTurn5Split();
    const passage = resolveRef(parseRef('T5'), state);
    expect(rowKeys(passage.rows)).toEqual(['r5a', 'r5b', 'r5c']);
    expect(passage.segmentRefs).toEqual(['T5.1', 'T5.2', 'T5.3']);
    expect(passage.turns).toEqual([5]);
    expect(rowKeys(resolveRef(parseRef('T4-T6'), state).rows)).toEqual(['r4', 'r5a', 'r5b', 'r5c', 'r6']);
  });

  it('resolves sentences and sentence ranges of a split turn', () => {
    const state = withTurn5Split();
    expect(rowKeys(resolveRef(parseRef('T5.2'), state).rows)).toEqual(['r5b']);
    const range = resolveRef(parseRef('T5.2-T6'), state);
    expect(rowKeys(range.rows)).toEqual(['r5b', 'r5c', 'r6']);
    expect(range.segmentRefs).toEqual(['T5.2', 'T5.3', 'T6']);
    expect(resolveRef(parseRef('T4-T5.1'), state).segmentRefs).toEqual(['T4', 'T5.1']);
  });

  it('refuses a sentence the turn does not have', () => {
    expect(() => resolveRef(parseRef('T5.4'), withTurn5Split())).toThrow(
      'T5.4 does not exist at revision 1: turn T5 has 3 sentences (T5.1–T5.3).',
    );
  });

  it('finds a turn inside a merged row, and includes rows in between that hold no translation', () => {
    const state = memo();
    // Rows 5 and 6 merged into one; a Russian-only row (an addition of the source) between 7 and 8.
    state.rows.splice(4, 2, row('r56', key(5), { [RU]: ['ru5', 'ru6'], [EN]: ['en5', 'en6'] }));
    state.segments.ruExtra = { ...seg('ruExtra', RU, `${key(7)}x`, 7, null, 'Дополнение.'), speaker: null };
    state.rows.splice(6, 0, row('rExtra', `${key(7)}x`, { [RU]: ['ruExtra'] }));
    expect(rowKeys(resolveRef(parseRef('T6'), state).rows)).toEqual(['r56']);
    expect(rowKeys(resolveRef(parseRef('T7'), state).rows)).toEqual(['r7']);
    expect(rowKeys(resolveRef(parseRef('T7-T8'), state).rows)).toEqual(['r7', 'rExtra', 'r8']);
  });

  it('needs a translation to take turn numbers from', () => {
    const state = memo();
    state.witnesses = state.witnesses.filter((w) => w.role === 'source');
    expect(() => resolveRef(parseRef('T1'), state)).toThrow('This document has no translation to take turn numbers from.');
  });
});

describe('passage neighbours and context', () => {
  it('offers the passages of the same length before and after, clamped to the document', () => {
    const at = (ref: string) => {
      const { previous, next } = neighbourRefs(resolveRef(parseRef(ref), memo()));
      return [previous && formatRef(previous), next && formatRef(next)];
    };
    expect(at('T5-T7')).toEqual(['T2-T4', 'T8-T10']);
    expect(at('T5')).toEqual(['T4', 'T6']);
    expect(at('T1-T2')).toEqual([null, 'T3-T4']);
    expect(at('T2-T4')).toEqual(['T1', 'T5-T7']);
    expect(at('T9-T10')).toEqual(['T7-T8', null]);
  });

  it('shows one row of context on each side and highlights only the passage', () => {
    const state = memo();
    const middle = passageWithContext(resolveRef(parseRef('T5-T7'), state), state);
    expect(rowKeys(middle.rows)).toEqual(['r4', 'r5', 'r6', 'r7', 'r8']);
    expect(middle.highlightRowKeys).toEqual(['r5', 'r6', 'r7']);
    expect(rowKeys(passageWithContext(resolveRef(parseRef('T1'), state), state).rows)).toEqual(['r1', 'r2']);
    expect(rowKeys(passageWithContext(resolveRef(parseRef('T10'), state), state).rows)).toEqual(['r9', 'r10']);
  });
});

describe('passageFingerprint', () => {
  it('is equal for the same content under new keys, and differs when anything shown changes', () => {
    const a = memo();
    const rekeyed = memo();
    rekeyed.rows = rekeyed.rows.map((r) => ({ ...r, key: `${r.key}-new`, revFrom: 7 }));
    const print = (s: AlignmentState) => passageFingerprint(s, resolveRef(parseRef('T5-T7'), s).rows);
    expect(print(rekeyed)).toBe(print(a));

    const corrected = memo();
    corrected.segments.en6 = { ...corrected.segments.en6!, text: 'English six.' };
    expect(print(corrected)).not.toBe(print(a));

    const verified = memo();
    verified.rows[5] = { ...verified.rows[5]!, status: 'verified' };
    expect(print(verified)).not.toBe(print(a));

    expect(print(withTurn5Split())).not.toBe(print(a));
  });
});

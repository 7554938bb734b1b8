/**
 * Small alignment states for the pure tests, shaped like an imported memo:
 * a Russian source witness (id 1, column 0) and an English translation
 * (id 2, column 1), one row per turn. Keys are readable (s_en_4, r_4).
 */
import { normalizeMembers } from '@/lib/alignment/change-set';
import type { OpContext } from '@/lib/alignment/ops/shared';
import type { AlignmentState, Segment, Witness } from '@/lib/alignment/types';
import { orderKeysBetween } from '@/lib/keys/ids';

export const RU = 1;
export const EN = 2;

export const WITNESSES: Witness[] = [
  { id: RU, lang: 'ru', role: 'source', label: 'Russian original', isPlaceholderWitness: true, position: 0 },
  { id: EN, lang: 'en', role: 'translation', label: 'English translation', isPlaceholderWitness: false, position: 1 },
];

export interface TurnSpec {
  en: string;
  /** Russian text; null for a placeholder. */
  ru: string | null;
  speaker?: 'Gorbachev' | 'Mitterrand';
}

export function makeState(turns: readonly TurnSpec[]): AlignmentState {
  const orderKeys = orderKeysBetween(null, null, turns.length);
  const segments: Record<string, Segment> = {};
  const rows = turns.map((turn, i) => {
    const n = i + 1;
    const speaker = turn.speaker ?? (n % 2 ? 'Gorbachev' : 'Mitterrand');
    const orderKey = orderKeys[i]!;
    segments[`s_en_${n}`] = {
      key: `s_en_${n}`,
      witnessId: EN,
      orderKey,
      turnNo: n,
      sentenceNo: null,
      speaker,
      text: turn.en,
      isPlaceholder: false,
      revFrom: 1,
    };
    segments[`s_ru_${n}`] = {
      key: `s_ru_${n}`,
      witnessId: RU,
      orderKey,
      turnNo: n,
      sentenceNo: null,
      speaker: speaker === 'Gorbachev' ? 'Горбачев' : 'Миттеран',
      text: turn.ru ?? '',
      isPlaceholder: turn.ru === null,
      revFrom: 1,
    };
    return {
      key: `r_${n}`,
      orderKey,
      status: 'auto' as const,
      note: null,
      revFrom: 1,
      members: { [RU]: [`s_ru_${n}`], [EN]: [`s_en_${n}`] },
    };
  });
  return { rev: 1, witnesses: WITNESSES, rows, segments };
}

/** Ten turns like the seed memo: English text, Russian placeholders except turns 2 and 3. */
export function memoState(): AlignmentState {
  return makeState([
    { en: 'Good morning, Mr. President. I am glad to hear you.', ru: null },
    { en: 'Good morning. Thank you for calling. How are you?', ru: 'Доброе утро. Спасибо за звонок. Как вы?' },
    { en: 'I am well. We follow the events in the Gulf closely.', ru: 'Хорошо. Мы внимательно следим за событиями в Заливе.' },
    { en: 'The situation is serious. [...] We must act together.', ru: null },
    { en: 'I agree. The main thing is to stop the escalation.\n\nThere are mainly Arab [soldiers]. That is important.', ru: null },
    { en: 'Yes. Israel [Israel] has not responded yet.', ru: null },
    { en: 'We should talk again tomorrow.', ru: null },
    { en: 'Certainly. I will call you.', ru: null },
    { en: 'Thank you. Goodbye.', ru: null },
    { en: 'Goodbye, Mikhail. The psychological consequences are great.', ru: null },
  ]);
}

/** New keys s_new1, r_new2, ... so that two runs of the same edit produce identical results. */
export function counterContext(tag = 'new'): OpContext {
  let n = 0;
  return { newKey: (prefix) => `${prefix}_${tag}${++n}` };
}

/** A state without revision bookkeeping: what "the same alignment" means. */
export function contentOf(state: AlignmentState) {
  return {
    rows: state.rows.map((r) => ({
      key: r.key,
      orderKey: r.orderKey,
      status: r.status,
      note: r.note,
      members: normalizeMembers(r.members),
    })),
    segments: Object.values(state.segments)
      .map(({ revFrom: _revFrom, ...s }) => s)
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
  };
}

/** The row holding a translation ref (T5, T5.2) in a whole state. */
export function rowWithRef(state: AlignmentState, ref: string) {
  const row = state.rows.find((r) =>
    (r.members[EN] ?? []).some((k) => {
      const s = state.segments[k]!;
      return (s.sentenceNo == null ? `T${s.turnNo}` : `T${s.turnNo}.${s.sentenceNo}`) === ref;
    }),
  );
  if (!row) throw new Error(`no row with ${ref}`);
  return row;
}

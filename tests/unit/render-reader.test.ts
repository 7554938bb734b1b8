import { describe, expect, it } from 'vitest';
import type { AlignmentRow, AlignmentState, Segment, Witness } from '@/lib/alignment/types';
import { ROW_STATUS_INFO, segmentsShowingSpeaker } from '@/lib/render/grid';
import { languageName, textDirection } from '@/lib/render/lang';
import { defaultWitnessIds, parseReaderParams, readerHref, witnessHandle } from '@/lib/render/reader-params';

const RU: Witness = { id: 1, lang: 'ru', role: 'source', label: 'Russian original', isPlaceholderWitness: true, position: 0 };
const EN: Witness = { id: 2, lang: 'en', role: 'translation', label: 'English translation', isPlaceholderWitness: false, position: 1 };
const FR: Witness = { id: 3, lang: 'fr', role: 'translation', label: 'French translation', isPlaceholderWitness: false, position: 2 };
const EN2: Witness = {
  id: 4,
  lang: 'en',
  role: 'translation',
  label: 'Second English translation',
  isPlaceholderWitness: false,
  position: 3,
};

describe('reader URL parameters', () => {
  it('defaults to facing pages with every witness in stored order', () => {
    expect(parseReaderParams({}, [EN, RU])).toEqual({ view: 'parallel', witnessIds: [1, 2] });
  });

  it('reads the view and the column order from the URL', () => {
    expect(parseReaderParams({ view: 'interlinear', cols: 'en,ru' }, [RU, EN])).toEqual({ view: 'interlinear', witnessIds: [2, 1] });
    expect(parseReaderParams({ cols: ['fr', 'ru'] }, [RU, EN, FR])).toEqual({ view: 'parallel', witnessIds: [3, 1] });
  });

  it('shows the translation alone in the single view unless a text is chosen', () => {
    expect(parseReaderParams({ view: 'single' }, [RU, EN])).toEqual({ view: 'single', witnessIds: [2] });
    expect(parseReaderParams({ view: 'single', cols: 'ru' }, [RU, EN])).toEqual({ view: 'single', witnessIds: [1] });
  });

  it('falls back to defaults for unknown views and ignores unknown, empty and repeated columns', () => {
    expect(parseReaderParams({ view: 'sideways', cols: 'xx' }, [RU, EN])).toEqual({ view: 'parallel', witnessIds: [1, 2] });
    expect(parseReaderParams({ cols: ['EN', '', 'en', 'de'] }, [RU, EN])).toEqual({ view: 'parallel', witnessIds: [2] });
    expect(parseReaderParams({ view: ['single', 'parallel'] }, [RU, EN]).view).toBe('single');
  });

  it('names witnesses that share a language by language and position', () => {
    const all = [RU, EN, EN2];
    expect(witnessHandle(RU, all)).toBe('ru');
    expect(witnessHandle(EN, all)).toBe('en-1');
    expect(witnessHandle(EN2, all)).toBe('en-3');
    expect(parseReaderParams({ cols: 'en-3,ru' }, all).witnessIds).toEqual([4, 1]);
  });

  it('builds share links that leave out the defaults', () => {
    const all = [RU, EN];
    expect(readerHref('memo', { view: 'parallel', witnessIds: [1, 2] }, all)).toBe('/documents/memo');
    expect(readerHref('memo', { view: 'parallel', witnessIds: [2, 1] }, all)).toBe('/documents/memo?cols=en,ru');
    expect(readerHref('memo', { view: 'interlinear', witnessIds: [1, 2] }, all, 'T5')).toBe('/documents/memo?view=interlinear#T5');
    expect(readerHref('memo', { view: 'single', witnessIds: [2] }, all)).toBe('/documents/memo?view=single');
    expect(readerHref('memo', { view: 'single', witnessIds: [1, 2] }, all)).toBe('/documents/memo?view=single&cols=ru');
    expect(readerHref('memo', { view: 'single', witnessIds: [] }, all)).toBe('/documents/memo?view=single');
  });

  it('round-trips: a link parses back to the choice it was made from', () => {
    const all = [RU, EN, FR];
    for (const choice of [
      { view: 'interlinear' as const, witnessIds: [3, 2] },
      { view: 'parallel' as const, witnessIds: [2, 1, 3] },
      { view: 'single' as const, witnessIds: [3] },
    ]) {
      const url = new URL(readerHref('memo', choice, all), 'http://x');
      expect(parseReaderParams(Object.fromEntries(url.searchParams), all)).toEqual(choice);
    }
    expect(defaultWitnessIds([FR, RU], 'single')).toEqual([3]);
  });
});

describe('speakers once per turn', () => {
  const seg = (key: string, witnessId: number, turnNo: number, speaker: string, sentenceNo: number | null = null): Segment => ({
    key,
    witnessId,
    orderKey: key,
    turnNo,
    sentenceNo,
    speaker,
    text: key,
    isPlaceholder: false,
    revFrom: 1,
  });
  const row = (key: string, members: Record<number, string[]>): AlignmentRow => ({
    key,
    orderKey: key,
    status: 'auto',
    note: null,
    revFrom: 1,
    members,
  });
  const state = (segments: Segment[]): Pick<AlignmentState, 'segments'> => ({
    segments: Object.fromEntries(segments.map((s) => [s.key, s])),
  });

  it('names the speaker of each turn once, even when its sentences sit in several rows', () => {
    const s = state([
      seg('e5a', 2, 5, 'Gorbachev', 1),
      seg('e5b', 2, 5, 'Gorbachev', 2),
      seg('e6', 2, 6, 'Mitterrand'),
      seg('r5', 1, 5, 'Горбачев'),
      seg('r6', 1, 6, 'Миттеран'),
    ]);
    const rows = [row('a', { 1: ['r5'], 2: ['e5a'] }), row('b', { 2: ['e5b'] }), row('c', { 1: ['r6'], 2: ['e6'] })];
    expect([...segmentsShowingSpeaker(rows, [1, 2], s)].sort()).toEqual(['e5a', 'e6', 'r5', 'r6']);
  });

  it('names the speaker of a passage that starts mid-turn', () => {
    const s = state([seg('e5a', 2, 5, 'Gorbachev', 1), seg('e5b', 2, 5, 'Gorbachev', 2)]);
    expect([...segmentsShowingSpeaker([row('b', { 2: ['e5b'] })], [2], s)]).toEqual(['e5b']);
  });

  it('names two turns by the same speaker in a merged row separately', () => {
    const s = state([seg('e5', 2, 5, 'Gorbachev'), seg('e7', 2, 7, 'Gorbachev')]);
    expect([...segmentsShowingSpeaker([row('m', { 2: ['e5', 'e7'] })], [2], s)]).toEqual(['e5', 'e7']);
  });

  it('gives every row status a distinct shape, not only a colour', () => {
    const glyphs = Object.values(ROW_STATUS_INFO).map((i) => i.glyph);
    expect(new Set(glyphs).size).toBe(3);
    expect(ROW_STATUS_INFO.verified.label).toBe('verified');
  });
});

describe('language facts', () => {
  it('knows which languages are written right to left', () => {
    expect(textDirection('ru')).toBe('ltr');
    expect(textDirection('en-GB')).toBe('ltr');
    expect(textDirection('ar')).toBe('rtl');
    expect(textDirection('he')).toBe('rtl');
    expect(textDirection('fa-IR')).toBe('rtl');
    expect(textDirection('az-Arab')).toBe('rtl');
    expect(textDirection('ku-Latn')).toBe('ltr');
  });

  it('names languages in English', () => {
    expect(languageName('ru')).toBe('Russian');
    expect(languageName('fr')).toBe('French');
    expect(languageName('not a tag!')).toBe('not a tag!');
  });
});

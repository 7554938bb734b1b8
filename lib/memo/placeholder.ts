/**
 * Placeholder source segments: one per turn, standing in for an original we
 * do not have yet. They carry the speaker in the source language so the
 * column reads naturally, and no text: placeholders are never passed off as text.
 */

/** Russian spellings of the speakers of the seed memo. */
const RUSSIAN_SPEAKERS: Record<string, string> = {
  Gorbachev: 'Горбачев',
  Mitterrand: 'Миттеран',
};

export function placeholderSpeaker(speaker: string, lang: string): string {
  if (lang === 'ru') return RUSSIAN_SPEAKERS[speaker] ?? speaker;
  return speaker;
}

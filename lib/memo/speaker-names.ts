/**
 * Speaker names for placeholder columns, in the source language. A name in
 * another script is not a transliteration problem: "Mitterrand" is
 * "Миттеран" in Russian, "Baker" is "Бейкер", "Kohl" is "Коль", by
 * convention, not by rule, and a transliterator gives "Миттерранд", "Бакер",
 * "Кохл". So the spellings are looked up in a table of the people these
 * memoranda are about; a speaker not in it keeps the label as written and
 * the import says so, rather than showing an invented spelling.
 */
import { lastName, sameSurname } from '@/lib/memo/speakers';

/** Surname (lower-case English spelling) -> spelling in each language. */
const NAMES: Record<string, Record<string, string>> = {
  gorbachev: { en: 'Gorbachev', ru: 'Горбачев', fr: 'Gorbatchev', de: 'Gorbatschow' },
  mitterrand: { en: 'Mitterrand', ru: 'Миттеран', fr: 'Mitterrand', de: 'Mitterrand' },
  bush: { en: 'Bush', ru: 'Буш', fr: 'Bush', de: 'Bush' },
  baker: { en: 'Baker', ru: 'Бейкер', fr: 'Baker', de: 'Baker' },
  kohl: { en: 'Kohl', ru: 'Коль', fr: 'Kohl', de: 'Kohl' },
  thatcher: { en: 'Thatcher', ru: 'Тэтчер', fr: 'Thatcher', de: 'Thatcher' },
  reagan: { en: 'Reagan', ru: 'Рейган', fr: 'Reagan', de: 'Reagan' },
  shevardnadze: { en: 'Shevardnadze', ru: 'Шеварднадзе', fr: 'Chevardnadze', de: 'Schewardnadse' },
  yeltsin: { en: 'Yeltsin', ru: 'Ельцин', fr: 'Eltsine', de: 'Jelzin' },
  chernyaev: { en: 'Chernyaev', ru: 'Черняев', fr: 'Tcherniaïev', de: 'Tschernjajew' },
  scowcroft: { en: 'Scowcroft', ru: 'Скоукрофт', fr: 'Scowcroft', de: 'Scowcroft' },
  genscher: { en: 'Genscher', ru: 'Геншер', fr: 'Genscher', de: 'Genscher' },
  major: { en: 'Major', ru: 'Мейджор', fr: 'Major', de: 'Major' },
  dumas: { en: 'Dumas', ru: 'Дюма', fr: 'Dumas', de: 'Dumas' },
  shakhnazarov: { en: 'Shakhnazarov', ru: 'Шахназаров', fr: 'Chakhnazarov', de: 'Schachnasarow' },
  hussein: { en: 'Hussein', ru: 'Хусейн', fr: 'Hussein', de: 'Hussein' },
};

/** Offices used as labels ("The President:"). */
const OFFICES: Record<string, Record<string, string>> = {
  'the president': { en: 'The President', ru: 'Президент', fr: 'Le Président', de: 'Der Präsident' },
  'the secretary': { en: 'The Secretary', ru: 'Государственный секретарь', fr: 'Le Secrétaire d’État', de: 'Der Außenminister' },
};

/** The speaker's name in `lang`, or null when the table does not know it. */
export function speakerIn(speaker: string, lang: string): string | null {
  const primary = lang.toLowerCase().split('-')[0]!;
  const office = OFFICES[speaker.toLowerCase().replace(/\s+/g, ' ').trim()];
  if (office) return office[primary] ?? null;
  const surname = lastName(speaker);
  for (const spellings of Object.values(NAMES)) {
    const known = Object.values(spellings).some((s) => sameSurname(s.toLowerCase(), surname));
    if (known) return spellings[primary] ?? null;
  }
  return null;
}

/**
 * Languages of an import: which column the file's text belongs in. The file
 * holds the text we have; the other column starts as placeholders. When the
 * two languages are written in different scripts, the script of the text
 * decides (an English memo imported with --source-lang en --translation-lang
 * ru fills the English column); when they share a script, the file is the
 * translation, as in the seed.
 */
import { ImportError } from '@/lib/memo/errors';

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** A canonical BCP 47 tag for a language this runtime knows, or an ImportError naming the option. */
export function checkLanguage(tag: string, option: string): string {
  let canonical: string;
  try {
    [canonical = ''] = Intl.getCanonicalLocales(tag);
  } catch {
    throw new ImportError('bad-language', null, `${option} "${tag}" is not a BCP 47 language tag (for example ru, en, fr, de)`);
  }
  if (canonical === '' || !languageNames.of(canonical) || !/^[a-z]{2,3}(?:-|$)/.test(canonical)) {
    throw new ImportError('bad-language', null, `${option} "${tag}" is not a language this server knows (for example ru, en, fr, de)`);
  }
  return canonical;
}

export function languageName(tag: string): string {
  return languageNames.of(tag) ?? tag;
}

const SCRIPTS: Record<string, RegExp> = {
  Latn: /\p{Script=Latin}/gu,
  Cyrl: /\p{Script=Cyrillic}/gu,
  Grek: /\p{Script=Greek}/gu,
  Arab: /\p{Script=Arabic}/gu,
  Hebr: /\p{Script=Hebrew}/gu,
  Hani: /\p{Script=Han}/gu,
};

const SCRIPT_NAMES: Record<string, string> = {
  Latn: 'Latin',
  Cyrl: 'Cyrillic',
  Grek: 'Greek',
  Arab: 'Arabic',
  Hebr: 'Hebrew',
  Hani: 'Han',
};

export function scriptOf(lang: string): string {
  const script = new Intl.Locale(lang).maximize().script ?? 'Latn';
  return script === 'Hans' || script === 'Hant' || script === 'Jpan' ? 'Hani' : script;
}

/** The script most letters of the text are in. */
export function dominantScript(text: string): string | null {
  let best: string | null = null;
  let bestCount = 0;
  for (const [script, pattern] of Object.entries(SCRIPTS)) {
    const count = text.match(pattern)?.length ?? 0;
    if (count > bestCount) {
      best = script;
      bestCount = count;
    }
  }
  return best;
}

export interface ColumnChoice {
  /** Which witness the file's text fills. */
  textRole: 'source' | 'translation';
  /** Said in the preview and by the command when the script decided. */
  note: string | null;
}

export function chooseTextColumn(text: string, sourceLang: string, translationLang: string): ColumnChoice {
  if (sourceLang === translationLang) {
    throw new ImportError(
      'bad-language',
      null,
      `the source and the translation are both "${sourceLang}"; give two different languages`,
    );
  }
  const source = scriptOf(sourceLang);
  const translation = scriptOf(translationLang);
  const script = dominantScript(text);
  if (source === translation || script === translation || script === null) return { textRole: 'translation', note: null };
  if (script === source) {
    return {
      textRole: 'source',
      note: `the text is in ${SCRIPT_NAMES[source] ?? source} script, as ${languageName(sourceLang)} is written, so it fills the ${languageName(sourceLang)} (source) column and the ${languageName(translationLang)} column starts as placeholders`,
    };
  }
  throw new ImportError(
    'bad-language',
    null,
    `the text is in neither the script of ${languageName(sourceLang)} (--source-lang ${sourceLang}) nor that of ${languageName(translationLang)} (--translation-lang ${translationLang})`,
  );
}

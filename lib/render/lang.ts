/**
 * Language facts the reader needs for each cell: its writing direction and a
 * human name for labels ("Russian"). Tags are BCP 47 ('ru', 'en-GB', 'ar').
 */

// Scripts written right to left; languages whose default script is one of them.
const RTL_SCRIPTS = new Set(['Arab', 'Hebr', 'Syrc', 'Thaa', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr']);
const RTL_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ks', 'ku', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);

export function primaryLanguage(tag: string): string {
  return (tag.split('-')[0] ?? tag).toLowerCase();
}

/** 'rtl' for right-to-left languages or scripts (ar, he, fa, ur, az-Arab), else 'ltr'. */
export function textDirection(tag: string): 'ltr' | 'rtl' {
  const parts = tag.split('-');
  const script = parts.slice(1).find((p) => /^[A-Za-z]{4}$/.test(p));
  if (script) {
    const normal = script[0]!.toUpperCase() + script.slice(1).toLowerCase();
    return RTL_SCRIPTS.has(normal) ? 'rtl' : 'ltr';
  }
  return RTL_LANGUAGES.has(primaryLanguage(tag)) ? 'rtl' : 'ltr';
}

const names = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

/** English name of a language tag: 'ru' → 'Russian'; unknown tags come back as given. */
export function languageName(tag: string): string {
  try {
    return names.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/**
 * The tag on interface text that sits inside a text cell (labels, "not yet
 * transcribed", mark explanations), so screen readers switch voice for it.
 * It is the interface's English ('en-GB': its dates and spelling are
 * British), the same tag as the root <html lang>, and distinct from a
 * witness's own 'en', so assistive technology and `[lang="en"]` tell the
 * interface's words from the English texts they describe.
 */
export const INTERFACE_LANG = 'en-GB';

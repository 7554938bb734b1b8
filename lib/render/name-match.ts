/**
 * Whether a search names a person: "gorbachev", "Горбачёв" and "Mikhail
 * Gorbachev" all name the speaker "Gorbachev" / "Горбачев". Case, accents and
 * ё/е are ignored; every word of the query must begin a word of the name, or
 * the query must begin the name. Pure; the search page matches speakers and
 * participants with it.
 */
export function foldName(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/ё/g, 'е');
}

const words = (text: string) =>
  foldName(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

export function queryNamesPerson(query: string, name: string): boolean {
  const asked = words(query);
  const have = words(name);
  if (!asked.length || !have.length) return false;
  // "Mikhail Gorbachev" names the speaker "Gorbachev": enough that the name's words are all asked for, or the reverse.
  const covers = (as: string[], by: string[]) => as.every((a) => by.some((b) => b.startsWith(a) && a.length >= 3));
  return covers(asked, have) || covers(have, asked);
}

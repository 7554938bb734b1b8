import { documentPagePath } from '@/lib/citation/urls';

/** Turns per page of the editor: a long document is edited a page at a time, so the page stays light. */
export const PAGE_TURNS = 200;

/**
 * The editor's page holding a row, at the row's anchor. Pages are ranges of
 * translation turns, so the page comes from the anchor's turn (`T5`, `T5.2`);
 * a row with no translation turn falls back to its position.
 */
export function editRowHref(slug: string, index: number, anchor: string): string {
  const turn = /^T(\d+)/.exec(anchor)?.[1];
  const page = Math.floor((turn ? Number(turn) - 1 : index) / PAGE_TURNS) + 1;
  return `${documentPagePath(slug, 'edit', page > 1 ? `page=${page}` : undefined)}#${encodeURIComponent(anchor)}`;
}

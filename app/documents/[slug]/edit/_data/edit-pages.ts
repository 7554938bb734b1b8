/** Rows per page of the editor: a long document is edited a page at a time, so the page stays light. */
export const PAGE_ROWS = 200;

/** The editor's page holding row number `index` (0-based), at the row's anchor. */
export function editRowHref(slug: string, index: number, anchor: string): string {
  const page = Math.floor(index / PAGE_ROWS) + 1;
  return `/documents/${slug}/edit${page > 1 ? `?page=${page}` : ''}#${encodeURIComponent(anchor)}`;
}

import type { Locator, Page } from '@playwright/test';

export const SEED_SLUG = 'gorbachev-mitterrand-1991-01-18';

/** The reader of one document: rows, cells by language, and the view controls. */
export class ReaderPage {
  constructor(
    readonly page: Page,
    readonly slug: string = SEED_SLUG,
  ) {}

  url(query = '', hash = ''): string {
    return `/documents/${this.slug}${query ? `?${query}` : ''}${hash ? `#${hash}` : ''}`;
  }

  async goto(query = '', hash = '') {
    const response = await this.page.goto(this.url(query, hash));
    return response;
  }

  rows(): Locator {
    return this.page.getByTestId('aligned-row');
  }

  /** The row holding a ref (T5), whether as its own id or as one of a merged row's refs. */
  row(ref: string): Locator {
    return this.page.locator(`[data-testid="aligned-row"][data-refs~="${ref}"]`);
  }

  cell(ref: string, lang: string): Locator {
    return this.row(ref).locator(`.cell[lang="${lang}"]`);
  }

  viewLink(name: 'Facing pages' | 'Interlinear' | 'Single text'): Locator {
    return this.page.getByRole('navigation', { name: 'Reading view' }).getByRole('link', { name });
  }

  /** The id of the focused element's row, or null. */
  async focusedRowId(): Promise<string | null> {
    return this.page.evaluate(() => document.activeElement?.closest('[data-testid="aligned-row"]')?.id ?? null);
  }

  async hasHorizontalScroll(): Promise<boolean> {
    return this.page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
  }
}

/**
 * The edit mode of a document, for browser tests. Each edit method presses
 * the same buttons a person would and waits until the page shows the next
 * revision, so a test can go straight on to the next step:
 *   const editor = new EditorPage(page);
 *   await editor.open();
 *   await editor.mergeWithNext('T4');
 *   await editor.replacePlaceholder('T4', 'Положение серьёзное.');
 *   await editor.undo();
 */
import { expect, type Locator, type Page } from '@playwright/test';

export const SEED_SLUG = 'gorbachev-mitterrand-1991-01-18';

export type Column = 'Russian' | 'English';
const LANG: Record<Column, string> = { Russian: 'ru', English: 'en' };

export class EditorPage {
  constructor(
    readonly page: Page,
    readonly slug: string = SEED_SLUG,
  ) {}

  async open(slug: string = this.slug): Promise<void> {
    await this.page.goto(`/documents/${slug}/edit`);
    await expect(this.page.getByTestId('editor')).toBeVisible();
  }

  /** The revision the page shows (every edit is made against it). */
  async rev(): Promise<number> {
    return Number(await this.page.getByTestId('editor').getAttribute('data-rev'));
  }

  rows(): Locator {
    return this.page.getByTestId('edit-row');
  }

  /** The row holding a translation ref (T5, T5.2), also when merged with others. */
  row(ref: string): Locator {
    return this.page.locator(`[data-testid="edit-row"][data-refs~="${ref}"]`);
  }

  cell(ref: string, column: Column): Locator {
    return this.row(ref).locator(`.cell[lang="${LANG[column]}"]`);
  }

  /** A segment by its own ref (the Russian T4 is "T4" in the Russian column). */
  segment(ref: string, column: Column): Locator {
    return this.page.locator(`[data-testid="edit-row"] .cell[lang="${LANG[column]}"] [data-testid="edit-segment"][data-ref="${ref}"]`);
  }

  /** The error shown beside the last control used in that row. */
  error(ref: string): Locator {
    return this.row(ref).getByTestId('edit-error');
  }

  /** Runs `act` and waits for the page to show the revision after the current one. */
  private async expectNewRevision(act: () => Promise<void>): Promise<number> {
    const before = await this.rev();
    await act();
    await expect(this.page.getByTestId('editor')).toHaveAttribute('data-rev', String(before + 1));
    return before + 1;
  }

  async mergeWithNext(ref: string): Promise<number> {
    return this.expectNewRevision(() => this.row(ref).locator('button[data-action="merge-next"]').click());
  }

  /** Splits the row holding `ref`; per column, the ref of the segment the second row starts with. */
  async splitRow(ref: string, starts: Partial<Record<Column, string>>): Promise<number> {
    return this.expectNewRevision(async () => {
      const row = this.row(ref);
      await row.locator('button[data-action="split-row"]').click();
      const panel = row.getByTestId('split-row-panel');
      for (const column of ['Russian', 'English'] as const) {
        const select = panel.getByLabel(`${column}: the second row starts with`);
        const start = starts[column];
        if (!start) {
          await select.selectOption('');
          continue;
        }
        const value = await select.locator('option', { hasText: new RegExp(`^${start.replace('.', '\\.')}:`) }).getAttribute('value');
        await select.selectOption(value);
      }
      await panel.getByRole('button', { name: 'Split row' }).click();
    });
  }

  async moveBoundary(ref: string, column: Column, direction: 'up' | 'down'): Promise<number> {
    return this.expectNewRevision(() => this.cell(ref, column).locator(`button[data-action="move-${direction}"]`).click());
  }

  async replacePlaceholder(ref: string, text: string, column: Column = 'Russian'): Promise<number> {
    return this.expectNewRevision(() => this.fillText(ref, column, text, 'Save text'));
  }

  async correctText(ref: string, column: Column, text: string): Promise<number> {
    return this.expectNewRevision(() => this.fillText(ref, column, text, 'Save correction'));
  }

  /** Opens the text form of a segment, types, and saves (does not wait: for tests of refused input). */
  async fillText(ref: string, column: Column, text: string, save: 'Save text' | 'Save correction'): Promise<void> {
    const segment = this.segment(ref, column);
    await segment.locator('button[data-action="edit-text"]').click();
    const panel = this.page.getByTestId('text-panel');
    await panel.locator('textarea').fill(text);
    await panel.getByRole('button', { name: save }).click();
  }

  /** Splits a segment at the proposed sentence boundaries (all of them unless `keep` says how many to use). */
  async splitSegment(ref: string, column: Column, keep?: number): Promise<number> {
    return this.expectNewRevision(async () => {
      await this.segment(ref, column).locator('button[data-action="split-segment"]').click();
      const panel = this.page.getByTestId('split-segment-panel');
      if (keep !== undefined) {
        const boxes = panel.getByRole('checkbox');
        const n = await boxes.count();
        for (let i = keep; i < n; i++) await boxes.nth(i).uncheck();
      }
      await panel.getByRole('button', { name: 'Split', exact: true }).click();
    });
  }

  async joinWithNextSentence(ref: string, column: Column): Promise<number> {
    return this.expectNewRevision(() => this.segment(ref, column).locator('button[data-action="merge-segment"]').click());
  }

  async setStatus(ref: string, status: 'auto' | 'unverified' | 'verified', note?: { kind: string; text?: string }): Promise<number> {
    return this.expectNewRevision(async () => {
      const row = this.row(ref);
      await row.locator('button[data-action="note"]').click();
      const panel = row.getByTestId('note-panel');
      await panel.getByRole('radio', { name: status, exact: true }).check();
      await panel.getByLabel('Divergence').selectOption(note ? note.kind : '');
      if (note?.text) await panel.getByLabel('Note (optional)').fill(note.text);
      await panel.getByRole('button', { name: 'Save', exact: true }).click();
    });
  }

  async undo(): Promise<number> {
    return this.expectNewRevision(() => this.page.getByTestId('undo').getByRole('button', { name: 'Undo my last edit' }).click());
  }

  async openHistory(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Document' }).getByRole('link', { name: 'History' }).click();
    await expect(this.page.getByTestId('history')).toBeVisible();
  }
}

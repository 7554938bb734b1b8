/**
 * Real source text for the seed, as an editor would bring it: paste the
 * Russian turn by turn, watch the alignment's progress, find the new `auto`
 * rows in the reader, and accept them from the review queue by keyboard
 * and by button; the library shows the share verified.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { SEED_RUSSIAN } from '../support/seed-russian';
import { accounts } from './fixtures/accounts';
import { signIn } from './fixtures/sign-in';
import { SEED_SLUG } from './pages/editor-page';

const SOURCE = `/documents/${SEED_SLUG}/edit/source`;
const REVIEW = `/documents/${SEED_SLUG}/edit/review`;

test.describe.configure({ mode: 'serial' });

/** The WCAG 2.x A/AA and best-practice rules the reader's pages are held to (a11y.spec.ts). */
async function violations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return results.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
}

test('paste Russian text for the seed, watch it align, and review the auto rows', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(SOURCE);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await signIn(page, accounts.editor, SOURCE);
  await expect(page.getByTestId('source-text-form')).toContainText('Turns T1–T10: 10 turns');
  expect(await violations(page)).toEqual([]);

  // A paragraph count that does not fit the turns is refused beside the form, before any work.
  await page.getByTestId('source-text').fill('Только один абзац.');
  await page.getByTestId('align-submit').click();
  await expect(page.getByTestId('edit-error')).toContainText('The text has 1 paragraph but the passage has 10 turns (T1–T10)');
  await page.getByRole('button', { name: 'Dismiss' }).click();

  await page.getByTestId('source-text').fill(SEED_RUSSIAN);
  await page.getByTestId('align-submit').click();
  const progress = page.getByTestId('align-progress');
  await expect(progress).toBeVisible();
  // Saving re-renders the page (now without placeholders); on a busy machine that can take a while.
  await expect(page.getByTestId('align-phase')).toHaveAttribute('data-phase', 'done', { timeout: 60_000 });
  await expect(progress).toHaveAttribute('value', '1');
  await expect(page.getByTestId('align-phase')).toContainText(/Saved as revision 2: Aligned \d+ source sentences to T1–T10/);

  // The reader shows the Russian sentences in rows marked auto, with no placeholder left.
  await page.goto(`/documents/${SEED_SLUG}`);
  const rows = page.getByTestId('aligned-row');
  expect(await rows.count()).toBeGreaterThan(10);
  await expect(page.locator('[data-testid="aligned-row"]:not([data-status="auto"])')).toHaveCount(0);
  await expect(page.locator('[data-testid="aligned-row"][data-refs~="T4"] [lang="ru"]').first()).toContainText('Вы правы.');
  await expect(page.locator('[data-placeholder="true"]')).toHaveCount(0);

  // Review: the picture has one mark per row; the queue is walked from the keyboard.
  await page.goto(REVIEW);
  const marks = page.getByTestId('overview-picture').locator('a');
  await expect(marks).toHaveCount(await page.getByTestId('queue-item').count());
  await expect(page.getByTestId('review-counts')).toContainText('0 verified (0 %)');
  expect(await violations(page)).toEqual([]);
  const first = page.getByTestId('queue-item').first();
  const firstKey = await first.getAttribute('data-row-key');
  await first.focus();
  await page.keyboard.press('a');
  await expect(page.getByTestId('queue-status')).toContainText('marked verified (revision 3)');
  await expect(page.locator(`[data-testid="queue-item"][data-row-key="${firstKey}"]`)).toHaveCount(0);
  // Focus moved on to the next row: accept it too, then step down and accept one by its button.
  await page.keyboard.press('a');
  await expect(page.getByTestId('queue-status')).toContainText('(revision 4)');
  await page.keyboard.press('j');
  const current = page.locator('[data-testid="queue-item"][aria-current="true"]');
  await current.getByTestId('queue-accept').click();
  await expect(page.getByTestId('queue-status')).toContainText('(revision 5)');
  await page.reload();
  await expect(page.getByTestId('review-counts')).toContainText('3 verified');
  await expect(page.getByTestId('overview-picture').locator('a[data-status="verified"]')).toHaveCount(3);

  await page.goto('/');
  await expect(page.getByTestId('review-share')).toContainText(/\d+ % of rows verified \(3 of \d+\)/);
});

/**
 * The first hour of a new reader (issue 10), on the unedited seed: references
 * typed the way they are displayed, error pages that quote what was typed,
 * layouts that hold at 1280 px and on a 390 px phone.
 */
import { expect, test } from '@playwright/test';
import { accounts } from './fixtures/accounts';
import { signIn } from './fixtures/sign-in';
import { SEED_SLUG } from './pages/reader-page';

const PASSAGES = `/documents/${SEED_SLUG}/passages`;
const widths = [1280, 390] as const;

const scrollsSideways = (page: import('@playwright/test').Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

test.describe('passage references as people write them', () => {
  for (const [typed, canonical] of [
    ['T5–T7', 'T5-T7'],
    ['T5—T7', 'T5-T7'],
    ['T5 – T7', 'T5-T7'],
    ['T5.1 − T6', 'T5.1-T6'],
  ] as const) {
    test(`“${typed}” redirects to ${canonical}`, async ({ page }) => {
      const response = await page.goto(`${PASSAGES}/${encodeURIComponent(typed)}`);
      expect(response?.status()).toBe(200);
      expect(new URL(page.url()).pathname).toBe(`${PASSAGES}/${canonical}`);
      await expect(page.getByTestId('passage-label')).toHaveText(canonical.replace('-', '–'));
    });
  }

  for (const width of widths) {
    test(`a bad reference is quoted as typed and a long one wraps (${width} px)`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      const response = await page.goto(`${PASSAGES}/${encodeURIComponent('T5–Т7')}`); // Cyrillic Т
      expect(response?.status()).toBe(404);
      await expect(page.getByTestId('passage-problem')).toContainText('“T5–Т7”');
      const long = `T${'5'.repeat(5000)}x`;
      await page.goto(`${PASSAGES}/${long}`);
      await expect(page.getByTestId('passage-problem')).toContainText('is not a passage reference');
      expect(await scrollsSideways(page)).toBe(false);
    });
  }
});

test.describe('search', () => {
  test('snippets render editorial marks as in the reader and mark their own cuts distinctly', async ({ page }) => {
    await page.goto('/search?q=Israel');
    const t10 = page.locator('[data-testid="search-hit"][data-anchor="T10"] [data-testid="hit-snippet"]');
    await expect(t10.locator('[data-mark="insertion"]')).toHaveText(/Israel/);
    await expect(t10).not.toContainText('[');
    await expect(t10.getByTestId('snippet-cut')).toHaveCount(1);
    // T2 opens with the publisher's elision: an elision mark, not a cut.
    await page.goto('/search?q=France');
    const t2 = page.locator('[data-testid="search-hit"][data-anchor="T2"] [data-testid="hit-snippet"]');
    await expect(t2.locator('[data-mark="elision"]')).toHaveCount(1);
    await expect(t2.locator('[data-mark="elision"], [data-testid="snippet-cut"]').first()).toHaveAttribute('data-mark', 'elision');
    await expect(t2.getByTestId('snippet-cut')).toHaveCount(1);
  });

  for (const width of widths) {
    test(`a speaker’s name lists the speaker; results filter by speaker and document (${width} px)`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`/search?q=${encodeURIComponent('Горбачев')}`);
      // The reading server also holds a generated document whose speakers bear the same names: take the seed's.
      const match = page.getByTestId('speaker-match').filter({ has: page.locator(`a[href="/documents/${SEED_SLUG}"]`) });
      await expect(match).toHaveCount(1);
      await match.getByRole('link', { name: 'Горбачев' }).click();
      await expect(page.getByTestId('search-summary')).toContainText('5 passages in 1 document for turns of Горбачев');
      await expect(page.getByTestId('search-hit')).toHaveCount(5);
      await page.getByLabel('Words or phrase').fill('Israel');
      await page.getByLabel('Speaker').selectOption('Mitterrand');
      await page.getByRole('search', { name: 'Search the texts' }).getByRole('button', { name: 'Search' }).click();
      await expect(page.getByTestId('search-hit')).toHaveCount(2);
      await expect(page.getByLabel('Document')).toHaveValue(SEED_SLUG);
      expect(await scrollsSideways(page)).toBe(false);
    });
  }
});

test.describe('the cite panel and the accounts table', () => {
  for (const width of widths) {
    test(`a Cite link opens the panel; its boxes show all their text; copying says so (${width} px)`, async ({
      page,
      context,
      baseURL,
    }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
      await page.setViewportSize({ width, height: 844 });
      await page.goto(`/documents/${SEED_SLUG}`);
      await page.locator('[data-testid="aligned-row"][data-refs~="T5"]').getByRole('link', { name: 'Cite T5' }).click();
      const panel = page.getByTestId('cite-panel');
      await expect(panel).toHaveAttribute('open', '');
      const permalink = await page.getByTestId('permalink').textContent();
      await expect(page.locator('#citation-chicago-full-note')).toHaveValue(
        new RegExp(
          `^Mikhail Gorbachev and Francois Mitterrand, .*trans\\. Svetlana Savranskaya .*${permalink!.replace(/[.?]/g, '\\$&')}\\.$`,
        ),
      );
      await expect(page.locator('#citation-chicago-note')).toHaveValue(/^Gorbachev and Mitterrand, “Memorandum/);
      // No box scrolls inside itself or cuts its text.
      const overflowing = await panel
        .locator('textarea')
        .evaluateAll((fields) =>
          fields.filter((f) => f.scrollHeight > f.clientHeight + 1 || f.scrollWidth > f.clientWidth + 1).map((f) => f.id),
        );
      expect(overflowing).toEqual([]);
      expect(await scrollsSideways(page)).toBe(false);

      const block = panel.getByTestId('citation-chicago-full-note');
      await block.getByRole('button', { name: /Copy Chicago/ }).click();
      await expect(block.getByRole('status')).toHaveText('Copied');
      await expect(block.getByRole('status')).toBeVisible();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^Mikhail Gorbachev and Francois Mitterrand/);
    });
  }

  test('the accounts table fits a 390 px phone', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, accounts.admin, '/admin/users');
    await expect(page.getByTestId('accounts')).toBeVisible();
    expect(await scrollsSideways(page)).toBe(false);
    const box = await page.getByTestId('accounts').boundingBox();
    expect(box!.width).toBeLessThanOrEqual(390);
  });
});

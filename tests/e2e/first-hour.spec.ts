/**
 * The first hour of a new reader (issue 10), on the unedited seed: references
 * typed the way they are displayed, error pages that quote what was typed,
 * layouts that hold at 1280 px and on a 390 px phone.
 */
import { expect, test } from '@playwright/test';
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

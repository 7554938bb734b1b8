/**
 * A 20,000-turn document in the reader: a link to #T12345 lands on that row
 * (in the window that holds it, which the page fetches), visible and
 * focused; ?at= works without JavaScript; the window links to its
 * neighbours and never repeats a row.
 */
import { expect, test } from '@playwright/test';
import { E2E_LARGE_SLUG, E2E_LARGE_TURNS } from './fixtures/large-document';

const reader = `/documents/${E2E_LARGE_SLUG}`;

test('#T12345 opens the window holding turn 12345, with the row visible and focused', async ({ page }) => {
  await page.goto(`${reader}#T12345`);
  const row = page.locator('[data-testid="aligned-row"]#T12345');
  await expect(row).toBeVisible();
  await expect(row).toBeFocused();
  await expect(row).toBeInViewport();
  await expect(page).toHaveURL(/\?at=T12345#T12345$/);
  await expect(page.getByTestId('window-position')).toHaveText(`Turns 12301–12400 of ${E2E_LARGE_TURNS}`);
  await expect(page.locator('[data-testid="aligned-row"]')).toHaveCount(100);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('?at= serves the right window, with previous/next links and a jump box', async ({ page }) => {
    await page.goto(`${reader}?at=T12345#T12345`);
    await expect(page.locator('#T12345')).toBeVisible();
    await expect(page.locator('link[rel="next"]')).toHaveAttribute('href', /at=T12401$/);
    await page.getByRole('link', { name: 'T12401–T12500 →' }).first().click();
    await expect(page.locator('[data-testid="aligned-row"]').first()).toHaveAttribute('id', 'T12401');
    await page.getByLabel('Go to turn').first().fill('T19999');
    await page.getByRole('button', { name: 'Go' }).first().click();
    await expect(page.locator('#T19999')).toBeVisible();
    await expect(page.locator('[data-testid="aligned-row"]').last()).toHaveAttribute('id', `T${E2E_LARGE_TURNS}`);
  });
});

import { expect, test } from '@playwright/test';

const DOC = '/documents/gorbachev-mitterrand-1991-01-18';

test('the library lists the seeded memo and links to it', async ({ page }) => {
  await page.goto('/');
  const link = page.getByRole('link', { name: /Memorandum of Telephone Conversation between Mikhail Gorbachev/ });
  await expect(link).toBeVisible();
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${DOC}$`));
});

test('the seed document shows 10 aligned turns, each with its Russian placeholder', async ({ page }) => {
  await page.goto(DOC);
  const rows = page.getByTestId('aligned-row');
  await expect(rows).toHaveCount(10);
  for (let n = 1; n <= 10; n++) {
    const row = page.locator(`[data-testid="aligned-row"]#T${n}`);
    await expect(row).toHaveCount(1);
    await expect(row.locator('.cell[lang="en"]')).not.toBeEmpty();
    await expect(row.locator('.cell[lang="ru"] [data-placeholder="true"]')).toHaveCount(1);
  }
  await expect(page.locator('#T1 .cell[lang="en"]')).toContainText('Good morning, Mr. President.');
  await expect(page.locator('#T10 .cell[lang="en"]')).toContainText('psychological consequences');
});

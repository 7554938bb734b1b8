/**
 * Importing and exporting in the browser, as an editor would: upload a memo,
 * read the preview and its warning, fix the text, preview again, import;
 * correct a participant in the document's details (a revision, in the
 * history); download the exports from the reader.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { accounts } from './fixtures/accounts';
import { signIn } from './fixtures/sign-in';

const memoPath = new URL('../fixtures/memos/frus-malta.txt', import.meta.url);

/** WCAG 2.x A/AA and best-practice violations on the page as it is now (as in a11y.spec.ts). */
async function violations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return results.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
}

test('upload a memo, see and fix a warning, import it, correct a participant, download it', async ({ page }) => {
  await signIn(page, accounts.editor, '/import');
  await expect(page.getByRole('heading', { name: 'Import a document' })).toBeVisible();

  await page
    .getByTestId('import-file')
    .setInputFiles({ name: 'malta-1989.txt', mimeType: 'text/plain', buffer: readFileSync(memoPath) });
  await expect(page.getByTestId('import-text')).toHaveValue(/Notetaker: the transcript resumes/);
  await page.getByRole('button', { name: 'Preview' }).click();

  const preview = page.getByTestId('import-preview');
  await expect(preview.getByTestId('preview-participants')).toHaveText('George Bush; Mikhail Gorbachev');
  await expect(page.getByTestId('import-warnings')).toContainText('line 13: "Notetaker" is not a participant; treated as text');
  await expect(page.getByTestId('preview-turns').locator('tbody tr')).toHaveCount(4);
  await expect(preview).toContainText('Президент');
  expect(await violations(page)).toEqual([]);

  // Fix it: the notetaker's line is an editorial remark, so bracket it.
  const text = page.getByTestId('import-text');
  await text.fill(
    (await text.inputValue()).replace('Notetaker: the transcript resumes after a break.', '[The transcript resumes after a break.]'),
  );
  await expect(page.getByRole('button', { name: 'Import' })).toBeDisabled();
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByTestId('import-no-warnings')).toBeVisible();
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByTestId('import-result')).toContainText('Imported 4 rows as malta-1989');

  await page.getByTestId('import-result').getByRole('link', { name: 'malta-1989' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('between George Bush and Mikhail Gorbachev, Malta');
  await expect(page.getByTestId('reader')).toContainText('The President');

  // Correct a participant: "George Bush" becomes "George H. W. Bush".
  await page.getByRole('link', { name: 'Details' }).click();
  const participants = page.getByTestId('details-participants');
  await expect(participants).toHaveValue('George Bush\nMikhail Gorbachev');
  await participants.fill('George H. W. Bush\nMikhail Gorbachev');
  await page.getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByTestId('details-result')).toContainText('Saved as revision 2: Corrected the document’s participants');
  expect(await violations(page)).toEqual([]);
  await page.goto('/documents/malta-1989/history/2');
  await expect(page.getByTestId('revision-summary')).toHaveText('Corrected the document’s participants');
  await expect(page.getByTestId('details-diff')).toContainText('George Bush; Mikhail Gorbachev');
  await expect(page.getByTestId('details-diff')).toContainText('George H. W. Bush; Mikhail Gorbachev');
  await page.goto('/documents/malta-1989');
  await expect(page.getByTestId('reader')).toContainText('George H. W. Bush');

  // Downloads: every format answers for the current and for a pinned revision.
  await page.getByTestId('export-links').locator('summary').click();
  for (const format of ['tei', 'tmx', 'csv', 'json']) {
    const href = await page.getByTestId('export-links').locator(`a[data-format="${format}"]`).getAttribute('href');
    const response = await page.request.get(href!);
    expect(response.status(), format).toBe(200);
    expect(response.headers()['content-disposition']).toBe(
      `attachment; filename="malta-1989-rev2.${format === 'tei' ? 'tei.xml' : format}"`,
    );
  }
  const pinned = await page.request.get('/api/documents/malta-1989/export?format=json&rev=1');
  expect((await pinned.json()).metadata.participants).toEqual(['George Bush', 'Mikhail Gorbachev']);
  const missing = await page.request.get('/api/documents/malta-1989/export?format=pdf');
  expect(missing.status()).toBe(400);
});

/**
 * Error pages read without JavaScript (issue 10): a 404 for an unknown
 * document, passage or revision shows its message in the server's HTML, not
 * only after a script runs (Next 16 leaves the body of a page's own
 * notFound() empty; proxy.ts answers these before the page runs).
 */
import { expect, test } from '@playwright/test';
import { SEED_SLUG } from './pages/reader-page';

test.use({ javaScriptEnabled: false });

const cases = [
  { path: '/documents/no-such-memo', heading: 'We could not find that page', text: 'There is no document “no-such-memo”.' },
  {
    path: `/documents/${SEED_SLUG}/passages/T12`,
    heading: 'No such passage',
    text: 'T12 is beyond the end of this document: its turns run from T1 to T10.',
  },
  { path: `/documents/${SEED_SLUG}/passages/T5?rev=999`, heading: 'No such passage', text: 'Revision 999 does not exist' },
  {
    path: `/documents/${SEED_SLUG}/passages/${encodeURIComponent('T5–Т7')}`,
    heading: 'No such passage',
    text: '“T5–Т7” is not a passage reference',
  },
  { path: `/documents/${SEED_SLUG}/history/9999`, heading: 'No such revision', text: 'its revisions are 1 to' },
  { path: '/admin/users', heading: 'We could not find that page', text: 'There is no page at this address.' },
];

for (const { path, heading, text } of cases) {
  test(`a 404 reads without JavaScript: ${path}`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await expect(page.getByTestId('not-found')).toContainText(text);
    await expect(page.getByRole('link', { name: 'Browse the library' })).toBeVisible();
    // The root layout ran: the page has its language and the site header.
    await expect(page.locator('html')).toHaveAttribute('lang', /.+/);
  });
}

test('an unmatched address reads without JavaScript too', async ({ page }) => {
  const response = await page.goto('/no/such/page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('We could not find that page');
});

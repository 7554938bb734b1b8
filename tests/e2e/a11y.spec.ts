import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { SEED_SLUG } from './pages/reader-page';

/** Every axe rule for WCAG 2.x A/AA and best practice, on the whole page. */
async function violations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return results.violations.map((v) => ({
    id: v.id,
    help: v.help,
    nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
  }));
}

const pages: { name: string; url: string; status?: number }[] = [
  { name: 'library', url: '/' },
  { name: 'reader, facing pages', url: `/documents/${SEED_SLUG}` },
  { name: 'reader, interlinear', url: `/documents/${SEED_SLUG}?view=interlinear` },
  { name: 'reader, single text', url: `/documents/${SEED_SLUG}?view=single` },
  { name: 'reader, linked turn', url: `/documents/${SEED_SLUG}#T5` },
  { name: 'search with results', url: '/search?q=Israel' },
  { name: 'search naming a speaker', url: '/search?q=Gorbachev' },
  { name: 'passage, cite panel open', url: `/documents/${SEED_SLUG}/passages/T5-T7#cite` },
  { name: 'search, empty', url: '/search' },
  { name: 'search, no results', url: '/search?q=zzzz' },
  { name: '404', url: '/documents/no-such-document', status: 404 },
];

for (const scheme of ['light', 'dark'] as const) {
  for (const viewport of [
    { width: 1280, height: 900 },
    { width: 390, height: 844 },
  ]) {
    test.describe(`axe, ${scheme} mode, ${viewport.width} px`, () => {
      test.use({ colorScheme: scheme, viewport });
      for (const { name, url, status } of pages) {
        test(`${name} has no violations`, async ({ page }) => {
          const response = await page.goto(url);
          expect(response?.status()).toBe(status ?? 200);
          expect(await violations(page)).toEqual([]);
        });
      }
    });
  }
}

test('axe: reader with a row hovered and one focused', async ({ page }) => {
  await page.goto(`/documents/${SEED_SLUG}`);
  await page.locator('#T3').hover();
  await page.locator('#T4').focus();
  expect(await violations(page)).toEqual([]);
});

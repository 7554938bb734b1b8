/**
 * Citing a passage in the browser: the passage page, its cite panel and
 * copy button, the metadata reference managers read, the pinned permalink,
 * and the "changed" notice after an editor changes the alignment.
 * Robust to earlier specs having edited the seed: revisions are read from
 * the page, not assumed.
 */
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { accounts } from './fixtures/accounts';
import { signIn } from './fixtures/sign-in';
import { EditorPage, SEED_SLUG } from './pages/editor-page';

const SCREENSHOTS = path.resolve(import.meta.dirname, '..', '..', 'docs', 'screenshots');
const PASSAGE = `/documents/${SEED_SLUG}/passages/T5-T7`;
const TITLE = 'Memorandum of Telephone Conversation between Mikhail Gorbachev and Francois Mitterrand';

const meta = (page: Page, name: string) => page.locator(`meta[name="${name}"]`);
const highlightedRefs = (page: Page) =>
  page
    .locator('[data-testid="aligned-row"][data-highlighted="true"]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-refs')));

test.use({ viewport: { width: 1280, height: 900 } });

test('cite a passage, follow its permalink, and still see what was cited after an edit', async ({ page, context, baseURL }) => {
  // A long journey (sign-in and an edit included): more than the default 30 s on a busy machine.
  test.setTimeout(120_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  await page.goto(PASSAGE);
  const rev = Number(await page.getByTestId('passage').getAttribute('data-rev'));
  expect(rev).toBeGreaterThanOrEqual(1);
  const permalink = `${baseURL}${PASSAGE}?rev=${rev}`;
  await expect(page.getByRole('heading', { level: 1 })).toContainText('T5–T7');
  await expect(page.getByTestId('permalink')).toHaveText(permalink);

  // Metadata for reference managers: Highwire tags and the embedded CSL-JSON.
  await expect(meta(page, 'citation_title')).toHaveAttribute('content', TITLE);
  await expect(meta(page, 'citation_date')).toHaveAttribute('content', '1991/01/18');
  await expect(meta(page, 'citation_publisher')).toHaveAttribute('content', 'National Security Archive');
  await expect(meta(page, 'citation_author')).toHaveCount(2);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${baseURL}${PASSAGE}`);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', /^T5–T7 · Memorandum/);
  const csl = JSON.parse((await page.getByTestId('csl-json').textContent()) ?? 'null');
  expect(csl).toEqual([
    expect.objectContaining({
      type: 'manuscript',
      title: TITLE,
      issued: { 'date-parts': [[1991, 1, 18]] },
      translator: [{ family: 'Savranskaya', given: 'Svetlana' }],
      publisher: 'National Security Archive',
      archive: 'Archive of the Gorbachev Foundation',
      archive_location: 'Fond 1, opis 1',
      URL: permalink,
      version: `rev. ${rev}`,
    }),
  ]);

  // The cite panel: closed until asked for, every format inside.
  const panel = page.getByTestId('cite-panel');
  const note = page.locator('#citation-chicago-note');
  await expect(note).toBeHidden();
  await panel.locator('summary').click();
  const chicagoNote = `Gorbachev and Mitterrand, “${TITLE},” T5–T7, rev. ${rev}.`;
  await expect(note).toHaveValue(chicagoNote);
  await expect(page.locator('#citation-chicago-bibliography')).toHaveValue(
    new RegExp(`Translated by Svetlana Savranskaya\\..*${escape(permalink)}\\.$`),
  );
  await expect(page.locator('#citation-mla')).toHaveValue(/^Gorbachev, Mikhail, and Francois Mitterrand\. Memorandum/);
  await expect(page.locator('#citation-apa')).toHaveValue(/^Gorbachev, M\., & Mitterrand, F\. \(1991\)\./);
  await expect(page.locator('#citation-bibtex')).toHaveValue(new RegExp(`^@unpublished\\{gorbachev1991T5T7r${rev},`));
  await expect(page.locator('#citation-ris')).toHaveValue(/^TY {2}- MANSCPT\n/);
  expect(JSON.parse(await page.locator('#citation-csl-json').inputValue())).toEqual(csl);
  await expect(page.getByTestId('source-unavailable')).toContainText('Russian original: source text not available');
  await expect(page.locator('#citation-quote-translation')).toHaveValue(/Russian original: source text not available\./);
  await expect(page.locator('#citation-quote-translation')).not.toHaveValue(/Горбачев/);

  // Copy the Chicago note.
  await panel.getByRole('button', { name: 'Copy Chicago (notes and bibliography, 17th ed.): Note, later references (short)' }).click();
  await expect(panel.getByTestId('citation-chicago-note').getByRole('status')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(chicagoNote);

  await panel.screenshot({ path: path.join(SCREENSHOTS, 'cite-panel.png') });

  // Accessible with the panel open: labelled fields, named buttons, contrast.
  const axe = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  expect(
    axe.violations.map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    ),
  ).toEqual([]);

  // The downloads answer at their stable URLs.
  const ris = await page.request.get(`${PASSAGE}/citation.ris?rev=${rev}`);
  expect(ris.status()).toBe(200);
  expect(await ris.text()).toContain(`UR  - ${permalink}\n`);

  // Follow the permalink: the same passage, pinned, nothing changed yet.
  await page.getByTestId('permalink').click();
  await expect(page).toHaveURL(permalink);
  await expect(page.getByTestId('passage-revision')).toContainText(`Shown as at revision ${rev} (pinned).`);
  await expect(page.getByTestId('passage-changed')).toHaveCount(0);
  const cited = await highlightedRefs(page);
  expect(cited.join(' ')).toContain('T6');

  // An editor merges the row holding T6 with the next one.
  await signIn(page, accounts.editor, `/documents/${SEED_SLUG}/edit`);
  const editor = new EditorPage(page);
  await editor.open();
  const editRev = await editor.mergeWithNext('T6');

  // The pinned link still shows the alignment as cited, and says it changed.
  await page.goto(permalink);
  await expect(page.getByTestId('passage-changed')).toHaveText(
    `⚠ The alignment of T5–T7 changed since this revision, first in revision ${editRev} — see current.`,
  );
  await expect(page.getByTestId('passage-changed').getByRole('link', { name: `revision ${editRev}` })).toHaveAttribute(
    'href',
    `/documents/${SEED_SLUG}/history/${editRev}`,
  );
  expect(await highlightedRefs(page)).toEqual(cited);

  // "See current" shows the new alignment, unpinned.
  await page.getByTestId('passage-changed').getByRole('link', { name: 'see current' }).click();
  await expect(page).toHaveURL(`${baseURL}${PASSAGE}`);
  await expect(page.getByTestId('passage-changed')).toHaveCount(0);
  expect(await highlightedRefs(page)).not.toEqual(cited);
  await expect(page.getByTestId('passage')).toHaveAttribute('data-rev', String(editRev));
});

test('a bad reference answers 404 with what is wrong; the reader’s cite form lands on the passage', async ({ page }) => {
  const response = await page.goto(`/documents/${SEED_SLUG}/passages/T12`);
  expect(response?.status()).toBe(404);
  await expect(page.getByTestId('passage-problem')).toHaveText(
    'T12 is beyond the end of this document: its turns run from T1 to T10.',
  );

  const old = await page.goto(`/documents/${SEED_SLUG}/passages/T5?rev=999`);
  expect(old?.status()).toBe(404);
  await expect(page.getByTestId('passage-problem')).toContainText('Revision 999 does not exist');

  await page.goto(`/documents/${SEED_SLUG}/cite?from=T8&to=T9`);
  await expect(page).toHaveURL(new RegExp(`/documents/${SEED_SLUG}/passages/T8-T9#cite$`));
  await expect(page.getByTestId('cite-panel')).toHaveAttribute('open', '');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('T8–T9');
});

test('the reader carries the document’s citation metadata and CSL-JSON', async ({ page, baseURL }) => {
  await page.goto(`/documents/${SEED_SLUG}`);
  await expect(meta(page, 'citation_title')).toHaveAttribute('content', TITLE);
  await expect(meta(page, 'citation_date')).toHaveAttribute('content', '1991/01/18');
  const [item] = JSON.parse((await page.getByTestId('csl-json').textContent()) ?? '[]');
  expect(item).toMatchObject({ title: TITLE, type: 'manuscript' });
  expect(item.URL).toMatch(new RegExp(`^${escape(`${baseURL}/documents/${SEED_SLUG}/passages/T1-T10?rev=`)}\\d+$`));
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('a word citation marks exactly the cited words, without script too, and offers its permalink', async ({
  page,
  browser,
  baseURL,
}) => {
  // A lenient spelling redirects to the canonical one, which keeps the @ readable.
  await page.goto(`/documents/${SEED_SLUG}/passages/t1@W3–w4`);
  await expect(page).toHaveURL(new RegExp(`/documents/${SEED_SLUG}/passages/T1@w3-w4$`));
  const rev = Number(await page.getByTestId('passage').getAttribute('data-rev'));
  const permalink = `${baseURL}/documents/${SEED_SLUG}/passages/T1@w3-w4?rev=${rev}`;
  await expect(page.getByRole('heading', { level: 1 })).toContainText('T1@w3–w4');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('words 3–4 of T1');
  await expect(page.getByTestId('permalink')).toHaveText(permalink);
  const cited = page.locator('.cell[lang="en"] mark[data-word-mark="cited"]');
  await expect(cited).toHaveCount(1);
  await expect(cited).toHaveText('Mr. President');
  // The Russian of the seed is a placeholder: nothing is linked, and the page says so.
  await expect(page.getByTestId('cited-words')).toHaveText(
    'Cited: words 3–4 of T1, “Mr. President”; no words of the other columns are linked to them.',
  );

  const panel = page.getByTestId('cite-panel');
  await panel.locator('summary').click();
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Cite T1@w3–w4');
  await expect(panel.getByRole('textbox', { name: 'Permalink of the cited words' })).toHaveValue(permalink);
  await expect(panel.getByRole('textbox', { name: 'The cited words (with their permalink)' })).toHaveValue(
    `“Mr. President” (T1@w3–w4, rev. ${rev}), ${permalink}`,
  );
  // Every format cites the words, not their passage.
  await expect(page.locator('#citation-chicago-note')).toHaveValue(`Gorbachev and Mitterrand, “${TITLE},” T1@w3–w4, rev. ${rev}.`);
  await expect(page.locator('#citation-chicago-bibliography')).toHaveValue(new RegExp(`${escape(permalink)}\\.$`));
  await expect(page.locator('#citation-bibtex')).toHaveValue(new RegExp(`^@unpublished\\{gorbachev1991T1w3w4r${rev},`));
  // The panel's download is the word citation's file: a reference manager imports the words' permalink.
  const download = panel.getByRole('link', { name: 'Download .ris' });
  await expect(download).toHaveAttribute('href', `${baseURL}/documents/${SEED_SLUG}/passages/T1@w3-w4/citation.ris?rev=${rev}`);
  const ris = await page.request.get((await download.getAttribute('href'))!);
  expect(ris.status()).toBe(200);
  expect(await ris.text()).toContain(`UR  - ${permalink}`);
  const axe = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  expect(
    axe.violations.map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    ),
  ).toEqual([]);

  // The pinned permalink, without JavaScript: the marks are in the server's markup.
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await plain.goto(permalink);
  await expect(plain.locator('.cell[lang="en"] mark[data-word-mark="cited"]')).toHaveText('Mr. President');
  await expect(plain.getByTestId('passage-revision')).toContainText(`revision ${rev}`);
  await noScript.close();

  // A word the passage does not have: 404, naming it and how many words there are.
  const missing = await page.goto(`/documents/${SEED_SLUG}/passages/T1@w99?rev=${rev}`);
  expect(missing?.status()).toBe(404);
  await expect(page.getByTestId('passage-problem')).toHaveText(
    `T1@w99 does not exist at revision ${rev}: there is no w99, T1 has 9 words (w1–w9).`,
  );
});

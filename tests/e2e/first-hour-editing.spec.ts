/**
 * The first hour of an editor (issue 10): splitting a turn keeps its shape,
 * the speaker shows once, the turn stays citable, and correcting a verified
 * row's text makes it unverified again. Runs after editing.spec.ts on the
 * same server; reads revisions from the page rather than assuming them.
 */
import { expect, test } from '@playwright/test';
import { accounts } from './fixtures/accounts';
import { signIn } from './fixtures/sign-in';
import { EditorPage, SEED_SLUG } from './pages/editor-page';
import { ReaderPage } from './pages/reader-page';

const EDIT = `/documents/${SEED_SLUG}/edit`;

test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 1280, height: 900 } });

test('splitting T5 at the proposed breaks keeps its paragraphs, its speaker once, and T5 citable', async ({ page }) => {
  await signIn(page, accounts.editor, EDIT);
  const editor = new EditorPage(page);
  await editor.open();

  await editor.segment('T5', 'English').locator('button[data-action="split-segment"]').click();
  const proposals = page.getByTestId('split-segment-panel').getByRole('checkbox');
  // "[...]" between two sentences is never offered as a sentence of its own.
  await expect(page.getByTestId('split-segment-panel').locator('label')).not.toContainText(['“[...]”']);
  const count = await proposals.count();
  expect(count).toBeGreaterThan(5);
  await page.getByTestId('split-segment-panel').getByRole('button', { name: 'Cancel' }).click();
  await editor.splitSegment('T5', 'English');

  const sentences = editor.cell('T5.1', 'English').getByTestId('edit-segment');
  await expect(sentences).toHaveCount(count + 1);
  for (const text of await sentences.locator('.segment').allTextContents()) expect(text).toMatch(/[A-Za-z]{2}/);
  await expect(editor.cell('T5.1', 'English').locator('.speaker')).toHaveCount(1);

  const reader = new ReaderPage(page);
  await reader.goto();
  const t5 = reader.cell('T5.1', 'en');
  await expect(t5.locator('p')).toHaveCount(2);
  await expect(t5.locator('.speaker')).toHaveCount(1);
  await expect(t5.locator('p').nth(1)).toContainText('Events are entering a new phase.');
  const from = page.locator('#cite-from option');
  const options = await from.allTextContents();
  expect(options.slice(options.indexOf('T5'), options.indexOf('T5') + 3)).toEqual(['T5', 'T5.1', 'T5.2']);
  await page.locator('#cite-from').selectOption('T5');
  await page.locator('#cite-to').selectOption('T5');
  await page.getByRole('button', { name: 'Cite passage' }).click();
  await expect(page.getByTestId('passage-label')).toHaveText('T5');
});

test('correcting the text of a verified row makes it unverified, and the history says so', async ({ page }) => {
  await signIn(page, accounts.editor, EDIT);
  const editor = new EditorPage(page);
  await editor.open();
  if ((await editor.row('T9').getAttribute('data-status')) !== 'verified') await editor.setStatus('T9', 'verified');
  await expect(editor.row('T9')).toHaveAttribute('data-status', 'verified');
  const rev = await editor.correctText(
    'T9',
    'English',
    'Currently I am waiting for Hussein’s answer. [...]\n\nIf we can stop the situation now, then we can say the following.',
  );
  await expect(editor.row('T9')).toHaveAttribute('data-status', 'unverified');
  await editor.openHistory();
  await expect(page.locator(`[data-testid="revision"][data-rev="${rev}"]`)).toContainText(
    'Corrected the text of T9 (English); row T9 is unverified again',
  );
});

test('history marks the changed words, a revert shows what it will change first, and a pinned link says what changed', async ({
  page,
}) => {
  await signIn(page, accounts.editor, EDIT);
  const editor = new EditorPage(page);
  await editor.open();
  const before = await editor.rev();
  const permalink = `/documents/${SEED_SLUG}/passages/T8?rev=${before}`;
  const text = (await editor.segment('T8', 'English').locator('.segment').textContent())!.replace(/^Mitterrand:\s*/, '');
  const rev = await editor.correctText('T8', 'English', text.replace('capital', 'the utmost'));

  await page.goto(`/documents/${SEED_SLUG}/history/${rev}`);
  await expect(page.getByTestId('word-del')).toHaveText(['(removed) capital']);
  await expect(page.getByTestId('word-ins')).toHaveText(['(added) the utmost']);

  await page.goto(permalink);
  await expect(page.getByTestId('passage-changed')).toContainText(
    `The text of T8 changed since this revision, first in revision ${rev}`,
  );
  await page
    .getByTestId('passage-changed')
    .getByRole('link', { name: `revision ${rev}` })
    .click();
  await expect(page).toHaveURL(new RegExp(`/history/${rev}$`));

  await page.goto(`/documents/${SEED_SLUG}/history`);
  const revert = page.getByTestId(`revert-${before}`);
  await revert.getByRole('button', { name: /Revert to this/ }).click();
  await expect(revert.getByTestId('revert-preview')).toContainText('text of T8 (English) goes back to');
  await expect(revert.getByTestId('revert-preview')).toContainText('capital');
  await expect(revert.getByRole('button', { name: `Revert to revision ${before}` })).toBeEnabled();
  await revert.getByRole('button', { name: 'Cancel' }).click();
});

for (const device of [
  { name: 'desktop, 1280 px', viewport: { width: 1280, height: 900 }, touch: false },
  { name: 'phone, 390 px', viewport: { width: 390, height: 844 }, touch: true },
]) {
  test.describe(device.name, () => {
    test.use({ viewport: device.viewport, hasTouch: device.touch, isMobile: device.touch });

    test('edit buttons are at least 24 × 24 px, hints only with a keyboard, disabled looks disabled', async ({ page }) => {
      await signIn(page, accounts.editor, EDIT);
      await new EditorPage(page).open();
      const sizes = await page.locator('[data-testid="edit-row"] button').evaluateAll((buttons) =>
        buttons
          .filter((b) => (b as HTMLElement).offsetParent)
          .map((b) => b.getBoundingClientRect())
          .map((r) => Math.min(r.width, r.height)),
      );
      expect(sizes.length).toBeGreaterThan(10);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(24);
      const visibleHints = await page
        .locator('[data-testid="edit-row"] button kbd')
        .evaluateAll((k) => k.filter((e) => (e as HTMLElement).offsetParent).length);
      if (device.touch) expect(visibleHints).toBe(0);
      else expect(visibleHints).toBeGreaterThan(0);
      const look = (selector: string) =>
        page
          .locator(selector)
          .first()
          .evaluate((b) => {
            const s = getComputedStyle(b);
            return `${s.borderStyle} ${s.backgroundColor} ${s.color}`;
          });
      expect(await look('[data-testid="edit-row"] button:disabled')).not.toBe(await look('[data-testid="edit-row"] button:enabled'));

      await page.goto(`/documents/${SEED_SLUG}/history`);
      const revert = page.getByRole('button', { name: /Revert to this/ }).first();
      const box = await revert.boundingBox();
      const lineHeight = await revert.evaluate((b) => parseFloat(getComputedStyle(b).lineHeight) || 20);
      expect(box!.height).toBeLessThan(lineHeight * 2);
    });
  });
}

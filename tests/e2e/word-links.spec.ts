/**
 * Word links in the browser, on a server of their own: an editor links five
 * word pairs from the keyboard only, extends a link and splits it again, asks for suggestions for the passage
 * and accepts them, corrects a word and sees the other links kept; a reader
 * hovers or steps word by word and sees (and hears) the linked words, at
 * 1280 and 390 px, with axe finding nothing on either page.
 */
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { accounts } from './fixtures/accounts';
import { signIn } from './fixtures/sign-in';
import { EditorPage, SEED_SLUG } from './pages/editor-page';

const SCREENSHOTS = path.resolve(import.meta.dirname, '..', '..', 'docs', 'screenshots');
const WORDS = `/documents/${SEED_SLUG}/edit/words?at=T1`;
const READER = `/documents/${SEED_SLUG}`;
const PAIRS: [string, string][] = [
  ['Доброе', 'Good'],
  ['утро', 'morning'],
  ['господин', 'Mr'],
  ['президент', 'President'],
  ['Сердечно', 'heartfelt'],
];

test.describe.configure({ mode: 'serial' });

async function violations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return results.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
}

const editorRev = async (page: Page) => Number(await page.getByTestId('word-editor').getAttribute('data-rev'));

/** The row's words in keyboard order, and the one focused. */
async function rowWords(page: Page, ref: string) {
  return page.evaluate((label) => {
    const row = [...document.querySelectorAll('[data-testid="word-row"]')].find((r) => r.querySelector('h2')?.textContent === label)!;
    const buttons = [...row.querySelectorAll<HTMLButtonElement>('button[data-word]')];
    return { words: buttons.map((b) => b.dataset.word!), focused: buttons.indexOf(document.activeElement as HTMLButtonElement) };
  }, ref);
}

async function moveTo(page: Page, ref: string, word: string) {
  let { words, focused } = await rowWords(page, ref);
  if (focused < 0) {
    // Focus left the row (a passage-wide button was pressed): back to its first word, as Tab would.
    await page
      .locator('[data-testid="word-row"]', { has: page.locator('h2', { hasText: new RegExp(`^${ref}$`) }) })
      .locator('button[data-word]')
      .first()
      .focus();
    ({ words, focused } = await rowWords(page, ref));
  }
  const target = words.indexOf(word);
  expect(target, `${word} in ${ref}`).toBeGreaterThanOrEqual(0);
  for (let i = focused; i !== target; i += target > i ? 1 : -1) await page.keyboard.press(target > i ? 'ArrowRight' : 'ArrowLeft');
  await expect(page.locator('button[data-word]:focus')).toHaveAttribute('data-word', word);
}

test('an editor links five word pairs from the keyboard only, extends and splits a link, then accepts the suggestions for the passage', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, accounts.editor, `/documents/${SEED_SLUG}/edit`);
  const editor = new EditorPage(page);
  await editor.open();
  await editor.replacePlaceholder('T1', 'Доброе утро, господин президент. Сердечно вас приветствую.');
  await editor.replacePlaceholder('T4', 'Вы правы.');

  await page.goto(WORDS);
  await expect(page.getByTestId('word-editor')).toBeVisible();
  // Keyboard only: Tab into the first row's words.
  for (let i = 0; i < 40 && !(await page.evaluate(() => document.activeElement?.hasAttribute('data-word'))); i++)
    await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-word'))).toBe(true);

  for (const [ru, en] of PAIRS) {
    const rev = await editorRev(page);
    await moveTo(page, 'T1', ru);
    await page.keyboard.press('Space');
    await moveTo(page, 'T1', en);
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('word-editor')).toHaveAttribute('data-rev', String(rev + 1));
    await expect(page.getByTestId('edit-status')).toHaveText(`Saved as revision ${rev + 1}: Linked “${ru}” ↔ “${en}” in T1.`);
  }
  await expect(page.locator('[data-testid="word-row"] button[data-status="accepted"]')).toHaveCount(10);

  // Delete unlinks in one key; Enter on the same selection links again.
  await moveTo(page, 'T1', 'morning');
  let rev = await editorRev(page);
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('edit-status')).toHaveText(`Saved as revision ${rev + 1}: Unlinked “утро” ↔ “morning” in T1.`);
  await expect(page.getByTestId('word-editor')).toHaveAttribute('data-rev', String(rev + 1));
  await page.keyboard.press('Space');
  await moveTo(page, 'T1', 'утро');
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('edit-status')).toHaveText(`Saved as revision ${rev + 2}: Linked “утро” ↔ “morning” in T1.`);
  await expect(page.getByTestId('word-editor')).toHaveAttribute('data-rev', String(rev + 2));

  // Extend: select two linked pairs' words and press Enter: one link of two words a side replaces both.
  rev = await editorRev(page);
  for (const word of ['господин', 'президент', 'Mr', 'President']) {
    await moveTo(page, 'T1', word);
    await page.keyboard.press('Space');
  }
  await page.keyboard.press('Enter');
  const extended = page.getByTestId('edit-status');
  await expect(extended).toContainText(`Saved as revision ${rev + 1}: Linked “господин президент” ↔ “Mr President” in T1 (replacing `);
  await expect(extended).toContainText('“господин” ↔ “Mr”');
  await expect(extended).toContainText('“президент” ↔ “President”');
  await expect(page.getByTestId('word-editor')).toHaveAttribute('data-rev', String(rev + 1));
  // Split it again: link part of its words, then the rest.
  for (const [i, [ru, en]] of [
    ['господин', 'Mr'],
    ['президент', 'President'],
  ].entries()) {
    await moveTo(page, 'T1', ru!);
    await page.keyboard.press('Space');
    await moveTo(page, 'T1', en!);
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('edit-status')).toHaveText(
      i === 0
        ? `Saved as revision ${rev + 2}: Linked “господин” ↔ “Mr” in T1 (replacing “господин президент” ↔ “Mr President”).`
        : `Saved as revision ${rev + 3}: Linked “президент” ↔ “President” in T1.`,
    );
    await expect(page.getByTestId('word-editor')).toHaveAttribute('data-rev', String(rev + 2 + i));
  }
  await expect(page.locator('[data-testid="word-row"] button[data-status="accepted"]')).toHaveCount(10);

  // Suggestions for the passage, then accepted at once.
  rev = await editorRev(page);
  await page.getByRole('button', { name: 'Suggest links' }).click();
  await expect(page.getByTestId('edit-status')).toContainText(`Saved as revision ${rev + 1}: Suggested`);
  // The status line speaks as soon as the action answers; the rows follow with the refreshed page.
  await expect(page.getByTestId('word-editor')).toHaveAttribute('data-rev', String(rev + 1));
  const suggested = await page.locator('button[data-status="suggested"]').count();
  expect(suggested).toBeGreaterThan(0);
  expect(await violations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Accept all suggestions' }).click();
  await expect(page.getByTestId('edit-status')).toContainText(`Saved as revision ${rev + 2}: Accepted`);
  await expect(page.getByTestId('word-editor')).toHaveAttribute('data-rev', String(rev + 2));
  await expect(page.locator('button[data-status="suggested"]')).toHaveCount(0);
  await moveTo(page, 'T1', 'President');
  await page
    .locator('[data-testid="word-row"]')
    .first()
    .screenshot({ path: path.join(SCREENSHOTS, 'word-links-editor.png') });
  console.info(`word links: ${suggested} suggested words, all accepted unchanged`);
});

test('correcting a word drops only its link and keeps the others', async ({ page }) => {
  await signIn(page, accounts.editor, `/documents/${SEED_SLUG}/edit`);
  await page.goto(WORDS);
  const linkedBefore = await page.locator('button[data-status="accepted"]').count();
  const editor = new EditorPage(page);
  await editor.open();
  await editor.correctText('T1', 'English', 'Good morning, Mr. President. My warm greetings to you.');
  await expect(page.getByTestId('edit-status')).toContainText('word link dropped: “Сердечно” ↔ “heartfelt”');
  await page.goto(WORDS);
  await expect(page.locator('button[data-status="accepted"]')).toHaveCount(linkedBefore - 2);
  for (const word of ['Good', 'morning', 'Mr', 'President', 'Доброе', 'утро', 'господин', 'президент']) {
    await expect(page.locator(`button[data-word="${word}"]`).first()).toHaveAttribute('data-status', 'accepted');
  }
  await expect(page.locator('button[data-word="warm"]')).not.toHaveAttribute('data-status', 'accepted');
});

for (const width of [1280, 390]) {
  test(`a reader sees the linked words on hover and word by word from the keyboard at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(READER);
    const highlighted = (name: string) =>
      page.evaluate((n) => [...((CSS.highlights.get(n) as Set<Range> | undefined) ?? [])].map((r) => r.toString()), name);
    // Hover "President" in T1.
    const box = await page.evaluate(() => {
      const row = document.querySelector('[data-testid="aligned-row"][data-refs~="T1"]')!;
      const cell = row.querySelector('.cell[lang="en"] .cell-body')!;
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf('President');
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at + 2);
        range.setEnd(node, at + 3);
        node.parentElement!.scrollIntoView({ block: 'center' });
        const r = range.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      }
      return null;
    });
    expect(box).not.toBeNull();
    // Hover again until the page's script listens (a move before hydration reaches nobody).
    await expect(async () => {
      await page.mouse.move(0, 0);
      await page.mouse.move(box!.x, box!.y);
      await expect(page.locator('#word-link-status')).toHaveText('“President” (English): linked to “президент” (Russian), accepted.', {
        timeout: 2_000,
      });
    }).toPass();
    await expect.poll(() => highlighted('word-linked')).toEqual(['президент']);
    await expect.poll(() => highlighted('word-current')).toEqual(['President']);
    if (width === 1280) await page.screenshot({ path: path.join(SCREENSHOTS, 'word-links-reader.png') });
    expect(await violations(page)).toEqual([]);

    // Keyboard: focus the row, step word by word; the status line (a live region) says each word's counterpart.
    await page.mouse.move(0, 0);
    await page.locator('[data-testid="aligned-row"][data-refs~="T1"]').focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('#word-link-status')).toHaveText(
      /^“(Good|Доброе)” \((English|Russian)\): linked to “(Доброе|Good)” \((Russian|English)\), accepted\.$/,
    );
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('#word-link-status')).toHaveText(/^“(morning|утро)”/);
    await expect(page.locator('[data-testid="aligned-row"][data-refs~="T1"]')).toHaveAttribute('aria-describedby', 'word-link-status');
    await page.keyboard.press('Escape');
    await expect(page.locator('#word-link-status')).toHaveText('');
  });
}

test('the passage page reads word by word: each Russian word with the English linked to it, without script too', async ({
  page,
  browser,
}) => {
  const passage = `/documents/${SEED_SLUG}/passages/T1`;
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(passage);
  const section = page.getByTestId('word-by-word');
  await expect(section.getByRole('heading', { level: 2 })).toHaveText('Word by word');
  const gloss = (word: string) =>
    section
      .getByTestId('word-by-word-word')
      .filter({ has: page.locator('span[lang="ru"] [data-source-word]', { hasText: new RegExp(`^${word}$`) }) })
      .locator('[data-status]');
  for (const [ru, en] of PAIRS.slice(0, 4)) {
    await expect(gloss(ru)).toHaveAttribute('data-status', 'accepted');
    await expect(gloss(ru)).toHaveAttribute('lang', 'en');
    // Screen readers hear the gloss in brackets after the word.
    await expect(gloss(ru)).toHaveText(` (${en})`);
  }
  // Its link was dropped when the English word was corrected (the test before): no gloss now.
  await expect(gloss('Сердечно')).toHaveAttribute('data-status', 'none');
  await section.screenshot({ path: path.join(SCREENSHOTS, 'word-by-word.png') });
  expect(await violations(page)).toEqual([]);

  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await plain.goto(passage);
  await expect(plain.getByTestId('word-by-word-line').first()).toContainText('Доброе');
  await expect(plain.getByTestId('word-by-word-line').first()).toContainText('Good');
  await noScript.close();
});

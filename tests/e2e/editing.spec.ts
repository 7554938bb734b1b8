/**
 * Editing in the browser, as an editor would: sign in, merge two rows,
 * split them again, transcribe a placeholder, undo, see it all in the
 * history, sign out. Plus the keyboard, errors beside the control, a
 * conflict between two editors, and who may open the edit mode at all.
 */
import { expect, test } from '@playwright/test';
import { accounts } from './fixtures/accounts';
import { signIn, signOut } from './fixtures/sign-in';
import { EditorPage, SEED_SLUG } from './pages/editor-page';

const EDIT = `/documents/${SEED_SLUG}/edit`;
const RUSSIAN_T4 = 'Положение серьёзное. Мы должны действовать вместе.';

test.describe.configure({ mode: 'serial' });

test('an editor merges, splits, transcribes, undoes, and finds it all in the history', async ({ page }) => {
  await page.goto(EDIT);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await signIn(page, accounts.editor, EDIT);
  const editor = new EditorPage(page);
  await editor.open();
  const start = await editor.rev();

  await editor.mergeWithNext('T4');
  await expect(editor.row('T4')).toHaveAttribute('data-refs', 'T4 T5');
  await expect(editor.rows()).toHaveCount(9);
  await expect(page.getByTestId('edit-status')).toContainText(`revision ${start + 1}: Merged rows T4 and T5`);

  await editor.splitRow('T4', { English: 'T5', Russian: 'T5' });
  await expect(editor.rows()).toHaveCount(10);
  await expect(editor.row('T4')).toHaveAttribute('data-refs', 'T4');
  await expect(editor.row('T5')).toHaveAttribute('data-refs', 'T5');
  await expect(editor.cell('T5', 'Russian').locator('[data-ref="T5"]')).toHaveCount(1);

  await editor.replacePlaceholder('T4', RUSSIAN_T4);
  const russian = editor.segment('T4', 'Russian');
  await expect(russian).toContainText(RUSSIAN_T4);
  await expect(russian.locator('[data-placeholder="true"]')).toHaveCount(0);
  // The reader shows it at once too.
  await page.goto(`/documents/${SEED_SLUG}`);
  await expect(page.locator('[data-testid="aligned-row"][data-refs~="T4"] [lang="ru"]').first()).toContainText(RUSSIAN_T4);

  await editor.open();
  await expect(page.getByTestId('undo')).toContainText('Replaced the placeholder of T4 (Russian)');
  await editor.undo();
  await expect(editor.segment('T4', 'Russian').locator('[data-placeholder="true"]')).toHaveCount(1);
  await expect(page.getByTestId('undo')).toContainText(`revision ${start + 2}: Split row T4–T5`);

  await editor.openHistory();
  const revisions = page.getByTestId('revision');
  await expect(revisions.first()).toContainText(`Undid revision ${start + 3}: Replaced the placeholder of T4 (Russian)`);
  for (const [rev, what] of [
    [start + 3, 'Replaced the placeholder of T4 (Russian)'],
    [start + 2, 'Split row T4–T5 before T5 (Russian) and T5 (English)'],
    [start + 1, 'Merged rows T4 and T5'],
  ] as const) {
    const row = page.locator(`[data-testid="revision"][data-rev="${rev}"]`);
    await expect(row).toContainText(what);
    await expect(row).toContainText(accounts.editor.name);
  }
  await expect(page.locator(`[data-testid="revision"][data-rev="${start + 3}"]`)).toContainText(`undone in revision ${start + 4}`);

  // A revision's page: what it changed, and the document as it was.
  await page.getByRole('link', { name: `Revision ${start + 3}`, exact: true }).click();
  await expect(page.getByTestId('revision-summary')).toHaveText(/^Replaced the placeholder of T4 \(Russian\)/);
  const change = page.getByTestId('text-change');
  await expect(change).toHaveCount(1);
  await expect(change).toContainText('Russian T4');
  await expect(change).toContainText(RUSSIAN_T4);
  await expect(page.locator('[data-testid="aligned-row"][data-highlighted="true"]')).toHaveCount(0);
  await expect(page.locator('[data-testid="aligned-row"][data-refs~="T4"] [lang="ru"]').first()).toContainText(RUSSIAN_T4);

  await signOut(page);
  await page.goto(EDIT);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
});

test('the keyboard does what the buttons do, and errors appear beside the control', async ({ page }) => {
  await signIn(page, accounts.editor, EDIT);
  const editor = new EditorPage(page);
  await editor.open();
  const rev = await editor.rev();

  // v marks the focused row verified.
  await editor.row('T2').focus();
  await page.keyboard.press('v');
  await expect(page.getByTestId('editor')).toHaveAttribute('data-rev', String(rev + 1));
  await expect(editor.row('T2')).toHaveAttribute('data-status', 'verified');

  // j moves to the next row; ] moves the last Russian segment down (the row's first column).
  await editor.row('T2').focus();
  await page.keyboard.press('j');
  await expect(editor.row('T3')).toBeFocused();
  await page.keyboard.press(']');
  await expect(page.getByTestId('editor')).toHaveAttribute('data-rev', String(rev + 2));
  await expect(editor.cell('T4', 'Russian').getByTestId('edit-segment')).toHaveCount(2);
  await expect(editor.cell('T3', 'Russian').getByTestId('edit-segment')).toHaveCount(0);

  // e opens the text form of the focused row's first column; an empty text is refused beside it.
  await editor.row('T3').focus();
  await page.keyboard.press('e');
  await expect(page.getByTestId('text-panel')).toHaveCount(0);
  await editor.row('T4').focus();
  await page.keyboard.press('e');
  const panel = page.getByTestId('text-panel');
  await expect(panel.locator('textarea')).toBeFocused();
  await panel.locator('textarea').fill('   ');
  await panel.getByRole('button', { name: 'Save text' }).click();
  await expect(editor.error('T4')).toContainText('is empty');
  await expect(page.getByTestId('editor')).toHaveAttribute('data-rev', String(rev + 2));
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('text-panel')).toHaveCount(0);

  // Undo twice puts the boundary back and the status as it was.
  await page.locator('body').click();
  await editor.undo();
  await editor.undo();
  await expect(editor.cell('T3', 'Russian').getByTestId('edit-segment')).toHaveCount(1);
  await expect(editor.row('T2')).toHaveAttribute('data-status', 'auto');
  await expect(page.getByTestId('shortcuts')).toContainText('merge the row with the next row');
});

test('two editors on the same revision: the second sees a conflict with the current passage, and reloads', async ({ browser }) => {
  const first = await browser.newPage();
  const second = await browser.newPage();
  await signIn(first, accounts.editor, EDIT);
  await signIn(second, accounts.editor2, EDIT);
  const a = new EditorPage(first);
  const b = new EditorPage(second);
  await a.open();
  await b.open();
  const rev = await a.rev();
  expect(await b.rev()).toBe(rev);

  await a.mergeWithNext('T6');
  await b.row('T6').locator('button[data-action="verify"]').click();
  const error = b.error('T6');
  await expect(error).toHaveAttribute('data-code', 'conflict');
  // The second editor's edit named row T6, which now holds T6–T7.
  await expect(error).toContainText(`T6–T7 changed in revision ${rev + 1} by ${accounts.editor.name}; reload to see it.`);
  await expect(error.getByTestId('conflict-current')).toContainText('T6–T7');
  await error.getByRole('button', { name: 'Reload' }).click();
  await expect(second.getByTestId('editor')).toHaveAttribute('data-rev', String(rev + 1));
  await expect(b.row('T6')).toHaveAttribute('data-refs', 'T6 T7');

  // Nothing lost: the second editor's edit goes through on the current revision.
  await b.row('T6').locator('button[data-action="verify"]').click();
  await expect(second.getByTestId('editor')).toHaveAttribute('data-rev', String(rev + 2));
  await expect(b.row('T6')).toHaveAttribute('data-status', 'verified');
  await first.close();
  await second.close();
});

test('the reader links to the edit mode for editors only', async ({ page }) => {
  await page.goto(`/documents/${SEED_SLUG}`);
  await expect(page.getByRole('link', { name: 'Edit', exact: true })).toHaveCount(0);
  await signIn(page, accounts.editor, `/documents/${SEED_SLUG}`);
  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${EDIT}$`));
  await expect(page.getByTestId('editor')).toBeVisible();
});

test('an editor reverts the document to its first revision from the history', async ({ page }) => {
  await signIn(page, accounts.editor, `/documents/${SEED_SLUG}/history`);
  const current = Number(await page.locator('[data-testid="revision"]').first().getAttribute('data-rev'));
  const first = page.getByTestId('revert-1');
  await first.getByRole('button', { name: /Revert to this/ }).click();
  await first.getByRole('button', { name: 'Revert to revision 1' }).click();
  await expect(page.locator('[data-testid="revision"]').first()).toHaveAttribute('data-rev', String(current + 1));
  await expect(page.locator('[data-testid="revision"]').first()).toContainText(
    /Reverted to revision 1 \(\d+ rows?, \d+ segments? restored\)/,
  );

  const editor = new EditorPage(page);
  await editor.open();
  await expect(editor.rows()).toHaveCount(10);
  for (let n = 1; n <= 10; n++) await expect(editor.row(`T${n}`)).toHaveAttribute('data-refs', `T${n}`);
  await expect(page.locator('[data-testid="edit-row"] [data-status]').first()).toBeVisible();
  await expect(page.locator('[data-testid="edit-row"][data-status="auto"]')).toHaveCount(10);
});

// Issue 9, finding 2: the second editor's stale draft, saved again after Reload, silently replaced the first's correction.
test('a stale draft never overwrites: refused even after Reload, then merged by hand beside the current text', async ({ browser }) => {
  const first = await browser.newPage();
  const second = await browser.newPage();
  await signIn(first, accounts.editor, EDIT);
  await signIn(second, accounts.editor2, EDIT);
  const a = new EditorPage(first);
  const b = new EditorPage(second);
  await a.open();
  await b.open();
  const rev = await a.rev();

  // Both open T7's English text from the same revision.
  await a.segment('T7', 'English').locator('button[data-action="edit-text"]').click();
  await b.segment('T7', 'English').locator('button[data-action="edit-text"]').click();
  const firstField = first.getByTestId('text-panel').locator('textarea');
  const secondPanel = second.getByTestId('text-panel');
  const secondField = secondPanel.locator('textarea');
  const original = await firstField.inputValue();
  const firstText = `${original} Eddie checked this.`;
  const secondDraft = `${original} Edna adds more.`;
  await firstField.fill(firstText);
  await secondField.fill(secondDraft);

  await first.getByTestId('text-panel').getByRole('button', { name: 'Save correction' }).click();
  await expect(first.getByTestId('editor')).toHaveAttribute('data-rev', String(rev + 1));

  await secondPanel.getByRole('button', { name: 'Save correction' }).click();
  const error = b.error('T7');
  await expect(error).toHaveAttribute('data-code', 'conflict');
  await expect(error).toContainText(`T7 changed in revision ${rev + 1} by ${accounts.editor.name}; your text is kept`);
  // The merge view: the draft beside the current text, the differing words marked on each side.
  const merge = secondPanel.getByTestId('merge-view');
  await expect(merge.getByTestId('merge-draft')).toContainText(secondDraft);
  await expect(merge.getByTestId('merge-current')).toContainText(firstText);
  await expect(merge.getByTestId('merge-draft').locator('mark').first()).toContainText('Edna');
  await expect(merge.getByTestId('merge-current').locator('mark').first()).toContainText('Eddie');
  await expect(merge.locator('mark', { hasText: original.slice(0, 20) })).toHaveCount(0);

  await error.getByRole('button', { name: 'Reload' }).click();
  await expect(second.getByTestId('editor')).toHaveAttribute('data-rev', String(rev + 1));
  await expect(secondField).toHaveValue(secondDraft);
  await expect(merge).toBeVisible();
  // Saving the stale draft again, now against the newest revision, is still refused: nothing is overwritten silently.
  await secondPanel.getByRole('button', { name: 'Save correction' }).click();
  await expect(b.error('T7')).toHaveAttribute('data-code', 'conflict');
  await expect(second.getByTestId('editor')).toHaveAttribute('data-rev', String(rev + 1));
  await expect(b.segment('T7', 'English')).toContainText('Eddie checked this.');

  // Merged by hand and saved as a correction of the version now shown.
  const mergedText = `${original} Eddie checked this. Edna adds more.`;
  await secondField.fill(mergedText);
  await merge.getByRole('button', { name: /My draft includes the current text/ }).click();
  await expect(merge).toHaveCount(0);
  await secondPanel.getByRole('button', { name: 'Save correction' }).click();
  await expect(second.getByTestId('editor')).toHaveAttribute('data-rev', String(rev + 2));
  await expect(b.segment('T7', 'English')).toContainText('Eddie checked this. Edna adds more.');
  await first.close();
  await second.close();
});

// Issue 9, finding 3: typed work lived only in the form.
test('a draft survives a reload of the page until it is saved', async ({ page }) => {
  await signIn(page, accounts.editor, EDIT);
  const editor = new EditorPage(page);
  await editor.open();
  const rev = await editor.rev();
  await editor.segment('T3', 'English').locator('button[data-action="edit-text"]').click();
  const field = page.getByTestId('text-panel').locator('textarea');
  const draft = `${await field.inputValue()} A draft kept across a reload.`;
  await field.fill(draft);

  await page.reload();
  await expect(page.getByTestId('editor')).toBeVisible();
  await expect(editor.segment('T3', 'English').getByTestId('draft-marker')).toBeVisible();
  await editor.segment('T3', 'English').locator('button[data-action="edit-text"]').click();
  await expect(page.getByTestId('draft-restored')).toBeVisible();
  await expect(field).toHaveValue(draft);
  await page.getByTestId('text-panel').getByRole('button', { name: 'Save correction' }).click();
  await expect(page.getByTestId('editor')).toHaveAttribute('data-rev', String(rev + 1));
  await expect(editor.segment('T3', 'English')).toContainText('A draft kept across a reload.');

  // Saved: the draft is gone.
  await page.reload();
  await expect(page.getByTestId('editor')).toBeVisible();
  await expect(page.getByTestId('draft-marker')).toHaveCount(0);
});

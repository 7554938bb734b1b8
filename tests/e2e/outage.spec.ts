/**
 * A save during a database outage (issue 9, finding 3): the edit page stays,
 * says "Not saved — the database is unavailable; try again" beside the form,
 * keeps the typed text, and recovers by itself when the database returns.
 * Runs only on PostgreSQL, on a server and database of its own (project
 * "outage", port base+20): the test closes that one database to connections
 * (ALLOW_CONNECTIONS false, backends terminated) and opens it again; the
 * shared server is never stopped.
 */
import { expect, test } from '@playwright/test';
import postgres from 'postgres';
import { accounts } from './fixtures/accounts';
import { signIn } from './fixtures/sign-in';
import { EditorPage, SEED_SLUG } from './pages/editor-page';

const EDIT = `/documents/${SEED_SLUG}/edit`;
const port = Number(process.env.E2E_PORT ?? 3100) + 20;

test('a save during an outage keeps the draft, says so in place, and works once the database is back', async ({ page }) => {
  test.setTimeout(90_000);
  const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  const [found] = await admin<{ datname: string }[]>`select datname from pg_database where datname like ${`diptych_e2e_${port}_%`}`;
  // e2e-server.mjs names each server's database diptych_e2e_<port>_<pid>: this one is the outage server's.
  expect(found?.datname, 'the outage server’s database').toMatch(new RegExp(`^diptych_e2e_${port}_\\d+$`));
  const database = found!.datname;
  const close = async () => {
    await admin.unsafe(`alter database "${database}" with allow_connections false`);
    await admin`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${database} and pid <> pg_backend_pid()`;
  };
  const open = () => admin.unsafe(`alter database "${database}" with allow_connections true`);
  try {
    await signIn(page, accounts.editor, EDIT);
    const editor = new EditorPage(page);
    await editor.open();
    const rev = await editor.rev();
    await editor.segment('T3', 'English').locator('button[data-action="edit-text"]').click();
    const panel = page.getByTestId('text-panel');
    const field = panel.locator('textarea');
    const draft = `${await field.inputValue()} Typed during an outage.`;
    await field.fill(draft);

    await close();
    await panel.getByRole('button', { name: 'Save correction' }).click();
    const error = editor.error('T3');
    await expect(error).toHaveAttribute('data-code', 'unavailable');
    await expect(error).toContainText('Not saved — the database is unavailable; try again');
    // In place: the edit page and the typed text are still there (no global error page).
    await expect(page.getByTestId('editor')).toBeVisible();
    await expect(field).toHaveValue(draft);
    // Saving again while it is still down says the same, and still keeps the text.
    await panel.getByRole('button', { name: 'Save correction' }).click();
    await expect(error).toHaveAttribute('data-code', 'unavailable');
    await expect(field).toHaveValue(draft);

    await open();
    await expect(editor.error('T3').getByTestId('edit-recovery')).toContainText('The database is answering again', {
      timeout: 20_000,
    });
    await panel.getByRole('button', { name: 'Save correction' }).click();
    await expect(page.getByTestId('editor')).toHaveAttribute('data-rev', String(rev + 1));
    await expect(editor.segment('T3', 'English')).toContainText('Typed during an outage.');
  } finally {
    await open().catch(() => {});
    await admin.end();
  }
});

import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { accounts, E2E_PASSWORD } from './fixtures/accounts';
import { signIn, signOut } from './fixtures/sign-in';

const SLUG = 'gorbachev-mitterrand-1991-01-18';

async function submitSignIn(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

test('a reader sees a "Sign in" link and needs no account to read', async ({ page }) => {
  await page.goto(`/documents/${SLUG}`);
  await expect(page.getByRole('link', { name: 'Sign in', exact: true })).toBeVisible();
  await expect(page.getByTestId('signed-in-as')).toHaveCount(0);
});

test('an editor signs in from the keyboard, returns to the page, and signs out', async ({ page }) => {
  await page.goto(`/documents/${SLUG}`);
  await page.getByRole('link', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();

  // Keyboard only: type into the labelled fields and press Enter.
  await page.getByLabel('Email').focus();
  await page.keyboard.type(accounts.editor.email);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Password')).toBeFocused();
  await page.keyboard.type(accounts.editor.password);
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(new RegExp(`/documents/${SLUG}$`));
  await expect(page.getByTestId('signed-in-as')).toHaveText(`Signed in as ${accounts.editor.name} (editor)`);
  // Editors do not get the admin's "Users" link.
  await expect(page.getByRole('link', { name: 'Users' })).toHaveCount(0);

  await signOut(page);
  await expect(page.getByTestId('signed-in-as')).toHaveCount(0);
  // The session is gone on the server too, not just hidden.
  await page.goto('/sign-in');
  await expect(page.getByTestId('already-signed-in')).toHaveCount(0);
});

test('a wrong password and an unknown email get the same message, announced', async ({ page }) => {
  await page.goto('/sign-in');
  const status = page.getByTestId('sign-in-error');
  await expect(status).toHaveAttribute('aria-live', 'polite');

  await submitSignIn(page, accounts.editor2.email, 'not the password at all');
  await expect(status).toHaveText('Email or password is incorrect.');
  await expect(page.getByLabel('Email')).toHaveValue(accounts.editor2.email);

  await page.goto('/sign-in');
  await submitSignIn(page, 'nobody-here@e2e.test', 'not the password at all');
  await expect(status).toHaveText('Email or password is incorrect.');
  await expect(page.getByTestId('signed-in-as')).toHaveCount(0);
});

test('a disabled account cannot sign in, even with its right password', async ({ page }) => {
  await page.goto('/sign-in');
  await submitSignIn(page, accounts.disabled.email, accounts.disabled.password);
  await expect(page.getByTestId('sign-in-error')).toHaveText('Email or password is incorrect.');
  await page.goto('/');
  await expect(page.getByTestId('signed-in-as')).toHaveCount(0);
});

test('signing in works without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/sign-in?callbackUrl=/');
  await submitSignIn(page, accounts.editor.email, accounts.editor.password);
  await expect(page.getByTestId('signed-in-as')).toContainText(accounts.editor.name);
  await context.close();
});

test('the sign-in form refuses to redirect off the site', async ({ page }) => {
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent('//evil.example/phish')}`);
  await submitSignIn(page, accounts.editor.email, accounts.editor.password);
  await expect(page.getByTestId('signed-in-as')).toBeVisible();
  expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);
});

test.describe('account administration', () => {
  test('is invisible to readers and editors', async ({ page }) => {
    const anonymous = await page.goto('/admin/users');
    expect(anonymous?.status()).toBe(404);
    await signIn(page, accounts.editor, '/');
    const asEditor = await page.goto('/admin/users');
    expect(asEditor?.status()).toBe(404);
  });

  test('an admin creates an account, which can then sign in; disabling it ends its session at once', async ({ page, browser }) => {
    const email = `new-${Date.now()}@e2e.test`;
    await signIn(page, accounts.admin, '/');
    await page.getByRole('link', { name: 'Users' }).click();
    await expect(page.getByRole('heading', { name: 'Accounts' })).toBeVisible();
    // The admin's own row explains why it has no disable / demote controls.
    await expect(page.locator(`[data-email="${accounts.admin.email}"]`)).toContainText('You cannot disable yourself');
    await expect(page.getByRole('button', { name: `Disable ${accounts.admin.email}` })).toHaveCount(0);

    const form = page.getByRole('form', { name: 'Create an account' });
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Name').fill('Nora New');
    await form.getByLabel('Password').fill('short');
    await form.getByRole('button', { name: 'Create account' }).click();
    // The browser's minlength check may stop "short" before the server; either way nothing is created.
    await expect(page.locator(`[data-email="${email}"]`)).toHaveCount(0);

    await form.getByLabel('Password').fill('');
    await form.getByRole('button', { name: 'Create account' }).click();
    const result = page.getByTestId('create-account-result');
    await expect(result).toContainText(`Created the editor account for Nora New (${email})`);
    const password = (await page.getByTestId('generated-password').textContent())!;
    expect(password.length).toBeGreaterThanOrEqual(12);
    await expect(page.locator(`[data-email="${email}"]`).getByTestId('account-status')).toHaveText('Active');

    // Creating it again is refused with a precise message.
    await form.getByLabel('Email').fill(email.toUpperCase());
    await form.getByRole('button', { name: 'Create account' }).click();
    await expect(result).toContainText(`An account with the email ${email.toUpperCase()} already exists.`);

    // The new account signs in elsewhere.
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await signIn(otherPage, { email, password, name: 'Nora New' }, '/');

    // Promote: the other browser's session ends (it signs in again under the new role); then disable it.
    const row = page.locator(`[data-email="${email}"]`);
    await row.getByLabel(`Role of ${email}`, { exact: true }).selectOption('admin');
    await row.getByRole('button', { name: `Change role of ${email}` }).click();
    await expect(row.getByTestId('account-role')).toHaveText('admin');
    await otherPage.reload();
    await expect(otherPage.getByTestId('signed-in-as')).toHaveCount(0);
    await signIn(otherPage, { email, password, name: 'Nora New' }, '/');
    await expect(otherPage.getByTestId('signed-in-as')).toContainText('(admin)');

    await row.getByRole('button', { name: `Disable ${email}` }).click();
    await expect(row.getByTestId('account-status')).toHaveText('Disabled');
    await otherPage.reload();
    await expect(otherPage.getByRole('link', { name: 'Sign in', exact: true })).toBeVisible();
    await expect(otherPage.getByTestId('signed-in-as')).toHaveCount(0);
    const adminPage = await otherPage.goto('/admin/users');
    expect(adminPage?.status()).toBe(404);

    // Enabled again, the old cookie stays dead: disabling ended the session, for good.
    await row.getByRole('button', { name: `Enable ${email}` }).click();
    await expect(row.getByTestId('account-status')).toHaveText('Active');
    await otherPage.goto('/');
    await expect(otherPage.getByTestId('signed-in-as')).toHaveCount(0);
    await other.close();
  });
});

test('repeated wrong passwords lock the account for a while, even against the right password', async ({ page }) => {
  // A fresh account of our own, so no other test's sign-ins are affected.
  const email = `locked-${Date.now()}@e2e.test`;
  await signIn(page, accounts.admin, '/admin/users');
  const form = page.getByRole('form', { name: 'Create an account' });
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Password').fill(E2E_PASSWORD);
  await form.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByTestId('create-account-result')).toContainText(email);
  await signOut(page);

  await page.goto('/sign-in');
  const status = page.getByTestId('sign-in-error');
  for (let i = 1; i <= 5; i++) {
    await submitSignIn(page, email, `wrong password number ${i}`);
    await expect(status).toHaveText('Email or password is incorrect.');
    await page.goto('/sign-in');
  }
  await submitSignIn(page, email, E2E_PASSWORD);
  await expect(status).toHaveText('Too many failed sign-ins; try again in 15 minutes.');
  await page.goto('/');
  await expect(page.getByTestId('signed-in-as')).toHaveCount(0);

  // The limit is per account: another account still signs in from this address.
  await signIn(page, accounts.editor2, '/');
});

test('the sign-in and account pages pass an accessibility scan', async ({ page }) => {
  const scan = async () =>
    (await new AxeBuilder({ page }).include('main').include('header').withTags(['wcag2a', 'wcag2aa']).analyze()).violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  await page.goto('/sign-in');
  await submitSignIn(page, 'nobody-at-all@e2e.test', 'wrong password here');
  await expect(page.getByTestId('sign-in-error')).not.toBeEmpty();
  expect(await scan()).toEqual([]);
  await signIn(page, accounts.admin, '/admin/users');
  await expect(page.getByRole('heading', { name: 'Accounts' })).toBeVisible();
  expect(await scan()).toEqual([]);
});

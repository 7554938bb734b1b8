/**
 * Every server action and every mutating route handler in the build is
 * called by someone who may not use it — anonymously, and with the session
 * of an account that was disabled after signing in — and must refuse and
 * change nothing. The actions are enumerated from the build's manifest, so a
 * new action that skips authorizedAction fails this suite.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import { expect, test, type APIRequestContext, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { accounts, E2E_PASSWORD, type E2EAccount } from './fixtures/accounts';
import { expectSecurityHeaders } from './fixtures/security-headers';
import { signIn, signOut } from './fixtures/sign-in';

const SLUG = 'gorbachev-mitterrand-1991-01-18';
const root = process.cwd();
const distDir = process.env.NEXT_DIST_DIR || '.next';

interface ManifestAction {
  id: string;
  filename: string;
  exportedName: string;
  /** A page that bundles the action, to post it to. */
  pagePath: string;
}

/**
 * Actions anyone may call, with why. Only sign-in and sign-out: they are how
 * a session starts and ends, and are tested below for doing nothing else.
 */
const PUBLIC_ACTIONS: Record<string, string> = {
  'app/(auth)/actions.ts#signInWithPassword': 'starts a session; checks the password itself, rate-limited',
  'app/(auth)/actions.ts#signInWithProvider': 'starts an OAuth sign-in; only configured providers',
  'app/(auth)/actions.ts#signOutAndReturnHome': 'ends the caller’s own session',
};

/** Route handlers that may take unauthenticated writes, with why. */
const PUBLIC_ROUTES: Record<string, string> = {
  'app/api/auth/[...nextauth]/route.ts': 'Auth.js: sign-in callbacks (rate-limited) and CSRF-protected sign-out',
};

function samplePath(appPath: string): string {
  const segments = appPath
    .split('/')
    .filter((s) => !/^\(.*\)$/.test(s)) // route groups are not in the URL
    .map((s) => {
      if (s === '[slug]') return SLUG;
      if (/^\[\[?\.\.\./.test(s)) return 'x';
      if (/^\[.*\]$/.test(s)) return '1';
      return s;
    });
  return `/${segments.join('/')}`.replace(/\/+/g, '/');
}

/**
 * The manifest names files relative to the bundler's root, which is not
 * always this project's folder: take the shortest tail that exists here.
 */
function projectRelative(filename: string | undefined): string {
  if (!filename) return '(unknown file)';
  const parts = filename.split(/[\\/]/);
  for (let i = 0; i < parts.length; i++) {
    const tail = parts.slice(i).join('/');
    if (tail.startsWith('app/') && existsSync(path.join(root, tail))) return tail;
  }
  return filename;
}

function readActions(): ManifestAction[] {
  const file = path.join(root, distDir, 'server', 'server-reference-manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as {
    node: Record<string, { filename?: string; exportedName?: string; workers: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const worker = Object.keys(entry.workers).find((w) => w.endsWith('/page')) ?? 'app/page';
    return {
      id,
      filename: projectRelative(entry.filename),
      exportedName: entry.exportedName ?? '(inline)',
      pagePath: samplePath(worker.replace(/^app\/?/, '').replace(/\/?page$/, '')),
    };
  });
}

function findRouteFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return findRouteFiles(full);
    return /^route\.(ts|tsx|js|mjs)$/.test(entry.name) ? [full] : [];
  });
}

const MUTATING_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** Route handlers and the write methods each exports (by reading the source). */
function readMutatingRoutes(): { file: string; urlPath: string; methods: string[] }[] {
  return findRouteFiles(path.join(root, 'app'))
    .map((full) => {
      const source = readFileSync(full, 'utf8');
      const methods = MUTATING_METHODS.filter((m) =>
        new RegExp(
          `export\\s+(async\\s+)?(function|const|let)\\s+${m}\\b|export\\s+(const|let)\\s*\\{[^}]*\\b${m}\\b[^}]*\\}|export\\s*\\{[^}]*\\b${m}\\b[^}]*\\}`,
        ).test(source),
      );
      const file = path.relative(root, full).split(path.sep).join('/');
      return { file, urlPath: samplePath(path.dirname(file).replace(/^app\/?/, '')), methods };
    })
    .filter((r) => r.methods.length > 0);
}

/** Calls an action the way Next's client does: POST to a page with the action id and the encoded arguments. */
async function callAction(request: APIRequestContext, baseURL: string, action: ManifestAction, args: unknown[]) {
  const response = await request.post(action.pagePath, {
    headers: {
      'Next-Action': action.id,
      Accept: 'text/x-component',
      'Content-Type': 'text/plain;charset=UTF-8',
      Origin: baseURL,
    },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
  return { status: response.status(), body: await response.text() };
}

/** What must not change: every account (as the admin sees them) and the document as read, with its history. */
async function snapshot(page: Page): Promise<string> {
  const parts: string[] = [];
  await page.goto('/admin/users');
  parts.push(await page.getByTestId('accounts').innerText());
  // The document's content (not its toolbar, whose keyboard hint appears once scripts load).
  const reader = await page.goto(`/documents/${SLUG}`);
  parts.push(`reader ${reader?.status()}`, ...(await page.getByTestId('aligned-row').allInnerTexts()));
  const history = await page.goto(`/documents/${SLUG}/history`);
  parts.push(`history ${history?.status()}`);
  if (history?.ok()) parts.push(await page.locator('main').innerText());
  return parts.join('\n---\n');
}

const actions = readActions();
const protectedActions = actions.filter((a) => !(`${a.filename}#${a.exportedName}` in PUBLIC_ACTIONS));
const mutatingRoutes = readMutatingRoutes();

test('the build has server actions to check, and the public ones are only sign-in and sign-out', () => {
  expect(actions.length).toBeGreaterThan(0);
  const publicFound = actions.filter((a) => `${a.filename}#${a.exportedName}` in PUBLIC_ACTIONS).map((a) => a.exportedName);
  expect(publicFound.sort()).toEqual(['signInWithPassword', 'signInWithProvider', 'signOutAndReturnHome']);
  // The admin actions are among the protected ones (the enumeration really sees actions).
  expect(protectedActions.map((a) => a.exportedName)).toEqual(
    expect.arrayContaining(['createAccount', 'setAccountDisabled', 'setAccountRole']),
  );
  console.info(
    `[security] ${protectedActions.length} protected actions:`,
    protectedActions.map((a) => `${a.filename}#${a.exportedName}`).join(', '),
  );
});

test('every protected server action refuses anonymous callers and changes nothing', async ({ page, playwright, baseURL }) => {
  await signIn(page, accounts.admin, '/');
  const before = await snapshot(page);

  const anonymous = await playwright.request.newContext({ baseURL });
  const refusals: string[] = [];
  for (const action of protectedActions) {
    // Two argument shapes: (input) and (previousState, formData).
    for (const args of [[{}], [null, {}]]) {
      const { status, body } = await callAction(anonymous, baseURL!, action, args);
      const refused = status === 200 && /"ok":false,"error":\{"code":"unauthenticated"/.test(body);
      if (!refused)
        refusals.push(`${action.filename}#${action.exportedName} ${JSON.stringify(args)} → ${status} ${body.slice(0, 200)}`);
    }
  }
  await anonymous.dispose();
  expect(refusals, 'actions that did not refuse an anonymous caller').toEqual([]);
  expect(await snapshot(page)).toBe(before);
});

test('every protected server action refuses an account disabled after it signed in, and changes nothing', async ({
  page,
  browser,
  baseURL,
}) => {
  const disabled = accounts.disabled;
  await signIn(page, accounts.admin, '/admin/users');
  const row = page.locator(`[data-email="${disabled.email}"]`);

  // Enable the account just long enough to sign in with it, then disable it again.
  await row.getByRole('button', { name: `Enable ${disabled.email}` }).click();
  await expect(row.getByTestId('account-status')).toHaveText('Active');
  const staleContext = await browser.newContext({ baseURL });
  const stalePage = await staleContext.newPage();
  await signIn(stalePage, disabled, '/');
  await row.getByRole('button', { name: `Disable ${disabled.email}` }).click();
  await expect(row.getByTestId('account-status')).toHaveText('Disabled');
  const before = await snapshot(page);

  // The browser still holds a validly signed session cookie for the account.
  const cookies = await staleContext.cookies();
  expect(cookies.some((c) => c.name.includes('authjs.session-token'))).toBe(true);

  const refusals: string[] = [];
  for (const action of protectedActions) {
    for (const args of [[{}], [null, {}]]) {
      const { status, body } = await callAction(staleContext.request, baseURL!, action, args);
      const refused = status === 200 && /"ok":false,"error":\{"code":"unauthenticated"/.test(body);
      if (!refused)
        refusals.push(`${action.filename}#${action.exportedName} ${JSON.stringify(args)} → ${status} ${body.slice(0, 200)}`);
    }
  }
  expect(refusals, 'actions that did not refuse a disabled account').toEqual([]);
  for (const route of mutatingRoutes.filter((r) => !(r.file in PUBLIC_ROUTES))) {
    for (const method of route.methods) {
      const response = await staleContext.request.fetch(route.urlPath, {
        method,
        data: {},
        headers: { Origin: baseURL! },
        maxRedirects: 0,
      });
      if (![401, 403, 404, 405].includes(response.status()))
        refusals.push(`${method} ${route.urlPath} (${route.file}) → ${response.status()}`);
    }
  }
  expect(refusals, 'route handlers that accepted a disabled account').toEqual([]);
  await stalePage.goto('/');
  await expect(stalePage.getByTestId('signed-in-as')).toHaveCount(0);
  await staleContext.close();
  expect(await snapshot(page)).toBe(before);
});

test('admin actions refuse an editor (forbidden)', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signIn(page, accounts.editor, '/');
  const adminActions = protectedActions.filter((a) => a.filename === 'app/admin/users/actions.ts');
  expect(adminActions).toHaveLength(5);
  for (const action of adminActions) {
    const { body } = await callAction(context.request, baseURL!, action, [
      null,
      { userId: '1', disabled: 'true', role: 'editor', email: 'x@e2e.test' },
    ]);
    expect(body, action.exportedName).toMatch(/"ok":false,"error":\{"code":"forbidden"/);
  }
  await context.close();
});

test('the public actions do nothing for an anonymous caller beyond their job', async ({ page, playwright, baseURL }) => {
  await signIn(page, accounts.admin, '/');
  const before = await snapshot(page);
  const anonymous = await playwright.request.newContext({ baseURL });
  const byName = (name: string) => actions.find((a) => a.exportedName === name && a.filename === 'app/(auth)/actions.ts')!;

  // A sign-in with a wrong password gives no session.
  const signInResult = await callAction(anonymous, baseURL!, byName('signInWithPassword'), [
    { error: null, email: '' },
    { email: accounts.editor.email, password: 'definitely wrong password' },
  ]);
  expect(signInResult.body).toContain('Email or password is incorrect.');
  // An unknown provider starts nothing.
  const provider = await callAction(anonymous, baseURL!, byName('signInWithProvider'), [{ provider: 'evil' }]);
  expect(provider.status).toBe(200);
  await callAction(anonymous, baseURL!, byName('signOutAndReturnHome'), []);

  const state = await anonymous.storageState();
  expect(state.cookies.filter((c) => c.name.includes('session-token'))).toEqual([]);
  await anonymous.dispose();
  expect(await snapshot(page)).toBe(before);
});

test('every route handler that accepts writes refuses anonymous callers', async ({ playwright, baseURL }) => {
  // A walk or a pattern that finds nothing would pass the loop below vacuously.
  expect(mutatingRoutes.length, 'mutating route handlers found in app/').toBeGreaterThan(0);
  const anonymous = await playwright.request.newContext({ baseURL });
  const accepted: string[] = [];
  for (const route of mutatingRoutes.filter((r) => !(r.file in PUBLIC_ROUTES))) {
    for (const method of route.methods) {
      // Same-origin, so what refuses is the missing session, not the origin check.
      const response = await anonymous.fetch(route.urlPath, { method, data: {}, headers: { Origin: baseURL! }, maxRedirects: 0 });
      if (![401, 403, 404, 405].includes(response.status()))
        accepted.push(`${method} ${route.urlPath} (${route.file}) → ${response.status()}`);
    }
  }
  await anonymous.dispose();
  expect(accepted, 'route handlers that accepted an anonymous write').toEqual([]);
});

test('the JSON edit endpoint takes a signed-in editor only from this site, and answers bad input with a message', async ({
  browser,
  baseURL,
}) => {
  expect(mutatingRoutes.map((r) => r.file)).toContain('app/api/documents/[slug]/edits/route.ts');
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signIn(page, accounts.editor, '/');
  const url = `/api/documents/${SLUG}/edits`;
  const edit = { baseRev: 1, op: { type: 'correct-text', segmentKey: 'no-such-segment', text: 'x' } };
  const crossSite: Record<string, string>[] = [
    {},
    { Origin: 'https://evil.example' },
    { Origin: baseURL!, 'Sec-Fetch-Site': 'cross-site' },
  ];
  for (const headers of crossSite) {
    const response = await context.request.post(url, { data: edit, headers, maxRedirects: 0 });
    expect(response.status(), JSON.stringify(headers)).toBe(403);
    expect((await response.json()).error.code).toBe('cross-origin');
  }
  const form = await context.request.post(url, { form: { baseRev: '1' }, headers: { Origin: baseURL! } });
  expect(form.status()).toBe(415);
  const invalid = await context.request.post(url, { data: { baseRev: 0, op: { type: 'nonsense' } }, headers: { Origin: baseURL! } });
  expect(invalid.status()).toBe(400);
  expect((await invalid.json()).error.code).toBe('invalid-input');
  const missing = await context.request.post(url, { data: edit, headers: { Origin: baseURL! } });
  expect(missing.status()).toBe(404);
  const tooLarge = await context.request.post(url, {
    data: { baseRev: 1, op: { type: 'correct-text', segmentKey: 'k', text: 'x'.repeat(1_100_000) } },
    headers: { Origin: baseURL! },
  });
  expect(tooLarge.status()).toBe(413);
  await context.close();
});

test('the Auth.js endpoint gives no session for wrong credentials', async ({ playwright, baseURL }) => {
  expect(mutatingRoutes.map((r) => r.file)).toContain('app/api/auth/[...nextauth]/route.ts');
  const anonymous = await playwright.request.newContext({ baseURL });
  const csrf = (await (await anonymous.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await anonymous.post('/api/auth/callback/credentials', {
    form: { email: accounts.editor.email, password: 'not the right one', csrfToken: csrf.csrfToken },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  expect(response.headers()['location']).toMatch(/\/sign-in\?error=CredentialsSignin&code=credentials/);
  const state = await anonymous.storageState();
  expect(state.cookies.filter((c) => c.name.includes('session-token'))).toEqual([]);
  await anonymous.dispose();
});

/**
 * Sign-in through the Auth.js endpoint over a socket of our choosing: `localAddress` is a loopback address
 * of its own (127.0.0.0/8 all reach the server), so each caller here is a distinct client address and the
 * limits they run into never touch the browser tests' 127.0.0.1. Returns what the endpoint decided:
 * 'ok', 'credentials' (evaluated, wrong) or 'rate-limited-N'.
 */
async function rawSignIn(
  baseURL: string,
  input: { email: string; password: string; localAddress: string; headers?: Record<string, string> },
) {
  const base = new URL(baseURL);
  const send = (method: string, pathname: string, headers: Record<string, string>, body?: string) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
      const req = http.request(
        { host: base.hostname, port: base.port, path: pathname, method, headers, localAddress: input.localAddress },
        (res) => {
          let text = '';
          res.on('data', (chunk) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const csrf = await send('GET', '/api/auth/csrf', input.headers ?? {});
  const cookie = (csrf.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
  const form = new URLSearchParams({
    csrfToken: JSON.parse(csrf.body).csrfToken,
    email: input.email,
    password: input.password,
    callbackUrl: '/',
  });
  const response = await send(
    'POST',
    '/api/auth/callback/credentials',
    {
      ...input.headers,
      cookie,
      'content-type': 'application/x-www-form-urlencoded',
    },
    form.toString(),
  );
  const location = new URL(String(response.headers.location ?? '/'), baseURL);
  if (!location.searchParams.get('error')) return 'ok';
  return location.searchParams.get('code') ?? location.searchParams.get('error')!;
}

test.describe('sign-in limits that hold', () => {
  test('fresh X-Forwarded-For values do not get past the per-address limit', async ({ baseURL }) => {
    const localAddress = '127.0.0.21';
    const outcomes: string[] = [];
    for (let i = 0; i < 22; i++) {
      const spoof = { 'x-forwarded-for': `198.51.100.${i}`, 'x-real-ip': `203.0.113.${i}` };
      outcomes.push(
        await rawSignIn(baseURL!, { email: `spray-${i}@e2e.test`, password: 'wrong password!!', localAddress, headers: spoof }),
      );
    }
    expect(outcomes.slice(0, 20)).toEqual(Array(20).fill('credentials'));
    expect(outcomes.slice(20)).toEqual(['rate-limited-15', 'rate-limited-15']);
  });

  test('a stranger locking a named account does not lock its owner out from another address', async ({ page, baseURL }) => {
    const owner = accounts.editor2;
    for (let i = 0; i < 5; i++) {
      expect(await rawSignIn(baseURL!, { email: owner.email, password: `stranger guess ${i}`, localAddress: '127.0.0.22' })).toBe(
        'credentials',
      );
    }
    // The stranger is locked out of that account, even with the right password…
    expect(await rawSignIn(baseURL!, { email: owner.email, password: owner.password, localAddress: '127.0.0.22' })).toBe(
      'rate-limited-15',
    );
    // …and the owner, on another address, signs in as usual, in the browser and over the endpoint.
    expect(await rawSignIn(baseURL!, { email: owner.email, password: owner.password, localAddress: '127.0.0.23' })).toBe('ok');
    await signIn(page, owner, '/');
  });
});

test.describe('revocable sessions', () => {
  const EDIT_PATH = `/documents/${SLUG}/edit`;
  const editorAction = () => protectedActions.find((a) => a.filename.startsWith('app/documents/') && a.exportedName !== 'default')!;

  /** A signed-in browser context and the cookies it holds now (to replay after the session was ended). */
  async function signedIn(browser: Browser, baseURL: string, account: Pick<E2EAccount, 'email' | 'password' | 'name'>) {
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await signIn(page, account, '/');
    const saved = await context.cookies();
    expect(saved.some((c) => c.name.includes('authjs.session-token'))).toBe(true);
    return { context, page, saved };
  }

  /** A new browser with only the saved cookies: is it still someone? */
  async function replay(
    browser: Browser,
    baseURL: string,
    cookies: Awaited<ReturnType<BrowserContext['cookies']>>,
    options = { callAction: true },
  ) {
    const context = await browser.newContext({ baseURL });
    await context.addCookies(cookies);
    const page = await context.newPage();
    const edit = await page.goto(EDIT_PATH);
    const editStatus = edit?.status();
    const editUrl = new URL(page.url()).pathname;
    // Only for a session expected dead: a live one would run the action.
    const action = options.callAction ? await callAction(context.request, baseURL, editorAction(), [null, {}]) : { body: '' };
    const session = await (await context.request.get('/api/auth/session')).json();
    await context.close();
    return { editStatus, editUrl, actionBody: action.body, session };
  }

  test('after sign-out the saved cookie opens neither the edit page nor a server action', async ({ browser, baseURL }) => {
    const { context, page, saved } = await signedIn(browser, baseURL!, accounts.editor);
    const live = await replay(browser, baseURL!, saved, { callAction: false });
    expect(live.editUrl).toBe(EDIT_PATH);
    expect(live.session?.user?.email).toBe(accounts.editor.email);
    await signOut(page);
    await context.close();

    const dead = await replay(browser, baseURL!, saved);
    expect(dead.editUrl).not.toBe(EDIT_PATH);
    expect(dead.actionBody).toMatch(/"ok":false,"error":\{"code":"unauthenticated"/);
    expect(dead.session?.user ?? null).toBeNull();
  });

  test("a disabled then re-enabled account's old cookie stays dead, and /api/auth/session names no one while disabled", async ({
    browser,
    baseURL,
  }) => {
    const admin = await signedIn(browser, baseURL!, accounts.admin);
    const target = accounts.editor2;
    const { context, saved } = await signedIn(browser, baseURL!, target);
    await context.close();
    await admin.page.goto('/admin/users');
    const row = admin.page.locator(`[data-email="${target.email}"]`);
    await row.getByRole('button', { name: `Disable ${target.email}` }).click();
    await expect(row.getByTestId('account-status')).toHaveText('Disabled');
    const whileDisabled = await replay(browser, baseURL!, saved);
    expect(whileDisabled.session?.user ?? null).toBeNull();

    await row.getByRole('button', { name: `Enable ${target.email}` }).click();
    await expect(row.getByTestId('account-status')).toHaveText('Active');
    const afterEnabling = await replay(browser, baseURL!, saved);
    expect(afterEnabling.editUrl).not.toBe(EDIT_PATH);
    expect(afterEnabling.actionBody).toMatch(/"ok":false,"error":\{"code":"unauthenticated"/);
    expect(afterEnabling.session?.user ?? null).toBeNull();
    await admin.context.close();
  });

  test('changing the password at /account ends the other session and keeps this one', async ({ browser, baseURL }) => {
    // An account of its own, so the shared password of the test accounts stays as it is.
    const admin = await signedIn(browser, baseURL!, accounts.admin);
    const email = `password-${Date.now()}@e2e.test`;
    await admin.page.goto('/admin/users');
    const form = admin.page.getByRole('form', { name: 'Create an account' });
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Name').fill('Pat Password');
    await form.getByLabel('Password').fill(E2E_PASSWORD);
    await form.getByRole('button', { name: 'Create account' }).click();
    await expect(admin.page.getByTestId('create-account-result')).toContainText(email);
    await admin.context.close();

    const person = { email, password: E2E_PASSWORD, name: 'Pat Password' };
    const elsewhere = await signedIn(browser, baseURL!, person);
    const here = await signedIn(browser, baseURL!, person);
    await here.page.goto('/account');
    const change = here.page.getByRole('form', { name: 'Change your password' });
    await change.getByLabel('Current password').fill('not my password at all');
    await change.locator('input[name="newPassword"]').fill('a new and longer passphrase');
    await change.getByLabel('New password again').fill('a new and longer passphrase');
    await change.getByRole('button', { name: 'Change password' }).click();
    await expect(here.page.getByTestId('change-password-result')).toHaveText(
      'The current password is not right; nothing was changed.',
    );

    await change.getByLabel('Current password').fill(E2E_PASSWORD);
    await change.locator('input[name="newPassword"]').fill('a new and longer passphrase');
    await change.getByLabel('New password again').fill('a new and longer passphrase');
    await change.getByRole('button', { name: 'Change password' }).click();
    await expect(here.page.getByTestId('password-changed')).toBeVisible();
    await here.page.goto('/');
    await expect(here.page.getByTestId('signed-in-as')).toContainText('Pat Password');

    await elsewhere.page.reload();
    await expect(elsewhere.page.getByTestId('signed-in-as')).toHaveCount(0);
    const other = await replay(browser, baseURL!, elsewhere.saved);
    expect(other.session?.user ?? null).toBeNull();
    await elsewhere.context.close();
    await here.context.close();
  });
});

test.describe('security headers', () => {
  const READER = `/documents/${SLUG}`;

  test("a reader page, its 304, an API response and the not-found page carry every header; the 304 repeats the page's policy", async ({
    playwright,
    baseURL,
  }) => {
    const anonymous = await playwright.request.newContext({ baseURL });
    const page = await anonymous.get(READER);
    expect(page.status()).toBe(200);
    const nonce = expectSecurityHeaders(page.headers(), 'reader page');
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    // A weak tag per (build, revisions, URL) from proxy.ts (lib/render/page-etag.ts).
    const etag = page.headers()['etag']!;
    expect(etag).toMatch(/^W\/"p-[0-9a-f]{16}"$/);

    const revalidation = await anonymous.get(READER, { headers: { 'if-none-match': etag } });
    expect(revalidation.status()).toBe(304);
    expectSecurityHeaders(revalidation.headers(), '304');
    // The browser keeps the cached page and takes the 304's headers: the same nonce, or its scripts stop.
    expect(revalidation.headers()['content-security-policy']).toBe(page.headers()['content-security-policy']);

    const api = await anonymous.get('/api/documents');
    expect(api.status()).toBe(200);
    expectSecurityHeaders(api.headers(), 'API');

    const missing = await anonymous.get('/documents/no-such-memo');
    expect(missing.status()).toBe(404);
    const missingNonce = expectSecurityHeaders(missing.headers(), 'not-found page');
    for (const tag of (await missing.text()).match(/<script\b[^>]*>/g) ?? [])
      expect(tag, 'not-found page script').toContain(`nonce="${missingNonce}"`);

    const asset = /\/_next\/static\/[^"']+\.js/.exec(await page.text())?.[0];
    expect(asset, 'the reader page links a script of the build').toMatch(/^\/_next\/static\/.+\.js$/);
    const script = await anonymous.get(asset!);
    expect(script.status()).toBe(200);
    expect(script.headers()['content-type']).toContain('javascript');
    expectSecurityHeaders(script.headers(), 'static file');
    await anonymous.dispose();
  });

  test('a public page is rendered once per revision: sent again byte for byte with its policy, keyed on the cookie', async ({
    playwright,
    baseURL,
  }) => {
    const anonymous = await playwright.request.newContext({ baseURL });
    const first = await anonymous.get(READER);
    const second = await anonymous.get(READER);
    expect(second.status()).toBe(200);
    // The copy (lib/render/page-cache.ts) is the page as rendered: the same bytes, and the CSP names its nonce.
    expect(await second.text()).toBe(await first.text());
    const nonce = expectSecurityHeaders(second.headers(), 'cached reader page');
    expect(await second.text()).toContain(`nonce="${nonce}"`);
    expect(second.headers()['etag']).toBe(first.headers()['etag']);
    expect(second.headers()['vary']).toMatch(/\bCookie\b/);
    expect(second.headers()['set-cookie']).toBeUndefined();
    await anonymous.dispose();
  });

  test("every script of a page carries the response's nonce, and the browser reports no violation", async ({
    page,
    playwright,
    baseURL,
  }) => {
    const anonymous = await playwright.request.newContext({ baseURL });
    for (const url of ['/', READER, `${READER}/passages/T3`, '/search?q=bomb', '/sign-in']) {
      const response = await anonymous.get(url);
      const nonce = expectSecurityHeaders(response.headers(), url);
      // 128 bits in base64, random or derived from the page's ETag (lib/http/security-headers.ts).
      expect(nonce, url).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      // Data blocks (the CSL-JSON for reference managers) are never run; every script that runs has the nonce.
      const tags = ((await response.text()).match(/<script\b[^>]*>/g) ?? []).filter(
        (tag) => !/\btype="application\/[^"]*json"/.test(tag),
      );
      expect(tags.length, `${url} has scripts`).toBeGreaterThan(0);
      for (const tag of tags) expect(tag, url).toContain(`nonce="${nonce}"`);
    }
    await anonymous.dispose();

    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(READER);
    // Scripts ran: the client-side keyboard hint appears only once the page is hydrated.
    await page.waitForLoadState('networkidle');
    await signIn(page, accounts.editor, READER);
    await page.goto(`/documents/${SLUG}/edit`);
    await page.waitForLoadState('networkidle');
    expect(violations).toEqual([]);
  });

  test('permalinks, API links and RIS name the configured origin, whatever Host or X-Forwarded-Host say', async ({ baseURL }) => {
    const base = new URL(baseURL!);
    const get = (pathname: string, headers: Record<string, string>) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = http.request({ host: base.hostname, port: base.port, path: pathname, headers }, (res) => {
          let text = '';
          res.on('data', (chunk) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        });
        req.on('error', reject);
        req.end();
      });
    const spoofs: Record<string, string>[] = [
      { host: 'evil.example' },
      { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' },
    ];
    for (const headers of spoofs) {
      for (const pathname of [`${READER}/passages/T3`, `/api/documents/${SLUG}`, '/api/documents', `${READER}/citation.ris`]) {
        const { status, body } = await get(pathname, headers);
        expect(status, `${pathname} ${JSON.stringify(headers)}`).toBe(200);
        expect(body, `${pathname} ${JSON.stringify(headers)}`).not.toContain('evil.example');
        expect(body, `${pathname} ${JSON.stringify(headers)}`).toContain(base.origin);
      }
    }
  });
});

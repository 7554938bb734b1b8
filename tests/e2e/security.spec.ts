/**
 * Every server action and every mutating route handler in the build is
 * called by someone who may not use it — anonymously, and with the session
 * of an account that was disabled after signing in — and must refuse and
 * change nothing. The actions are enumerated from the build's manifest, so a
 * new action that skips authorizedAction fails this suite.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { accounts } from './fixtures/accounts';
import { signIn } from './fixtures/sign-in';

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
  expect(adminActions).toHaveLength(3);
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

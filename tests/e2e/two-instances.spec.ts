/**
 * Two app instances behind nginx (deploy/nginx.conf's shape), sharing one
 * PostgreSQL database: a session made through one holds on the other, an
 * edit saved through the proxy is what both instances serve on the next
 * request (their read caches are keyed by revision), and failed sign-ins
 * count on both. Runs only against a PostgreSQL server (playwright.config.ts
 * adds this project when DATABASE_URL is set): PGlite cannot be shared.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import postgres from 'postgres';
import { accounts, E2E_PASSWORD } from './fixtures/accounts';
import { signIn } from './fixtures/sign-in';
import { EditorPage, SEED_SLUG } from './pages/editor-page';

const root = path.resolve(import.meta.dirname, '..', '..');
const base = Number(process.env.E2E_PORT ?? 3100);
const [portA, portB, portProxy] = [base + 10, base + 11, base + 12];
const url = (port: number) => `http://127.0.0.1:${port}`;
const children: ChildProcess[] = [];
let admin: postgres.Sql;
const dbName = `diptych_e2e_pair_${base}_${process.pid}`;

test.describe.configure({ mode: 'serial' });
test.use({ baseURL: url(portProxy) });

async function up(target: string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(target)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${target} did not come up`);
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${dbName} with (force)`);
  await admin.unsafe(`create database ${dbName}`);
  const dbUrl = new URL(process.env.DATABASE_URL!);
  dbUrl.pathname = `/${dbName}`;
  // nginx on this machine is the one trusted proxy; permalinks name its address, the public one.
  const env = {
    ...process.env,
    DATABASE_URL: dbUrl.toString(),
    AUTH_SECRET: 'e2e-pair-secret-not-for-production-0123456789',
    DIPTYCH_TRUSTED_PROXIES: '127.0.0.1',
    DIPTYCH_PUBLIC_URL: url(portProxy),
  };
  const created = spawnSync(
    path.join(root, 'node_modules', '.bin', 'tsx'),
    ['scripts/user-create.ts', '--email', accounts.editor.email, '--role', 'editor', '--name', accounts.editor.name],
    {
      cwd: root,
      env,
      input: E2E_PASSWORD,
      encoding: 'utf8',
    },
  );
  expect(created.status, created.stderr).toBe(0);
  const dir = mkdtempSync(path.join(tmpdir(), 'diptych-pair-'));
  for (const port of [portA, portB]) {
    // Each instance's output goes to a log beside the nginx config, for when this test fails.
    const log = openSync(path.join(dir, `instance-${port}.log`), 'w');
    const serve = [path.join(root, 'scripts', 'serve.mjs'), '--port', String(port), '--hostname', '127.0.0.1'];
    children.push(spawn(process.execPath, serve, { cwd: root, env, stdio: ['ignore', log, log], detached: true }));
  }
  console.log(`two-instances: logs in ${dir}`);
  writeFileSync(
    path.join(dir, 'nginx.conf'),
    `daemon off; pid ${dir}/nginx.pid; error_log stderr error; events { worker_connections 256; }
     http { access_log off; client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy;
       upstream app { server 127.0.0.1:${portA}; server 127.0.0.1:${portB}; }
       server { listen 127.0.0.1:${portProxy};
         location / { proxy_pass http://app; proxy_http_version 1.1; proxy_set_header Host $http_host;
                      proxy_set_header X-Forwarded-Host $http_host; proxy_set_header X-Forwarded-Proto $scheme;
                      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for; } } }`,
  );
  children.push(spawn('nginx', ['-c', path.join(dir, 'nginx.conf'), '-p', dir], { stdio: 'ignore', detached: true }));
  await up(`${url(portA)}/api/health`);
  await up(`${url(portB)}/api/health`);
  await up(`${url(portProxy)}/api/health`);
});

test.afterAll(async () => {
  // Each was started as its own process group: end the group, so no server outlives the test.
  for (const child of children) if (child.pid) process.kill(-child.pid, 'SIGTERM');
  await new Promise((r) => setTimeout(r, 1000));
  await admin.unsafe(`drop database if exists ${dbName} with (force)`);
  await admin.end();
});

test('an edit through the proxy is served by both instances on the next request; the session holds on both', async ({
  page,
  request,
}) => {
  // Warm both instances' caches with the seed reader and the passage API as they are now.
  const passageApi = `/api/documents/${SEED_SLUG}/passages/T4`;
  const apiTags = new Map<number, string>();
  for (const port of [portA, portB]) {
    expect(await (await request.get(`${url(port)}/documents/${SEED_SLUG}`)).text()).not.toContain('Положение серьёзное');
    const answer = await request.get(`${url(port)}${passageApi}`);
    expect(await answer.text()).not.toContain('Положение серьёзное');
    apiTags.set(port, answer.headers()['etag']!);
    // Each instance answers a revalidation of what it sent with 304 (from its cache, proxy.ts).
    expect((await request.get(`${url(port)}${passageApi}`, { headers: { 'if-none-match': apiTags.get(port)! } })).status()).toBe(304);
  }
  await signIn(page, accounts.editor, `/documents/${SEED_SLUG}/edit`);
  const editor = new EditorPage(page);
  // Every page load alternates between the instances: the edit page and the save run on either.
  await editor.open();
  await editor.replacePlaceholder('T4', 'Положение серьёзное.');
  for (const port of [portA, portB]) {
    expect(await (await request.get(`${url(port)}/documents/${SEED_SLUG}`)).text()).toContain('Положение серьёзное');
    // The old tag no longer matches: the new text, not a 304.
    const answer = await request.get(`${url(port)}${passageApi}`, { headers: { 'if-none-match': apiTags.get(port)! } });
    expect(answer.status()).toBe(200);
    expect(await answer.text()).toContain('Положение серьёзное');
  }
  // The session cookie is valid on each instance by itself.
  for (const port of [portA, portB]) {
    await page.goto(`${url(port)}/documents/${SEED_SLUG}/edit`);
    await expect(page.getByTestId('editor')).toBeVisible();
  }
});

test('failed sign-ins count on both instances', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: url(portProxy) });
  const page = await context.newPage();
  // The limit is 5 failures per account in 15 minutes, counted in the database: attempts alternate instances.
  for (let i = 0; i < 5; i++) {
    const port = i % 2 ? portB : portA;
    await page.goto(`${url(port)}/sign-in`);
    await page.getByLabel('Email').fill(accounts.editor.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByTestId('sign-in-error')).toHaveText('Email or password is incorrect.');
  }
  await page.goto(`${url(portB)}/sign-in`);
  await page.getByLabel('Email').fill(accounts.editor.email);
  await page.getByLabel('Password').fill(accounts.editor.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByTestId('sign-in-error')).toHaveText('Too many failed sign-ins; try again in 15 minutes.');
  await context.close();
});

/**
 * Bad input gets a precise message, never a 500 (issue 9, finding 7): a
 * control character in the search words, a request body over 1 MiB, and a
 * server action posted from another site. (Edits holding a control character
 * are refused by the op validation: tests/unit/op-control-characters.test.ts;
 * the import command's messages: tests/unit/import-cli.test.ts.)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';

const distDir = process.env.NEXT_DIST_DIR || '.next';

/** The sign-in action's id, from the build's manifest: a real action, so only the guard can refuse it. */
function signInActionId(): string {
  const manifest = JSON.parse(readFileSync(path.join(process.cwd(), distDir, 'server', 'server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === 'signInWithPassword');
  if (!found) throw new Error('no signInWithPassword action in the build');
  return found[0];
}

test('a search for a control character says so instead of failing', async ({ page }) => {
  for (const query of ['q=%00', 'q=Gorbachev%01', 'doc=%00', 'speaker=a%00b']) {
    const response = await page.goto(`/search?${query}`);
    expect(response?.status(), query).toBe(200);
    await expect(page.getByTestId('search-refused')).toContainText('contains a control character');
  }
  await page.goto('/search?q=%00');
  await expect(page.getByTestId('search-refused')).toHaveText(
    'The search text contains a control character (U+0000) at character 1; it cannot be searched for. Remove it and search again.',
  );
  // The form still works.
  await page.getByLabel('Words or phrase').fill('Mitterrand');
  await page.getByRole('search', { name: 'Search the texts' }).getByRole('button', { name: 'Search' }).click();
  await expect(page.getByTestId('search-summary')).toContainText('for “Mitterrand”');
});

test('a request body over 1 MiB gets 413 with a message, JSON under /api', async ({ request, baseURL }) => {
  const big = 'x'.repeat(2 * 1024 * 1024);
  const action = await request.post('/sign-in', {
    headers: {
      'Next-Action': signInActionId(),
      Accept: 'text/x-component',
      'Content-Type': 'text/plain;charset=UTF-8',
      Origin: baseURL!,
    },
    data: big,
    maxRedirects: 0,
  });
  expect(action.status()).toBe(413);
  expect(await action.text()).toBe('The request body is 2 MiB; the limit is 1 MiB. Nothing was saved.\n');

  const api = await request.post('/api/documents', { headers: { 'Content-Type': 'application/json' }, data: big });
  expect(api.status()).toBe(413);
  expect(await api.json()).toEqual({
    error: { code: 'payload-too-large', message: 'The request body is 2 MiB; the limit is 1 MiB. Nothing was saved.' },
  });

  // Just under the limit is not refused by size (the sign-in form answers it).
  const small = await request.post('/sign-in', {
    headers: {
      'Next-Action': signInActionId(),
      Accept: 'text/x-component',
      'Content-Type': 'text/plain;charset=UTF-8',
      Origin: baseURL!,
    },
    data: JSON.stringify([null, {}]),
    maxRedirects: 0,
  });
  expect(small.status()).toBe(200);
});

test('a server action posted from another site gets 403 with a message', async ({ request }) => {
  const response = await request.post('/sign-in', {
    headers: {
      'Next-Action': signInActionId(),
      Accept: 'text/x-component',
      'Content-Type': 'text/plain;charset=UTF-8',
      Origin: 'https://evil.example',
    },
    data: JSON.stringify([null, {}]),
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
  expect(await response.text()).toBe(
    "Requests that change something must come from this site's own pages; this one came from https://evil.example. Nothing was changed.\n",
  );
  const form = await request.post('/sign-in', {
    headers: { Origin: 'null' },
    form: { email: 'a@b.c', password: 'x' },
    maxRedirects: 0,
  });
  expect(form.status()).toBe(403);
});

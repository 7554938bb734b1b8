import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test, type Locator } from '@playwright/test';
import { ReaderPage, SEED_SLUG } from './pages/reader-page';
import { expectSecurityHeaders } from './fixtures/security-headers';

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const SCREENSHOTS = path.resolve(import.meta.dirname, '..', '..', 'docs', 'screenshots');

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('element is not visible');
  return b;
}

async function style(locator: Locator, property: string): Promise<string> {
  return locator.evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property);
}

test.describe('reader, facing pages at 1280 px', () => {
  test.use({ viewport: DESKTOP });

  test('shows the document header: metadata, excerpt flag, transcription progress, source note', async ({ page }) => {
    const reader = new ReaderPage(page);
    await reader.goto();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Memorandum of Telephone Conversation/);
    const meta = page.locator('.doc-meta');
    await expect(meta).toContainText('18 January 1991');
    await expect(meta).toContainText('Mikhail Gorbachev and Francois Mitterrand');
    await expect(meta).toContainText('Archive of the Gorbachev Foundation, Fond 1, opis 1');
    await expect(meta).toContainText('Svetlana Savranskaya');
    await expect(meta).toContainText('National Security Archive');
    await expect(meta).toContainText('Russian (source) and English (translation)');
    await expect(page.getByTestId('excerpt-flag')).toHaveText('Excerpt');
    await expect(page.getByTestId('transcription-progress')).toContainText('Russian original: 0 of 10 turns transcribed');
    await expect(page.getByTestId('source-note')).toHaveText(
      'Source: Archive of the Gorbachev Foundation, Fond 1, opis 1. Translated by Svetlana Savranskaya for the National Security Archive.',
    );
  });

  test('lays each turn out as a row: Russian left, English right, counterparts level', async ({ page }) => {
    const reader = new ReaderPage(page);
    await reader.goto();
    await expect(reader.rows()).toHaveCount(10);
    for (let n = 1; n <= 10; n++) {
      const ru = await box(reader.cell(`T${n}`, 'ru'));
      const en = await box(reader.cell(`T${n}`, 'en'));
      expect(Math.abs(ru.y - en.y), `T${n} cells start level`).toBeLessThan(2);
      expect(ru.x + ru.width, `T${n}: Russian column left of English`).toBeLessThanOrEqual(en.x);
    }
    // The long T5 does not push the columns out of step: the short Russian cell is padded to the
    // English one's height, and T6 starts below both, level on both sides.
    const t5 = await Promise.all([box(reader.cell('T5', 'ru')), box(reader.cell('T5', 'en'))]);
    const t6 = await Promise.all([box(reader.cell('T6', 'ru')), box(reader.cell('T6', 'en'))]);
    const t5Text = await Promise.all([
      box(reader.cell('T5', 'ru').locator('.segment')),
      box(reader.cell('T5', 'en').locator('.segment')),
    ]);
    expect(t5Text[1].height).toBeGreaterThan(t5Text[0].height * 3);
    expect(Math.abs(t5[0].height - t5[1].height)).toBeLessThan(2);
    for (const cell of t6) expect(cell.y).toBeGreaterThanOrEqual(Math.max(t5[0].y + t5[0].height, t5[1].y + t5[1].height));
    expect(Math.abs(t6[0].y - t6[1].y)).toBeLessThan(2);
    // Margin refs T1..T10 in order.
    await expect(page.locator('.row-ref')).toHaveText(Array.from({ length: 10 }, (_, i) => `T${i + 1}`));
  });

  test('puts lang on every cell and renders speakers once and paragraphs kept', async ({ page }) => {
    const reader = new ReaderPage(page);
    await reader.goto();
    const cells = page.locator('.cell');
    await expect(cells).toHaveCount(20);
    await expect(page.locator('.cell[lang="ru"]')).toHaveCount(10);
    await expect(page.locator('.cell[lang="en"]')).toHaveCount(10);
    const t5 = reader.cell('T5', 'en');
    await expect(t5.locator('p')).toHaveCount(2);
    await expect(t5.locator('.speaker')).toHaveCount(1);
    await expect(t5.locator('.speaker')).toHaveText('Gorbachev:');
    await expect(t5.locator('p').nth(1)).toContainText('Events are entering a new phase.');
    await expect(reader.cell('T5', 'ru').locator('.speaker')).toHaveText('Горбачев:');
  });

  test('renders [...] as an explained elision mark and [Israel] as an editorial insertion, never raw brackets', async ({ page }) => {
    const reader = new ReaderPage(page);
    await reader.goto();
    const t2 = reader.cell('T2', 'en');
    const elision = t2.locator('[data-mark="elision"]');
    await expect(elision).toHaveCount(1);
    await expect(elision).toHaveAttribute('title', 'Omitted in the published text');
    expect(await t2.ariaSnapshot()).toContain('(omitted in the published text) As far as France is concerned');
    const t10 = reader.cell('T10', 'en');
    const insertion = t10.locator('[data-mark="insertion"]');
    await expect(insertion).toHaveCount(1);
    await expect(insertion).toHaveAttribute('title', 'Editorial insertion');
    await expect(insertion).toHaveText(/Israel/);
    expect(await t10.ariaSnapshot()).toContain('(editorial insertion) Israel is being informed');
    expect(await style(insertion, 'font-style')).toBe('italic');
    // No cell shows the raw marks as text.
    for (const text of await page.locator('.cell').allTextContents()) {
      expect(text).not.toContain('[...]');
      expect(text).not.toMatch(/\[[A-Za-z]+\]/);
    }
    // Hovering the mark shows its explanation (the title tooltip) and the mark is drawn, not typed.
    await elision.hover();
    expect(await style(elision, 'border-top-style')).toBe('dotted');
  });

  test('shows placeholders distinctly, labelled for screen readers, never like text', async ({ page }) => {
    const reader = new ReaderPage(page);
    await reader.goto();
    const placeholders = page.locator('[data-placeholder="true"]');
    await expect(placeholders).toHaveCount(10);
    const t1 = reader.cell('T1', 'ru');
    await expect(t1.locator('[data-placeholder="true"]')).toContainText('Russian text not yet transcribed');
    expect(await t1.ariaSnapshot()).toContain('Горбачев: Placeholder: Russian text not yet transcribed');
    const marked = t1.locator('.segment--placeholder p');
    const real = reader.cell('T1', 'en').locator('.segment p');
    expect(await style(marked, 'background-image')).toContain('repeating-linear-gradient');
    expect(await style(marked, 'border-top-style')).toBe('dashed');
    expect(await style(real, 'background-image')).toBe('none');
    expect(await style(real, 'border-top-style')).toBe('none');
    expect(await style(marked, 'color')).not.toBe(await style(real, 'color'));
  });

  test('#T5 highlights turn 5 (CSS :target), with a shape as well as a colour', async ({ page }) => {
    const reader = new ReaderPage(page);
    await reader.goto('', 'T5');
    const t5 = reader.row('T5');
    expect(await t5.evaluate((el) => el.matches(':target'))).toBe(true);
    expect(await style(t5, 'box-shadow')).toContain('inset');
    expect(await style(reader.row('T4'), 'box-shadow')).toBe('none');
    expect(await style(t5, 'background-color')).not.toBe(await style(reader.row('T4'), 'background-color'));
    await expect(t5).toBeInViewport();
    // The margin ref links there.
    await expect(reader.row('T7').locator('.row-ref')).toHaveAttribute('href', '#T7');
    await reader.row('T7').locator('.row-ref').click();
    await expect(page).toHaveURL(/#T7$/);
    expect(await reader.row('T7').evaluate((el) => el.matches(':target'))).toBe(true);
  });

  test('hovering or focusing a row highlights the row and every counterpart in it', async ({ page }) => {
    const reader = new ReaderPage(page);
    await reader.goto();
    const t3 = reader.row('T3');
    expect(await style(t3, 'box-shadow')).toBe('none');
    const before = await style(t3, 'background-color');
    await reader.cell('T3', 'ru').hover();
    expect(await style(t3, 'box-shadow')).toContain('inset');
    expect(await style(t3, 'background-color')).not.toBe(before);
    // Both cells sit inside the highlighted row, so the counterpart is highlighted with it.
    await expect(t3.locator('.cell')).toHaveCount(2);
    await page.mouse.move(0, 0);
    await reader.row('T8').focus();
    expect(await style(reader.row('T8'), 'box-shadow')).toContain('inset');
    expect(await style(reader.row('T8'), 'outline-style')).toBe('solid');
  });

  test('rows are reachable with Tab in reading order, and j/k and the arrows move between them', async ({ page }) => {
    const reader = new ReaderPage(page);
    await reader.goto();
    // Tab from the top until the first row has focus.
    for (let i = 0; i < 40 && (await reader.focusedRowId()) === null; i++) await page.keyboard.press('Tab');
    expect(await reader.focusedRowId()).toBe('T1');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('T1');
    // Tab goes on through the row's own links, then the next row.
    const order: string[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => document.activeElement?.id ?? '');
      if (id) order.push(id);
    }
    expect(order.slice(0, 3)).toEqual(['T2', 'T3', 'T4']);

    await reader.row('T1').focus();
    await page.keyboard.press('j');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('T2');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('T3');
    await page.keyboard.press('k');
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('T1');
    await page.keyboard.press('k');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('T1');
    // Typing in a field is left alone.
    await page.locator('#site-search-q').fill('');
    await page.locator('#site-search-q').press('j');
    await expect(page.locator('#site-search-q')).toHaveValue('j');
  });

  test('interlinear view: the source line, then the translation line, per row; the view is in the URL', async ({ page }) => {
    const reader = new ReaderPage(page);
    await reader.goto();
    await expect(reader.viewLink('Facing pages')).toHaveAttribute('aria-current', 'page');
    await reader.viewLink('Interlinear').click();
    await expect(page).toHaveURL(/\?view=interlinear$/);
    await expect(reader.viewLink('Interlinear')).toHaveAttribute('aria-current', 'page');
    await expect(reader.rows()).toHaveCount(10);
    for (const ref of ['T1', 'T5', 'T10']) {
      const ru = await box(reader.cell(ref, 'ru'));
      const en = await box(reader.cell(ref, 'en'));
      expect(ru.y + ru.height).toBeLessThanOrEqual(en.y + 1);
      expect(Math.abs(ru.x - en.x)).toBeLessThan(2);
    }
    await expect(reader.cell('T1', 'en').locator('.cell-code')).toHaveText('EN');
    await expect(reader.cell('T1', 'ru').locator('.cell-code')).toBeVisible();
  });

  test('single view shows one text; columns can be chosen and reordered through the URL and the form', async ({ page }) => {
    const reader = new ReaderPage(page);
    await reader.goto();
    await reader.viewLink('Single text').click();
    await expect(page).toHaveURL(/\?view=single$/);
    await expect(page.locator('.cell')).toHaveCount(10);
    await expect(page.locator('.cell[lang="en"]')).toHaveCount(10);

    await reader.goto('view=single&cols=ru');
    await expect(page.locator('.cell')).toHaveCount(10);
    await expect(page.locator('.cell[lang="ru"]')).toHaveCount(10);

    // Swap sides: English left.
    await reader.goto();
    await page.getByRole('link', { name: 'Swap sides' }).click();
    await expect(page).toHaveURL(/\?cols=en,ru$/);
    const en = await box(reader.cell('T2', 'en'));
    const ru = await box(reader.cell('T2', 'ru'));
    expect(en.x + en.width).toBeLessThanOrEqual(ru.x);

    // The column form (plain GET): English only.
    await reader.goto();
    await page.getByText('Choose columns').click();
    await page.getByLabel('Column 1').selectOption({ label: 'English translation' });
    await page.getByLabel('Column 2').selectOption({ label: '(none)' });
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page).toHaveURL(/cols=en/);
    await expect(page.locator('.cell')).toHaveCount(10);
    await expect(page.locator('.cell[lang="ru"]')).toHaveCount(0);

    // Nonsense parameters fall back to the defaults.
    await reader.goto('view=sideways&cols=xx');
    await expect(page.locator('.cell')).toHaveCount(20);
  });

  test('offers a Cite link per row and a cite-passage form (plain links and GET)', async ({ page }) => {
    const reader = new ReaderPage(page);
    await reader.goto();
    await expect(reader.row('T5').getByRole('link', { name: 'Cite T5' })).toHaveAttribute(
      'href',
      `/documents/${SEED_SLUG}/passages/T5#cite`,
    );
    const form = page.locator('form.cite-form');
    await expect(form).toHaveAttribute('action', `/documents/${SEED_SLUG}/cite`);
    await expect(form).toHaveAttribute('method', 'get');
    await form.getByLabel('From').selectOption('T5');
    await form.getByLabel('to', { exact: true }).selectOption('T7');
    await expect(form.getByRole('button', { name: 'Cite passage' })).toBeVisible();
    await expect(form.getByLabel('From').locator('option')).toHaveCount(10);
  });

  test('is readable without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: DESKTOP });
    const page = await context.newPage();
    const reader = new ReaderPage(page);
    await reader.goto('view=interlinear', 'T5');
    await expect(reader.rows()).toHaveCount(10);
    await expect(reader.cell('T5', 'en')).toContainText('Continuation of the bombing');
    expect(await reader.row('T5').evaluate((el) => el.matches(':target'))).toBe(true);
    await context.close();
  });

  test('ships no client JavaScript beyond the framework runtime and the keyboard and word-link enhancements', async ({
    page,
    request,
  }) => {
    const scriptsOf = async (url: string) => {
      await page.goto(url);
      return page.evaluate(() =>
        // nomodule scripts (legacy polyfills) are never loaded by current browsers.
        Array.from(document.querySelectorAll('script[src]:not([nomodule])'), (s) => new URL((s as HTMLScriptElement).src).pathname),
      );
    };
    // The library uses no client component of its own: its scripts are the runtime (plus the site header's links).
    const runtime = new Set(await scriptsOf('/'));
    const reader = await scriptsOf(`/documents/${SEED_SLUG}`);
    const extra = reader.filter((src) => !runtime.has(src));
    let total = 0;
    let gzip = 0;
    const extraSources: string[] = [];
    const sizes: string[] = [];
    for (const src of reader) {
      const body = await (await request.get(src)).body();
      total += body.length;
      gzip += gzipSync(body).length;
      sizes.push(`${src.split('/').pop()} ${(body.length / 1024).toFixed(1)}/${(gzipSync(body).length / 1024).toFixed(1)} KiB`);
      if (extra.includes(src)) extraSources.push(body.toString('utf8'));
    }
    console.info(
      `[reader] first-load JS: ${reader.length} scripts, ${(total / 1024).toFixed(1)} KiB (${(gzip / 1024).toFixed(1)} KiB gzip); reader-only: ${extra.length} script(s), ${extraSources.map((s) => `${(s.length / 1024).toFixed(1)} KiB`).join(', ')}\n  ${sizes.join('\n  ')}`,
    );
    // Beyond the runtime: at most two small chunks, the row keyboard and the word links, within 15 KiB gzip together.
    expect(extra.length).toBeLessThanOrEqual(2);
    expect(extraSources.reduce((n, source) => n + gzipSync(source).length, 0)).toBeLessThan(15 * 1024);
    expect(extraSources.join('\n')).toContain('aligned-row');
    expect(extraSources.join('\n')).toContain('word-link-status');
  });

  test('prints the facing pages with turn refs and without the site chrome', async ({ page }) => {
    const reader = new ReaderPage(page);
    await page.setViewportSize({ width: 720, height: 1000 });
    await reader.goto();
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.site-header')).toBeHidden();
    await expect(page.locator('.reader-toolbar')).toBeHidden();
    await expect(page.locator('.cite-form')).toBeHidden();
    await expect(page.locator('.row-ref').first()).toBeVisible();
    const ru = await box(reader.cell('T3', 'ru'));
    const en = await box(reader.cell('T3', 'en'));
    expect(ru.x + ru.width).toBeLessThanOrEqual(en.x);
    expect(Math.abs(ru.y - en.y)).toBeLessThan(2);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  test('follows the system dark mode', async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: 'dark', viewport: DESKTOP });
    const page = await context.newPage();
    await page.goto(`/documents/${SEED_SLUG}`);
    const [r, g, b] = (await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).match(/\d+/g)!.map(Number);
    expect(r! + g! + b!).toBeLessThan(120);
    await context.close();
  });

  test('screenshots: desktop and interlinear', async ({ page }) => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const reader = new ReaderPage(page);
    await reader.goto('', 'T2');
    await page.evaluate(() => window.scrollTo(0, 0));
    await reader.row('T2').hover();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'reader-desktop.png') });
    await reader.goto('view=interlinear');
    await reader.row('T5').scrollIntoViewIfNeeded();
    await page.mouse.move(0, 0);
    await page.evaluate(() => document.getElementById('T4')?.scrollIntoView());
    await page.screenshot({ path: path.join(SCREENSHOTS, 'reader-interlinear.png') });
  });
});

test.describe('reader on a 390 px phone', () => {
  test.use({ viewport: PHONE, isMobile: true, hasTouch: true });

  for (const view of ['parallel', 'interlinear', 'single'] as const) {
    test(`${view} view fits the screen without horizontal scrolling`, async ({ page }) => {
      const reader = new ReaderPage(page);
      await reader.goto(view === 'parallel' ? '' : `view=${view}`);
      await expect(reader.rows()).toHaveCount(10);
      expect(await reader.hasHorizontalScroll()).toBe(false);
      const cell = await box(reader.cell('T5', 'en'));
      expect(cell.x).toBeGreaterThanOrEqual(0);
      expect(cell.x + cell.width).toBeLessThanOrEqual(PHONE.width);
    });
  }

  test('parallel view stacks each row: Russian above English, labelled', async ({ page }) => {
    const reader = new ReaderPage(page);
    await reader.goto('', 'T5');
    const ru = await box(reader.cell('T5', 'ru'));
    const en = await box(reader.cell('T5', 'en'));
    expect(ru.y + ru.height).toBeLessThanOrEqual(en.y + 1);
    await expect(reader.cell('T5', 'en').locator('.cell-code')).toBeVisible();
    await expect(reader.cell('T5', 'en').locator('.cell-code')).toHaveText('EN');
    await expect(reader.cell('T5', 'en').locator('.cell-code')).toHaveAttribute('title', 'English translation');
    expect(await reader.cell('T5', 'en').ariaSnapshot()).toContain('English translation');
    expect(await reader.row('T5').evaluate((el) => el.matches(':target'))).toBe(true);
  });

  test('screenshot: phone', async ({ page }) => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const reader = new ReaderPage(page);
    await reader.goto();
    await page.evaluate(() => document.getElementById('T1')?.scrollIntoView());
    await page.evaluate(() => window.scrollBy(0, -8));
    await page.screenshot({ path: path.join(SCREENSHOTS, 'reader-phone.png') });
  });
});

test.describe('search', () => {
  test.use({ viewport: DESKTOP });

  test('finds "bombs" in T5 with a highlighted snippet, its counterpart and a link to the passage', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('search', { name: 'Site search' }).getByRole('searchbox').fill('bombs');
    await page.getByRole('search', { name: 'Site search' }).getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/\/search\?q=bombs$/);
    await expect(page.getByTestId('search-summary')).toHaveText('1 passage in 1 document for “bombs”.');
    const group = page.getByTestId('search-group');
    await expect(group.getByRole('heading', { level: 2 })).toHaveText(/Memorandum of Telephone Conversation/);
    const hit = group.getByTestId('search-hit');
    await expect(hit).toHaveCount(1);
    await expect(hit.locator('mark')).toHaveText(['bombing']);
    await expect(hit.getByTestId('hit-snippet')).toHaveAttribute('lang', 'en');
    await expect(hit.getByTestId('hit-counterpart')).toHaveAttribute('lang', 'ru');
    await expect(hit.getByTestId('hit-counterpart').locator('[data-placeholder="true"]')).toContainText(
      'Russian text not yet transcribed',
    );
    await expect(hit.getByRole('link', { name: 'Cite T5' })).toHaveAttribute('href', `/documents/${SEED_SLUG}/passages/T5#cite`);
    await hit.getByRole('link', { name: 'T5 (Turn 5, open in the reader)' }).click();
    await expect(page).toHaveURL(new RegExp(`/documents/${SEED_SLUG}#T5$`));
    expect(await page.locator('#T5').evaluate((el) => el.matches(':target'))).toBe(true);
  });

  test('renders a match inside an editorial insertion as both', async ({ page }) => {
    await page.goto('/search?q=Israel');
    const hits = page.getByTestId('search-hit');
    await expect(hits).toHaveCount(2);
    await expect(hits.nth(1).locator('[data-mark="insertion"] mark')).toHaveText('Israel');
  });

  test('treats the query and snippets as text, never as HTML', async ({ page }) => {
    const q = '<img src=x onerror="window.__pwned=1"> <b>Kuwait</b>';
    await page.goto(`/search?q=${encodeURIComponent(q)}`);
    await expect(page.getByRole('searchbox', { name: 'Words or phrase' })).toHaveValue(q);
    await expect(page.getByTestId('search-summary')).toContainText(q);
    expect(await page.locator('main img, main b:has-text("Kuwait")').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  test('says so when nothing matches, and never matches placeholders', async ({ page }) => {
    await page.goto('/search?q=Горбачев');
    await expect(page.getByTestId('search-summary')).toHaveText('No passages found for “Горбачев”.');
    await expect(page.getByTestId('search-hit')).toHaveCount(0);
  });
});

test.describe('errors', () => {
  test('an unknown document is a 404 page', async ({ page }) => {
    const response = await page.goto('/documents/no-such-memo');
    expect(response?.status()).toBe(404);
    await expect(page.getByTestId('not-found')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('We could not find that page');
  });

  test('an unknown turn reference is a 404 page', async ({ page }) => {
    const response = await page.goto(`/documents/${SEED_SLUG}/passages/T99`);
    expect(response?.status()).toBe(404);
  });

  test('a database outage answers 503 with a friendly page, not a stack trace', async ({ request }) => {
    test.setTimeout(90_000);
    const port = Number(process.env.E2E_PORT ?? 3100) + 10;
    const server = startServerWithoutDatabase(port);
    try {
      await waitForServer(`http://127.0.0.1:${port}/api/health`);
      for (const url of ['/', `/documents/${SEED_SLUG}`, '/search?q=bomb']) {
        const response = await request.get(`http://127.0.0.1:${port}${url}`);
        expect(response.status(), url).toBe(503);
        expect(response.headers()['retry-after']).toBe('30');
        expectSecurityHeaders(response.headers(), `503 ${url}`);
        const body = await response.text();
        expect(body).toContain('Diptych is resting for a moment');
        expect(body).not.toMatch(/ECONNREFUSED| {4}at |Error:|node_modules/);
      }
      const api = await request.get(`http://127.0.0.1:${port}/api/documents`);
      expect(api.status()).toBe(503);
      expect((await api.json()).error.code).toBe('database-unavailable');
      expectSecurityHeaders(api.headers(), '503 API');
    } finally {
      server.kill('SIGTERM');
    }
  });
});

/** The same build (served as `npm start` serves it), pointed at a PostgreSQL port where nothing listens. */
function startServerWithoutDatabase(port: number): ChildProcess {
  const root = path.resolve(import.meta.dirname, '..', '..');
  return spawn(process.execPath, [path.join(root, 'scripts', 'serve.mjs'), '--port', String(port), '--hostname', '127.0.0.1'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      DIPTYCH_PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/unreachable',
      AUTH_SECRET: 'e2e-outage-secret-0123456789abcdef',
    },
    stdio: 'ignore',
    detached: false,
  });
}

async function waitForServer(url: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  throw new Error(`server at ${url} did not start`);
}

import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { NAV_ITEMS } from '../../app/_components/nav-items';
import { watchConsoleErrors } from './support';

/**
 * Cross-site defences in a real browser (issue 19 item 7): a page on another origin cannot create an attempt
 * with the classic text/plain form trick, and the Content-Security-Policy has no 'unsafe-inline' for scripts
 * while every page still runs (theme boot script, hydration) without a single violation.
 */
const EVIL_ORIGIN = 'http://evil.example';

async function createDrill(request: APIRequestContext) {
  const res = await request.post('/api/drills', {
    data: { title: 'Cross-site', kinds: ['source-ip'], difficulty: 'intro', count: 1 },
  });
  expect(res.status()).toBe(201);
  return (await res.json()) as { code: string; manageToken: string };
}

async function attemptCount(request: APIRequestContext, code: string, manageToken: string) {
  const res = await request.get(`/api/drills/${code}/results`, { headers: { authorization: `Bearer ${manageToken}` } });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { students: unknown[] }).students.length;
}

/** Serves `html` as if it were a page on another site (the browser never leaves this machine). */
async function openEvilPage(page: Page, html: string) {
  await page.route(`${EVIL_ORIGIN}/**`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
  await page.goto(`${EVIL_ORIGIN}/`);
}

test.describe('cross-site requests', () => {
  test('a text/plain form posted from another origin cannot create an attempt', async ({ page, request, baseURL }) => {
    const drill = await createDrill(request);
    const target = `${baseURL}/api/drills/${drill.code}/attempts`;
    // enctype=text/plain sends `name=value`: with this name and value the body is the JSON {"name":"Mallory","x":"="}.
    await openEvilPage(
      page,
      `<!doctype html><form id="f" method="POST" action="${target}" enctype="text/plain">
         <input name='{"name":"Mallory","x":"' value='"}'></form>`,
    );
    const answered = page.waitForResponse((r) => r.url() === target);
    await page.evaluate(() => (document.getElementById('f') as HTMLFormElement).submit());
    const res = await answered;
    expect(res.status()).toBe(403);
    expect(res.request().headers()['content-type']).toMatch(/^text\/plain/);
    expect(await attemptCount(request, drill.code, drill.manageToken)).toBe(0);
  });

  test('the same form from the app itself is refused for its media type (415), and JSON works', async ({ page, request }) => {
    const drill = await createDrill(request);
    await page.goto(`/drills/${drill.code}`);
    const status = await page.evaluate(async (code) => {
      const plain = await fetch(`/api/drills/${code}/attempts`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"name":"Ada"}' });
      const json = await fetch(`/api/drills/${code}/attempts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"Ada"}' });
      return [plain.status, json.status];
    }, drill.code);
    expect(status).toEqual([415, 201]);
    expect(await attemptCount(request, drill.code, drill.manageToken)).toBe(1);
  });
});

test.describe('Content-Security-Policy without unsafe-inline scripts', () => {
  test('script-src allows no inline script but the theme script by its hash', async ({ request }) => {
    const csp = (await request.get('/')).headers()['content-security-policy']!;
    const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'))!;
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).toMatch(/'sha256-[A-Za-z0-9+/]+=*'/);
  });

  const pages = ['/', ...NAV_ITEMS.map((i) => i.href), '/drills/new', '/learn/explorer', '/no-such-page'];
  for (const path of [...new Set(pages)]) {
    test(`${path}: no CSP violation or console error, the theme script ran and the page is interactive`, async ({ page }) => {
      const errors = watchConsoleErrors(page);
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      // The inline boot script ran (it sets data-theme before paint).
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toMatch(/^(light|dark)$/);
      // React hydrated (Next's own inline scripts were allowed): the theme toggle responds.
      const before = await page.evaluate(() => document.documentElement.dataset.theme);
      await page.getByRole('button', { name: /Switch to (dark|light) theme/ }).click();
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).not.toBe(before);
      // 404 pages log the failed document load; anything else is a real error.
      expect(errors().filter((e) => !/status of 404/.test(e))).toEqual([]);
    });
  }

  test('a drill page, a student page and the manage page run without a CSP violation', async ({ page, request }) => {
    const drill = await createDrill(request);
    const errors = watchConsoleErrors(page);
    await page.goto(`/drills/${drill.code}`);
    await page.getByLabel('Your name').fill('Ada');
    await page.getByRole('button', { name: 'Start the drill' }).click();
    await expect(page.getByRole('form', { name: 'Your answer' })).toBeVisible();
    await page.goto(`/drills/${drill.code}/manage#key=${drill.manageToken}`);
    await expect(page.getByText('Ada').first()).toBeVisible();
    expect(errors()).toEqual([]);
  });
});

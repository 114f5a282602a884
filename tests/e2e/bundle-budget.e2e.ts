/**
 * The first-load JavaScript of every route stays within its budget (tests/e2e/bundle-budgets.json: gzip bytes per
 * route, measured on a build and raised only on purpose): the build's first-load chunks plus those the route's
 * prerendered HTML preloads (components loaded with next/dynamic but rendered on the server). Bytes are stable for a given build, so this asserts
 * bytes, never times. The table comes from `npm run bench:bundles -- --json` (tests/tools/route-bundles.mjs) on the
 * build the browser suite serves.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';

interface Row {
  route: string;
  gzipBytes: number;
  ratio: number;
  chunks: string[];
}

/** Issue 18's ceilings, against home's first load: interactive routes at most 1.5 x, static (reading) routes 1.05 x. */
const INTERACTIVE_MAX = 1.5;
const STATIC_MAX = 1.05;
/** Routes that only read: their client code is the nav, the theme toggle and the islands that load on demand. */
const STATIC_ROUTES = [
  '/',
  '/_not-found',
  '/learn',
  '/learn/external-traffic-policy',
  '/learn/inside-the-cluster',
  '/learn/troubleshooting',
  '/drills',
];

const bundleRows = () =>
  JSON.parse(
    execFileSync(process.execPath, ['tests/tools/route-bundles.mjs', '--json'], { encoding: 'utf8' }),
  ) as Row[];

test('every route’s first-load JavaScript is within its budget', () => {
  const budgets = JSON.parse(readFileSync('tests/e2e/bundle-budgets.json', 'utf8')) as {
    routes: Record<string, number>;
  };
  const rows = bundleRows();
  expect(rows.length).toBeGreaterThan(10);
  const over = rows
    .filter((r) => r.gzipBytes > (budgets.routes[r.route] ?? 0))
    .map(
      (r) =>
        `${r.route}: ${r.gzipBytes} B gzip > budget ${budgets.routes[r.route] ?? 'none (a new route needs a budget)'}`,
    );
  expect(over).toEqual([]);
});

test('no interactive route ships more than 1.5 x home’s first-load JavaScript, and no static route more than 1.05 x', () => {
  const rows = bundleRows();
  for (const route of STATIC_ROUTES) expect(rows.map((r) => r.route)).toContain(route);
  const over = rows
    .map((r) => ({ ...r, max: STATIC_ROUTES.includes(r.route) ? STATIC_MAX : INTERACTIVE_MAX }))
    .filter((r) => r.ratio > r.max)
    .map((r) => `${r.route}: ${r.ratio.toFixed(3)} x home > ${r.max} x`);
  expect(over).toEqual([]);
});

test('the budgets count every script a page’s HTML makes the browser fetch (as served, not only the build’s report)', async ({
  request,
}) => {
  const { htmlScripts } = (await import('../tools/route-bundles.mjs')) as {
    htmlScripts: (html: string) => Set<string>;
  };
  const rows = new Map(bundleRows().map((r) => [r.route, r]));
  // A component loaded with next/dynamic but rendered on the server makes the HTML preload its chunk (the
  // explorer's views did, 111 KiB gzip, until 2026-12-02): those count too.
  for (const route of [
    '/',
    '/learn/explorer',
    '/learn/external-traffic-policy',
    '/practice',
    '/review',
    '/drills',
  ]) {
    const html = await (await request.get(route)).text();
    const fetched = [...htmlScripts(html)];
    expect(fetched.length, route).toBeGreaterThan(3);
    const counted = new Set(rows.get(route)?.chunks ?? []);
    expect(
      fetched.filter((chunk) => !counted.has(chunk)),
      route,
    ).toEqual([]);
  }
});

test('no script the browser can load holds zod’s other locales (full zod): browsers validate with zod/mini and English', () => {
  // Phrases of zod's own German, French and Spanish locales; each is checked in the package, so the test cannot
  // pass because zod reworded them.
  const markers = { de: 'Ungültige Eingabe', fr: 'Entrée invalide', es: 'Entrada inválida' };
  for (const [locale, phrase] of Object.entries(markers)) {
    expect(
      readFileSync(`node_modules/zod/v4/locales/${locale}.js`, 'utf8'),
      `zod's ${locale} locale`,
    ).toContain(phrase);
  }
  const dir = path.join(process.env.NEXT_DIST_DIR || '.next', 'static', 'chunks');
  const scripts = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
  expect(scripts.length).toBeGreaterThan(10);
  // The practice session, the review's and interview's questions and the import tool's reader load on demand;
  // they held full zod (68 KB gzip) until 2026-12-03.
  const holding = scripts.filter((f) => {
    const text = readFileSync(path.join(dir, f), 'utf8');
    return Object.values(markers).some((phrase) => text.includes(phrase));
  });
  expect(holding).toEqual([]);
});

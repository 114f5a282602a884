/**
 * The first-load JavaScript of every route stays within its budget (tests/e2e/bundle-budgets.json: gzip bytes per
 * route, measured on a build and raised only on purpose). Bytes are stable for a given build, so this asserts
 * bytes, never times. The table comes from `npm run bench:bundles -- --json` (tests/tools/route-bundles.mjs) on the
 * build the browser suite serves.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

interface Row {
  route: string;
  gzipBytes: number;
}

test('every route’s first-load JavaScript is within its budget', () => {
  const budgets = JSON.parse(readFileSync('tests/e2e/bundle-budgets.json', 'utf8')) as { routes: Record<string, number> };
  const rows = JSON.parse(execFileSync(process.execPath, ['tests/tools/route-bundles.mjs', '--json'], { encoding: 'utf8' })) as Row[];
  expect(rows.length).toBeGreaterThan(10);
  const over = rows
    .filter((r) => r.gzipBytes > (budgets.routes[r.route] ?? 0))
    .map((r) => `${r.route}: ${r.gzipBytes} B gzip > budget ${budgets.routes[r.route] ?? 'none (a new route needs a budget)'}`);
  expect(over).toEqual([]);
});

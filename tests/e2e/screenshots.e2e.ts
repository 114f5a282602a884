/**
 * Every route at 1280 and 375 px, light and dark: full-page screenshots in tests/e2e/screenshots/ (look at
 * them), attached to this run's report, with no sideways scroll at 375 px. In CI only the scroll check runs
 * (screenshots are off there: see SCREENSHOTS_ON). (axe runs per route in the other
 * specs: learn, practice, smoke, drills, interview.)
 */
import { expect, test } from '@playwright/test';
import { screenshot } from './support';

const ROUTES: [name: string, path: string][] = [
  ['home', '/'],
  ['learn', '/learn'],
  ['article', '/learn/external-traffic-policy'],
  ['article-inside', '/learn/inside-the-cluster'],
  ['article-troubleshooting', '/learn/troubleshooting'],
  ['explorer', '/learn/explorer'],
  ['import', '/learn/import'],
  ['practice-settings', '/practice'],
  ['practice-question', '/practice?seed=shots&difficulty=standard&count=3&kinds=load-share,health-check,source-ip'],
  ['practice-dns', '/practice?seed=shots&difficulty=expert&count=2&kinds=dns'],
  ['drills', '/drills'],
  ['interview', '/interview'],
  ['review', '/review'],
  ['progress', '/progress'],
];

test.describe('every route, light and dark, 1280 and 375 px', () => {
  for (const [name, path] of ROUTES) {
    test(`${name} (${path})`, async ({ page }, testInfo) => {
      // A fresh context stores no theme choice, so the page follows the emulated system preference.
      await page.setViewportSize({ width: 375, height: 812 });
      for (const theme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: theme });
        if (theme === 'light') await page.goto(path);
        else await page.reload();
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${name} scrolls sideways at 375 px in ${theme}`).toBeLessThanOrEqual(0);
        for (const file of await screenshot(page, `route-${name}-${theme}`)) {
          await testInfo.attach(file.split('/').pop() ?? name, { path: file, contentType: 'image/png' });
        }
      }
    });
  }
});

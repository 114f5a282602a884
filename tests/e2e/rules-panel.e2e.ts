import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, useSystemTheme } from './support';

/**
 * The explorer's "Rules on node" panel in Chromium: highlighted rules of the focused flow, step links, mode and
 * node by keyboard, long lines scrolling inside the block (never the page) at 375 px, axe clean; screenshots of
 * the panel at 1280 and 375 px in light and dark go to tests/e2e/screenshots/.
 */
const EXPLORER = '/learn/explorer';
const SHOTS = path.join(process.cwd(), 'tests', 'e2e', 'screenshots');

async function tabTo(page: Page, target: ReturnType<Page['locator']>, max = 120): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error('Tab never reached the target');
}

test.describe('explorer: rules on the node', () => {
  test.setTimeout(180_000);

  test('highlights the focused flow, links steps to lines, switches mode by keyboard', async ({ page }) => {
    await page.goto(EXPLORER);
    const panel = page.locator('[data-rules-panel]');
    await panel.scrollIntoViewIfNeeded();
    const block = panel.locator('[data-rules-text]');
    await expect(block).toContainText('-A KUBE-SERVICES');
    expect(await block.locator('[data-traversed]').count()).toBeGreaterThan(0);
    const link = panel.getByRole('link', { name: /^line \d+$/ }).first();
    await tabTo(page, link);
    await page.keyboard.press('Enter');
    const target = (await link.getAttribute('href'))!.slice(1);
    await expect(page.locator(`[id="${target}"]`)).toHaveAttribute('data-traversed', 'true');
    const mode = panel.getByRole('combobox', { name: 'Rules of proxy mode' });
    await mode.focus();
    await page.keyboard.press('ArrowDown');
    await expect(mode).toHaveValue('nftables');
    await expect(block).toContainText('table ip kube-proxy {');
    // nftables and IPVS highlight the flow too, and their step links reach a highlighted line by keyboard.
    for (const shown of ['table ip kube-proxy {', 'IP Virtual Server version']) {
      if (shown !== 'table ip kube-proxy {') {
        await mode.focus();
        await page.keyboard.press('ArrowDown');
        await expect(mode).toHaveValue('ipvs');
      }
      await expect(block).toContainText(shown);
      expect(await block.locator('[data-traversed]').count()).toBeGreaterThan(0);
      // IPVS mode's iptables rules (ipset matches in KUBE-SERVICES, …) are traced and highlighted too.
      if (shown === 'IP Virtual Server version')
        expect(await block.locator('[data-traversed]', { hasText: /^-A KUBE-/ }).count()).toBeGreaterThan(0);
      const modeLink = panel.getByRole('link', { name: /^line \d+$/ }).first();
      await tabTo(page, modeLink);
      await page.keyboard.press('Enter');
      const to = (await modeLink.getAttribute('href'))!.slice(1);
      await expect(page.locator(`[id="${to}"]`)).toHaveAttribute('data-traversed', 'true');
    }
    await expectNoAxeViolations(page);
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`fits 375 px (long lines scroll inside) and looks right (${theme})`, async ({ page }) => {
      await page.goto(EXPLORER);
      await useSystemTheme(page, theme);
      const panel = page.locator('[data-rules-panel]');
      for (const width of [1280, 375]) {
        await page.setViewportSize({ width, height: width === 375 ? 812 : 800 });
        await panel.scrollIntoViewIfNeeded();
        const block = panel.locator('[data-rules-text]');
        const { inner, outer } = await block.evaluate((el) => ({
          inner: el.scrollWidth,
          outer: el.clientWidth,
        }));
        expect(inner).toBeGreaterThan(outer);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await panel.screenshot({
          path: path.join(SHOTS, `rules-panel-${theme}-${width}.png`),
          animations: 'disabled',
        });
      }
      await expectNoAxeViolations(page);
    });
  }
});

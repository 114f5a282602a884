import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, screenshot, useSystemTheme } from './support';

test.describe('learn: the path and the inside-the-cluster and troubleshooting articles', () => {
  test.setTimeout(180_000);

  test('/learn lists the topics in order, each with read and practise links that work', async ({ page }) => {
    await page.goto('/learn');
    await expect(page.getByRole('heading', { level: 1, name: 'Learn' })).toBeVisible();
    const topics = page.getByRole('main').getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2 }) });
    expect(await topics.count()).toBeGreaterThanOrEqual(3);
    await expect(topics.first().getByRole('heading')).toContainText('Traffic from outside');
    // The nav marks Learn as the current page.
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Learn' })).toHaveAttribute('aria-current', 'page');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Read: inside the cluster' }).click();
    await expect(page).toHaveURL(/\/learn\/inside-the-cluster$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Inside the cluster');
  });

  test('the inside-the-cluster article shows engine figures, light and dark, axe clean', async ({ page }) => {
    await page.goto('/learn/inside-the-cluster');
    // From the engine: a Pod's call to a 3-endpoint ClusterIP picks each with 1/3 and keeps the Pod's address.
    await expect(page.locator('[data-fact="inside-clusterip:flows.0.backends.0.probability"]').first()).toHaveText('1/3');
    await expect(page.locator('[data-fact="inside-clusterip:flows.0.backends.0.sourceIp"]').first()).toHaveText('10.244.3.20');
    expect(await page.locator('figure[data-diagram]').count()).toBeGreaterThan(2);
    await expectNoAxeViolations(page);
    await screenshot(page, 'learn-inside');
    await useSystemTheme(page, 'dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expectNoAxeViolations(page);
  });

  test('the troubleshooting article prints kubectl and curl from the model, is keyboard-readable, fits 375 px, axe clean', async ({ page }) => {
    test.setTimeout(300_000);
    await page.goto('/learn');
    await page.getByRole('link', { name: 'Read: troubleshooting' }).click();
    await expect(page).toHaveURL(/\/learn\/troubleshooting$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Troubleshooting a Service');
    // From the engine: no endpoints is refused, Local without a Pod on the node is dropped.
    await expect(page.locator('[data-fact="trouble-not-ready:flows.0.verdict"]')).toHaveText('rejected');
    await expect(page.locator('[data-fact="trouble-local-drop:flows.0.verdict"]')).toHaveText('dropped');
    // Terminal blocks: named groups (not landmarks: the same command may appear twice), each with its command line.
    const selector = page.getByRole('group', { name: 'Terminal: kubectl get svc,endpointslices,pods -o wide' }).first();
    await expect(selector).toBeVisible();
    await expect(page.locator('figure[data-terminal] [data-terminal-outcome="refused"]').first()).toBeVisible();
    await expect(page.locator('figure[data-terminal] [data-terminal-outcome="timeout"]').first()).toBeVisible();
    // Keyboard: Tab reaches the first terminal block.
    const first = page.locator('figure[data-terminal] pre').first();
    let reached = false;
    for (let i = 0; i < 80 && !reached; i += 1) {
      await page.keyboard.press('Tab');
      reached = await first.evaluate((el) => el === document.activeElement);
    }
    expect(reached).toBe(true);
    await expectNoAxeViolations(page);
    // 375 px: the page never scrolls sideways; only the terminal blocks and tables do.
    await page.setViewportSize({ width: 375, height: 812 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // `kubectl get … -o wide` is wider than a phone: its block scrolls, by keyboard too.
    expect(await first.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await first.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => first.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    await page.setViewportSize({ width: 1280, height: 800 });
    await screenshot(page, 'learn-troubleshooting');
  });

  test('the troubleshooting article in dark mode: axe clean, screenshots', async ({ page }) => {
    // A long page with many blocks: axe alone takes minutes on two shared cores.
    test.setTimeout(300_000);
    await page.goto('/learn/troubleshooting');
    await useSystemTheme(page, 'dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expectNoAxeViolations(page);
    await screenshot(page, 'learn-troubleshooting-dark');
  });
});

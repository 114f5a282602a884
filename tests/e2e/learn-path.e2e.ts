import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, screenshot, useSystemTheme } from './support';

test.describe('learn: the path and the inside-the-cluster article', () => {
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
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { NAV_ITEMS } from '../../app/_components/nav-items';
import { currentTheme, expectNoAxeViolations, layoutShift, screenshot, useSystemTheme } from './support';

/** Presses Tab until the focused element is the main-nav link to `href`; fails if it is never reached. */
async function tabToNavLink(page: Page, href: string): Promise<void> {
  const link = page.getByRole('navigation', { name: 'Main' }).locator(`a[href="${href}"]`);
  for (let i = 0; i < 40; i += 1) {
    await page.keyboard.press('Tab');
    if (await link.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`Tab never reached the nav link to ${href}`);
}

test.describe('home', () => {
  test('renders the title, the audiences and a link to every feature', async ({ page }) => {
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    await expect(page).toHaveTitle('Service Traffic Trainer');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Service Traffic Trainer');
    await expect(page.getByRole('heading', { name: 'Who it is for' })).toBeVisible();
    const main = page.getByRole('main');
    for (const item of NAV_ITEMS) {
      await expect(main.locator(`a[href="${item.href}"]`).first()).toBeVisible();
    }
  });

  test('the skip link is the first Tab stop and moves focus to the main content', async ({ page }) => {
    await page.goto('/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#main$/);
    await expect(page.getByRole('main')).toBeFocused();
  });

  test('fits a 375 px wide screen without horizontal scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto('/');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    for (const item of NAV_ITEMS) {
      await expect(
        page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: item.label }),
      ).toBeVisible();
    }
  });
});

test.describe('nav link works by keyboard alone and its page passes axe', () => {
  for (const item of NAV_ITEMS) {
    test(`${item.label} (${item.href})`, async ({ page, request }) => {
      await page.goto('/');
      await tabToNavLink(page, item.href);
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(item.href);
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
      await expect(
        page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: item.label }),
      ).toHaveAttribute('aria-current', 'page');
      // Client-side navigation hides the status code, so ask the server directly: a real page, not a 404.
      const direct = await request.get(item.href);
      expect(direct.status()).toBe(200);

      // Every page the nav reaches passes axe in both themes (the feature's own spec goes deeper).
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: /Switch to (dark|light) theme/ }).click();
      await expectNoAxeViolations(page);
    });
  }
});

test.describe('theme', () => {
  for (const system of ['light', 'dark'] as const) {
    test(`follows the system preference (${system}) when no choice is stored`, async ({ page }) => {
      await page.goto('/');
      await useSystemTheme(page, system);
      expect(await currentTheme(page)).toBe(system);
    });
  }

  test('the toggle shows the right label before the app hydrates, and is as wide in either theme', async ({
    page,
  }) => {
    const toggle = page.locator('header button[aria-pressed]');
    const look = () =>
      toggle.evaluate((button) => ({
        text: (button as HTMLElement).innerText.trim(), // the label drawn: innerText leaves out what is hidden
        width: button.getBoundingClientRect().width,
        minWidth: parseFloat(getComputedStyle(button).minWidth),
      }));
    // Without the app's scripts the page is the server's HTML and the theme the boot script set.
    await page.route(/\/_next\/static\/chunks\/.*\.js$/, (route) => route.abort());
    await page.goto('/');
    await useSystemTheme(page, 'light');
    const lightServer = await look();
    await useSystemTheme(page, 'dark');
    const darkServer = await look();
    await page.unrouteAll();
    await useSystemTheme(page, 'light');
    await expect(toggle).toHaveAttribute('aria-pressed', 'false'); // hydrated
    const lightHydrated = await look();
    await useSystemTheme(page, 'dark');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    const darkHydrated = await look();
    const seen = {
      'light, server HTML': lightServer,
      'dark, server HTML': darkServer,
      'light, hydrated': lightHydrated,
      'dark, hydrated': darkHydrated,
    };
    const looks = Object.values(seen);
    expect(Object.fromEntries(Object.entries(seen).map(([k, v]) => [k, v.text]))).toEqual({
      'light, server HTML': '☾ Dark',
      'dark, server HTML': '☀︎ Light',
      'light, hydrated': '☾ Dark',
      'dark, hydrated': '☀︎ Light',
    });
    // One width throughout, and it is the button's minimum: a frame drawn before the labels are parsed is as wide.
    expect(new Set(looks.map((l) => l.width)).size).toBe(1);
    expect(looks[0]!.width).toBe(looks[0]!.minWidth);
  });

  test('the toggle switches the theme by keyboard and the choice survives a reload', async ({ page }) => {
    await page.goto('/');
    await useSystemTheme(page, 'light');
    const toggle = page.getByRole('button', { name: 'Switch to dark theme' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await currentTheme(page)).toBe('dark');
    await expect(page.getByRole('button', { name: 'Switch to light theme' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(11, 17, 32)');

    await page.reload();
    expect(await currentTheme(page)).toBe('dark');
    await expect(page.getByRole('button', { name: 'Switch to light theme' })).toBeVisible();

    // The stored choice beats the system preference until the user toggles back.
    await page.getByRole('button', { name: 'Switch to light theme' }).click();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload();
    expect(await currentTheme(page)).toBe('light');
  });
});

test.describe('404', () => {
  test('an unknown URL answers 404 with a page that links everywhere', async ({ page }) => {
    const response = await page.goto('/no-such-page');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    const main = page.getByRole('main');
    await expect(main.getByRole('link', { name: 'Home' })).toHaveAttribute('href', '/');
    for (const item of NAV_ITEMS) {
      await expect(main.getByRole('link', { name: item.label })).toHaveAttribute('href', item.href);
    }
  });
});

test.describe('nothing visible moves while a page loads', () => {
  // Pages built from this browser's storage render a placeholder on the server; swapping in the real view must
  // not push the footer around (Lighthouse counted a layout shift of 0.108 on /review at 412 × 823).
  for (const route of ['/', '/review', '/progress', '/interview', '/practice']) {
    for (const width of [1280, 412]) {
      test(`${route} at ${width} px`, async ({ page }) => {
        await page.setViewportSize({ width, height: 823 });
        await page.goto(route);
        await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(300);
        expect(await layoutShift(page)).toBeLessThan(0.01);
      });
    }
  }
});

test.describe('start-up scripts', () => {
  // The post-build step in next.config.js (lib/build/compile-hints.js); a dev server never runs it.
  test.skip(!!process.env.E2E_BASE_URL, 'only the built app has the post-build step');

  test('every framework chunk the home page loads is served with V8’s compile hint', async ({ request }) => {
    const distDir = process.env.NEXT_DIST_DIR || '.next';
    const manifest = JSON.parse(readFileSync(path.join(distDir, 'build-manifest.json'), 'utf8')) as {
      rootMainFiles: string[];
    };
    const html = await (await request.get('/')).text();
    const scripts = [...html.matchAll(/<script src="\/_next\/([^"]+\.js)"/g)].map((m) => m[1]);
    const rootScripts = manifest.rootMainFiles.filter((file) => file.endsWith('.js'));
    expect(rootScripts.length).toBeGreaterThan(0);
    for (const file of rootScripts) {
      expect(scripts).toContain(file);
      const body = await (await request.get(`/_next/${file}`)).text();
      expect(body.split('\n', 1)[0]).toBe('//# allFunctionsCalledOnLoad');
    }
  });
});

const PAGES = [
  { name: 'home', path: '/' },
  { name: 'not-found', path: '/no-such-page' },
] as const;

test.describe('axe reports no violations', () => {
  for (const { name, path } of PAGES) {
    for (const theme of ['light', 'dark'] as const) {
      test(`${name} in ${theme} theme`, async ({ page }) => {
        await page.goto(path);
        await useSystemTheme(page, theme);
        expect(await currentTheme(page)).toBe(theme);
        await expectNoAxeViolations(page);
        await screenshot(page, `smoke-${name}-${theme}`);
      });
    }
  }
});

import type { Page } from '@playwright/test';

export type Theme = 'light' | 'dark';

/** The theme the page is showing, read from <html data-theme>. */
export function currentTheme(page: Page): Promise<string | undefined> {
  return page.evaluate(() => document.documentElement.dataset.theme);
}

/**
 * Puts the page in a theme the way a visitor's system would: emulates prefers-color-scheme and clears any
 * stored choice, then reloads so the boot script applies it before first paint.
 */
export async function useSystemTheme(page: Page, theme: Theme): Promise<void> {
  await page.emulateMedia({ colorScheme: theme });
  await page.evaluate(() => localStorage.clear());
  await page.reload();
}

import path from 'node:path';
import type { Page } from '@playwright/test';

/** Where screenshots go (git-ignored); look at them after a run. */
export const SCREENSHOT_DIR = path.join(__dirname, '..', 'screenshots');

/** The two widths every page is checked at: a laptop and a small phone. */
export const SCREENSHOT_WIDTHS = [1280, 375] as const;

/**
 * Whether this run writes screenshots: on by default, off in CI (nobody looks at them there, and full-page PNGs of
 * every state cost minutes of CI's two cores). `E2E_SCREENSHOTS=1` forces them on, `=0` off.
 */
export const SCREENSHOTS_ON = process.env.E2E_SCREENSHOTS ? process.env.E2E_SCREENSHOTS !== '0' : !process.env.CI;

/**
 * Saves full-page screenshots of the current page at 1280 px and 375 px wide as
 * tests/e2e/screenshots/<name>-1280.png and <name>-375.png, then restores the viewport.
 * Returns the file paths written (none when SCREENSHOTS_ON is false).
 */
export async function screenshot(page: Page, name: string): Promise<string[]> {
  if (!/^[a-z0-9][a-z0-9._-]*$/i.test(name)) {
    throw new Error(`screenshot name "${name}" must be a plain file name (letters, digits, . _ -)`);
  }
  if (!SCREENSHOTS_ON) return [];
  const original = page.viewportSize();
  const written: string[] = [];
  for (const width of SCREENSHOT_WIDTHS) {
    await page.setViewportSize({ width, height: width === 375 ? 812 : 800 });
    const file = path.join(SCREENSHOT_DIR, `${name}-${width}.png`);
    await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
    written.push(file);
  }
  if (original) await page.setViewportSize(original);
  return written;
}

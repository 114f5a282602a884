import type { Page } from '@playwright/test';

/**
 * Collects what a page reports as broken: console errors (Chromium logs every Content-Security-Policy
 * violation there: "Refused to execute inline script…") and uncaught exceptions. Call before `goto`;
 * the returned function gives the messages so far.
 */
export function watchConsoleErrors(page: Page): () => string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return () => [...errors];
}

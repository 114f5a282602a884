import type { Page } from '@playwright/test';

/**
 * The layout shift since the page began loading, not counting shifts right after input (what Lighthouse's CLS
 * adds up). Shifts reach only a PerformanceObserver; buffered, it gets those so far at once, or none by the timeout.
 */
export function layoutShift(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list) => {
          const entries = list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[];
          resolve(entries.reduce((sum, e) => sum + (e.hadRecentInput ? 0 : e.value), 0));
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(0), 1000);
      }),
  );
}

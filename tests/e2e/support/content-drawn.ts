import type { Locator } from '@playwright/test';

/**
 * For each element the locator matches, whether what is inside it is drawn now: false while the browser skips its
 * content (`content-visibility: auto` far from the view), whose own box is drawn all the same. Read with a probe
 * appended and removed, as the element's own visibility says nothing of its content.
 */
export function contentDrawn(elements: Locator): Promise<boolean[]> {
  return elements.evaluateAll((els) =>
    els.map((el) => {
      const probe = el.appendChild(document.createElement('span'));
      const drawn = probe.checkVisibility({ contentVisibilityAuto: true });
      probe.remove();
      return drawn;
    }),
  );
}

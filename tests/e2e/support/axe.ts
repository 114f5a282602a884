import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * Runs axe (WCAG 2.0–2.2 A/AA plus best practices) on the page as it is now and fails with a readable
 * list of violations: rule, impact, help text and the offending selectors.
 * `exclude` takes CSS selectors to skip (use sparingly, and say why at the call site).
 */
export async function expectNoAxeViolations(page: Page, options: { exclude?: string[] } = {}): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags([
    'wcag2a',
    'wcag2aa',
    'wcag21a',
    'wcag21aa',
    'wcag22aa',
    'best-practice',
  ]);
  // Only violations are read: not collecting the passes and incompletes saves about a tenth to a third of axe's time.
  builder = builder.options({ resultTypes: ['violations'] });
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const { violations } = await builder.analyze();
  const readable = violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')),
  }));
  expect(readable, `axe violations on ${page.url()}`).toEqual([]);
}

import { expect, test } from '@playwright/test';
import { generateSession } from '../../lib/scenarios';
import { expectNoAxeViolations, screenshot } from './support';

/**
 * A share the grader cannot read ("abc"), typed in practice: the field is marked invalid, its message sits beside
 * it (its description) and the summary says it in the live region; fixed, the answer is graded.
 */
const SETTINGS = { seed: 'e2e-problems', difficulty: 'standard' as const, count: 1, kinds: ['load-share' as const] };
const URL = `/practice?seed=${SETTINGS.seed}&difficulty=${SETTINGS.difficulty}&count=1&kinds=load-share`;

test('a share of "abc" in practice is refused beside its field, then graded once fixed', async ({ page }) => {
  test.setTimeout(120_000); // axe over a page with two diagrams is slow on the shared machine
  const [q] = generateSession({ ...SETTINGS, kinds: [...SETTINGS.kinds] });
  if (!q) throw new Error('no question');
  const shares = q.response.fields.filter((f) => f.type === 'share');
  expect(shares.length).toBeGreaterThan(0);
  await page.goto(URL);
  const form = page.getByRole('form', { name: 'Your answer' });
  const input = form.getByRole('textbox', { name: shares[0]!.label });
  await input.fill('abc');
  for (const f of q.response.fields.slice(1)) {
    if (f.type === 'choice') await form.getByRole('group', { name: f.label }).getByRole('radio').first().check();
    else await form.getByRole('textbox', { name: f.label }).fill(f.type === 'share' ? '1/2' : '1');
  }
  await form.getByRole('button', { name: 'Submit answer' }).click();

  const message = '"abc" is not a share: write a fraction (1/6), a percentage (16.7%) or a decimal (0.1667)';
  await expect(page.getByRole('heading', { name: 'Not graded: check your answer' })).toBeVisible();
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expect(input).toHaveAccessibleDescription(new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  // Beside the field: the element right after the input, and just below it on screen.
  const beside = input.locator('xpath=following-sibling::*[1]');
  await expect(beside).toHaveText(`⚠ ${message}`);
  const [inputBox, besideBox] = [await input.boundingBox(), await beside.boundingBox()];
  expect(besideBox!.y).toBeGreaterThanOrEqual(inputBox!.y + inputBox!.height - 1);
  expect(besideBox!.y - (inputBox!.y + inputBox!.height)).toBeLessThan(24);
  // Announced: the summary sits in a polite live region.
  await expect(page.locator('[aria-live="polite"]').getByRole('listitem').filter({ hasText: message })).toHaveCount(1);
  await expectNoAxeViolations(page);
  await screenshot(page, 'practice-answer-problem');

  await input.fill('1/2');
  await form.getByRole('button', { name: 'Submit answer' }).click();
  await expect(page.getByRole('heading', { level: 3, name: /Correct|Not right|Partly right/ })).toBeVisible();
  await expect(input).not.toHaveAttribute('aria-invalid');
});

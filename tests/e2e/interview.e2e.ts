import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { contentDrawn, expectNoAxeViolations, layoutShift, screenshot, useSystemTheme } from './support';

const CARD = '/interview/why-cluster-loses-client-ip';
const V1_EXPORT = readFileSync(path.join(__dirname, '..', 'fixtures', 'learner', 'review-v1.json'), 'utf8');

/** Presses Tab until `target` has focus; fails if it never does (keyboard-only navigation). */
async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/** Fills a generated question's form by keyboard: Space on the first radio of each group, "1" in text boxes, then submits. */
async function answerByKeyboard(page: Page, form: Locator): Promise<void> {
  await tabTo(page, form.locator('input').first());
  for (let i = 0; i < 60; i += 1) {
    const kind = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return 'none';
      if (el instanceof HTMLInputElement) return el.type;
      return el.textContent?.trim() === 'Submit answer' ? 'submit' : el.tagName;
    });
    if (kind === 'submit') {
      await page.keyboard.press('Enter');
      return;
    }
    if (kind === 'radio') await page.keyboard.press('Space');
    if (kind === 'text') await page.keyboard.type('1');
    await page.keyboard.press('Tab');
  }
  throw new Error('never reached the Submit answer button');
}

// The dev server compiles on first visit and axe walks large diagrams on a shared 2-core machine.
test.describe.configure({ timeout: 120_000 });

test.describe('interview mode', () => {
  test('the card list is accessible and links every topic', async ({ page }) => {
    await page.goto('/interview');
    await expect(page.getByRole('heading', { level: 1, name: 'Interview mode' })).toBeVisible();
    // One link per topic that has cards (lib/interview CARD_TOPICS): 13 since the in-cluster, affinity, topology, DNS and troubleshooting cards.
    await expect(page.getByRole('navigation', { name: 'Topics' }).getByRole('link')).toHaveCount(13);
    await expectNoAxeViolations(page);
    await screenshot(page, 'interview-index');
  });

  for (const width of [375, 1280]) {
    test(`cards past the first screenful are skipped at first, in a place close to their own height (${width} px)`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height: 812 });
      await page.goto('/interview');
      const cards = page.locator('main section li');
      const all = await page.getByRole('heading', { level: 2, name: /^All \d+ cards$/ }).textContent();
      await expect(cards).toHaveCount(Number(all!.match(/\d+/)![0]));
      const drawn = await contentDrawn(cards);
      expect(drawn.slice(0, 8)).toEqual(Array(8).fill(true)); // the first screenful is never skipped
      expect(drawn.at(-1)).toBe(false);
      expect(await layoutShift(page)).toBe(0);
      const heights = () => cards.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
      const estimated = await heights();
      await page.addStyleTag({ content: '.later-card { content-visibility: visible !important }' });
      const real = await heights();
      const skipped = estimated.map((h, i) => [h, real[i]!] as const).filter((_, i) => !drawn[i]);
      expect(skipped.length).toBeGreaterThan(30);
      const ratios = skipped.map(([e, r]) => e / r).sort((a, b) => a - b);
      const median = ratios[Math.floor(ratios.length / 2)]!;
      expect(median).toBeGreaterThan(0.9);
      expect(median).toBeLessThan(1.1);
      const total = skipped.reduce((sum, [e]) => sum + e, 0) / skipped.reduce((sum, [, r]) => sum + r, 0);
      expect(Math.abs(total - 1)).toBeLessThan(0.1);
    });
  }

  test('a card far down the list opens in the app, without reloading the page; Ctrl+click is the browser’s', async ({ page }) => {
    await page.goto('/interview');
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    const last = page.locator('main section li a').last();
    const href = await last.getAttribute('href');
    const question = (await last.textContent())!;
    await last.click();
    await expect(page).toHaveURL(new RegExp(`${href}$`));
    await expect(page.getByRole('heading', { level: 1 })).toContainText(question.slice(0, 30));
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    await page.goBack();
    await expect(page.getByRole('heading', { level: 1, name: 'Interview mode' })).toBeVisible();
    const popup = page.context().waitForEvent('page');
    await page.locator('main section li a').first().click({ modifiers: ['ControlOrMeta'] });
    await expect(await popup).toHaveURL(/\/interview\/[\w-]+$/);
    await expect(page).toHaveURL(/\/interview$/);
  });

  test('a card by keyboard alone: answer, reveal, tick key points, rate, then the interviewer twist', async ({ page }) => {
    await page.goto(CARD);
    await tabTo(page, page.getByRole('textbox', { name: /your answer/i }));
    await page.keyboard.type('kube-proxy masquerades external traffic so that the reply returns through the node that did the DNAT.');
    await page.keyboard.press('Control+Enter');
    await expect(page.getByRole('heading', { name: 'Model answer' })).toBeFocused();

    const points = page.getByRole('group', { name: /key points/i }).getByRole('checkbox');
    await tabTo(page, points.first());
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await expect(page.getByText('2 of 5 key points covered')).toBeVisible();
    await expectNoAxeViolations(page);
    await screenshot(page, 'interview-card-revealed');

    await page.keyboard.press('3');
    await expect(page.getByRole('status').filter({ hasText: /Recorded Good/ })).toBeFocused();
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('stt.learner') ?? 'null'));
    expect(stored.cards['why-cluster-loses-client-ip'].schedule.reps).toBe(1);

    await tabTo(page, page.getByRole('button', { name: 'Take the twist' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Interviewer twist' })).toBeFocused();
    const form = page.getByRole('form', { name: 'Your answer' });
    await expect(form).toBeVisible();
    await answerByKeyboard(page, form);
    await expect(page.getByRole('button', { name: 'Another twist (new cluster)' })).toBeVisible();
    const after = await page.evaluate(() => JSON.parse(localStorage.getItem('stt.learner') ?? 'null'));
    expect(after.history.some((h: { type: string; kind: string }) => h.type === 'concept' && h.kind === 'source-ip')).toBe(true);
    await expectNoAxeViolations(page);
    await screenshot(page, 'interview-twist');
  });

  test('a timed mock interview shows the clock', async ({ page }) => {
    await page.goto('/interview/mock');
    await tabTo(page, page.getByRole('button', { name: 'Start the mock interview' }));
    await page.keyboard.press('Enter');
    await expect(page.getByText('Question 1 of 5')).toBeVisible();
    await expect(page.getByRole('timer', { name: 'Time left' })).toHaveText(/^[23]:\d\d$/);
    await expectNoAxeViolations(page);
    await screenshot(page, 'interview-mock');
  });

  test('a whole mock interview by keyboard alone ends with a summary', async ({ page }) => {
    await page.goto('/interview/mock');
    await tabTo(page, page.getByRole('combobox', { name: 'Time per question' }));
    await page.keyboard.press('End'); // "No time limit"
    await expect(page.getByRole('combobox', { name: 'Time per question' })).toHaveValue('0');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    for (let i = 1; i <= 5; i += 1) {
      await expect(page.getByText(`Question ${i} of 5`)).toBeVisible();
      // Focus moves to the new question's heading on the next frame; Tab only after it has, or it steals focus back.
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
      await tabTo(page, page.getByRole('textbox', { name: /your answer/i }));
      await page.keyboard.type(`Answer number ${i}.`);
      await page.keyboard.press('Control+Enter');
      await expect(page.getByRole('heading', { name: 'Model answer' })).toBeFocused();
      await page.keyboard.press(i === 2 ? '1' : '3');
      await expect(page.getByRole('status').filter({ hasText: /Recorded/ })).toBeFocused();
      await page.keyboard.press('Tab');
      await expect(page.getByRole('button', { name: i < 5 ? 'Next question' : 'See the summary' })).toBeFocused();
      await page.keyboard.press('Enter');
    }
    await expect(page.getByRole('heading', { name: 'Mock interview summary' })).toBeFocused();
    await expect(page.getByRole('table').getByRole('row')).toHaveCount(6);
    await expect(page.getByText(/1 question rated Again or Hard/)).toBeVisible();
    await expectNoAxeViolations(page);
    await screenshot(page, 'interview-mock-summary');
  });

  test('a revealed card in dark mode at 375 px: no axe violations, no sideways scrolling', async ({ page }) => {
    await page.goto(CARD);
    await useSystemTheme(page, 'dark');
    await page.setViewportSize({ width: 375, height: 812 });
    await page.getByRole('button', { name: 'Reveal model answer' }).click();
    await expect(page.getByRole('heading', { name: 'Model answer' })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
    await screenshot(page, 'interview-card-dark');
  });
});

test.describe('spaced review', () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript((text) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('stt:review', text);
        sessionStorage.setItem('seeded', '1');
      }
    }, V1_EXPORT);
  });

  test('a due concept is reviewed with a fresh scenario, by keyboard alone', async ({ page }) => {
    await page.goto('/review');
    await expect(page.getByRole('heading', { level: 1, name: 'Spaced review' })).toBeVisible();
    await expect(page.getByRole('img', { name: /Reviews per day/ })).toBeVisible();
    await expectNoAxeViolations(page);
    await screenshot(page, 'review');

    const review = page.getByRole('button', { name: 'Review Health-check node port' });
    await tabTo(page, review);
    await page.keyboard.press('Enter');
    const panel = page.getByRole('region', { name: /Reviewing: Health-check node port/ });
    await expect(panel.getByRole('heading', { name: /Reviewing/ })).toBeFocused();
    const seed = await panel.locator('code').first().textContent();
    expect(seed).not.toBe('e5f6a7b8');
    await answerByKeyboard(page, panel.getByRole('form', { name: 'Your answer' }));
    await expect(panel.getByRole('group', { name: /How hard was it|The engine rates this review/ })).toBeVisible();
    await expectNoAxeViolations(page);
    await screenshot(page, 'review-concept');
    // Exactly one of Again (1) / Hard (2) is offered for a wrong answer; Hard/Good/Easy for a right one.
    await page.keyboard.press('1');
    await page.keyboard.press('2');
    await expect(page.getByRole('status').filter({ hasText: /Recorded .* for Health-check node port/ })).toBeVisible();
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('stt.learner') ?? 'null'));
    const last = stored.history.at(-1);
    expect(last).toMatchObject({ type: 'concept', id: 'health-check-node-port' });
    expect(last.seed).toBe(seed);
  });

  test('dark mode and 375 px have no axe violations', async ({ page }) => {
    await page.goto('/review');
    await useSystemTheme(page, 'dark');
    await expect(page.getByRole('heading', { level: 1, name: 'Spaced review' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.setViewportSize({ width: 375, height: 812 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
    await screenshot(page, 'review-dark');
  });
});

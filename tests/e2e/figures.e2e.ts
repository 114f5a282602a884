/**
 * Every cluster diagram fits: over the article's figures, explorer layouts and generated practice questions
 * (every kind, three difficulties, before and after grading), at 1280 and 375 px, no text box of a figure
 * overlaps another, leaves its box or the SVG, or has a line across it; text stays readable; and the figure
 * never sticks out of the screen (so the highlighted flow is in view).
 */
import { expect, test, type Page } from '@playwright/test';
import { figureProblems, type FigureProblem } from './support/figures';

const WIDTHS = [1280, 375] as const;

async function problemsAtBothWidths(page: Page, where: string): Promise<string[]> {
  const found: string[] = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: width === 375 ? 812 : 800 });
    const problems: FigureProblem[] = await figureProblems(page);
    found.push(...problems.map((p) => `${where} @${width} [${p.variant}] ${p.figure}: ${p.problem}`));
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  return found;
}

test.describe('figures fit and nothing in them collides', () => {
  test.setTimeout(600_000);

  test('the check itself reports a figure that keeps moving, and passes one that stands still', async ({ page }) => {
    const figure = (style: string) =>
      `<figure data-diagram style="${style}"><svg data-variant="row" viewBox="0 0 200 40" width="200" height="40"><text x="10" y="20" font-size="14">node-a</text></svg><figcaption><span>A figure</span></figcaption></figure>`;
    await page.setContent(`<style>@keyframes grow { from { height: 100px } to { height: 300px } }</style><div style="height:1200px"></div>${figure('display:block')}`);
    expect(await figureProblems(page)).toEqual([]);
    await page.setContent(`<style>@keyframes grow { from { height: 100px } to { height: 300px } }</style><div style="height:1200px"></div>${figure('display:block;animation:grow 1s linear infinite')}`);
    const problems = await figureProblems(page);
    expect(problems.map((p) => p.problem)).toEqual([expect.stringMatching(/^keeps moving once scrolled into view \(top\+height: /)]);
  });

  test('the article’s figures', async ({ page }) => {
    await page.goto('/learn/external-traffic-policy');
    expect(await page.locator('figure[data-diagram]').count()).toBeGreaterThan(3);
    expect(await problemsAtBothWidths(page, 'article')).toEqual([]);
  });

  test('the inside-the-cluster article’s figures', async ({ page }) => {
    await page.goto('/learn/inside-the-cluster');
    expect(await page.locator('figure[data-diagram]').count()).toBeGreaterThan(2);
    expect(await problemsAtBothWidths(page, 'inside article')).toEqual([]);
  });

  test('the troubleshooting article’s figures', async ({ page }) => {
    await page.goto('/learn/troubleshooting');
    expect(await page.locator('figure[data-diagram]').count()).toBeGreaterThan(1);
    expect(await problemsAtBothWidths(page, 'troubleshooting article')).toEqual([]);
  });

  // Layout codes (lib/explorer/url-codec.ts): 1–6 nodes, crowded nodes, drained nodes, every traffic source and proxy mode.
  const LAYOUTS = [
    '1.L.it.h.nk.abc.arararbr.ea',
    '1.C.it.h.nk.abc.arararbr.ec',
    '1.L.it.h.nk.ab.arbr.eb',
    '1.L.nf.w.nx.a.arananat.ea',
    '1.C.iv.a.px.abcdef.arbrcrdrerfr.ef',
    '1.L.it.h.nk.abcdef.arararararar.pf',
    '1.C.cs.h.nk.aBcd.arbtbtcrdn.nb',
    '1.L.cd.h.nk.abCdE.arbrcterat.pa',
    '1.L.it.a.nk.abcdef.atanarbrbncrdrerfrftfn.nd',
  ];
  test('explorer layouts', async ({ page }) => {
    const found: string[] = [];
    for (const code of LAYOUTS) {
      await page.goto(`/learn/explorer?s=${code}`);
      await expect(page.locator('[data-explorer] figure[data-diagram]')).toBeVisible();
      await expect(page.locator('[data-explorer] [role=alert]')).toHaveCount(0);
      found.push(...(await problemsAtBothWidths(page, `explorer ${code}`)));
    }
    expect(found).toEqual([]);
  });

  /** Answers every visible field with something well-formed (right or wrong does not matter here). */
  async function answerAnything(page: Page) {
    for (let round = 0; round < 3; round += 1) {
      await page.locator('form[aria-label="Your answer"] fieldset[data-choice-field]').evaluateAll((sets) => {
        for (const set of sets) if (!set.querySelector('input:checked')) (set.querySelector('input[type=radio]') as HTMLInputElement | null)?.click();
      });
      const inputs = page.locator('form[aria-label="Your answer"] input[type=text]');
      for (let i = 0; i < (await inputs.count()); i += 1) {
        const input = inputs.nth(i);
        if ((await input.inputValue()) !== '') continue;
        const hint = (await page.locator(`#${await input.getAttribute('aria-describedby')}`).textContent()) ?? '';
        const from = /From (\d+)/.exec(hint)?.[1];
        await input.fill(hint.includes('IPv4') ? '10.0.0.1' : (from ?? '1'));
      }
    }
    await page.getByRole('button', { name: 'Submit answer' }).click();
  }

  for (const difficulty of ['intro', 'standard', 'expert'] as const) {
    test(`practice questions, ${difficulty}: before and after grading`, async ({ page }) => {
      const count = 9; // every kind once per difficulty (the kinds are shuffled, each appears once in nine)
      await page.goto(`/practice?seed=figures${difficulty}&difficulty=${difficulty}&count=${count}&kinds=source-ip,health-check,load-share,lb-targets,client-outcome,cross-node,policy-choice,api-validation,fix-it`);
      const found: string[] = [];
      for (let q = 1; q <= count; q += 1) {
        await expect(page.getByText(`Question ${q} of ${count}`)).toBeVisible();
        const title = (await page.getByRole('heading', { level: 2 }).first().textContent()) ?? '';
        found.push(...(await problemsAtBothWidths(page, `${difficulty} Q${q} (${title}) before`)));
        await answerAnything(page);
        await expect(page.getByRole('heading', { name: /^(Correct|Not right|Partly right|Not graded)/ })).toBeVisible();
        if (await page.getByRole('heading', { name: /^Not graded/ }).count()) {
          found.push(`${difficulty} Q${q} (${title}): the filler answer was not graded`);
          break;
        }
        found.push(...(await problemsAtBothWidths(page, `${difficulty} Q${q} (${title}) after`)));
        await page.getByRole('button', { name: q < count ? 'Next question' : 'See the summary' }).click();
      }
      expect(found).toEqual([]);
    });
  }
});

import { expect, test, type Page } from '@playwright/test';
import {
  contentDrawn,
  expectNoAxeViolations,
  layoutShift,
  screenshot,
  SCREENSHOTS_ON,
  useSystemTheme,
} from './support';

const ARTICLE = '/learn/external-traffic-policy';
const EXPLORER = '/learn/explorer';

/** Presses Tab until `target` has focus; fails if it never does. */
async function tabTo(page: Page, target: ReturnType<Page['locator']>, max = 80): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error('Tab never reached the target');
}

const layoutParam = (page: Page) => new URL(page.url()).searchParams.get('s');

test.describe('learn: the article', () => {
  // A long page with many figures: axe needs more than the default 30 s on two shared cores.
  test.setTimeout(180_000);

  test('reads as an article with engine figures, prerendered', async ({ page }) => {
    const response = await page.goto(ARTICLE);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('externalTrafficPolicy');
    await expect(
      page.getByRole('heading', { level: 2, name: 'The uneven-distribution problem' }),
    ).toBeVisible();
    // The corrected uneven example, from the engine: each Pod on node-a serves 1/6, the Pod on node-b 1/2.
    await expect(page.locator('[data-fact="article-uneven-local:shares.pods.web-a-1"]').first()).toHaveText(
      '1/6',
    );
    await expect(page.locator('[data-fact="article-uneven-local:shares.pods.web-b-1"]').first()).toHaveText(
      '1/2',
    );
    await expect(page.getByRole('img', { name: /three Pods on node-a/ }).first()).toBeVisible();
    await expectNoAxeViolations(page);
    await screenshot(page, 'learn-article');
  });

  test('has no axe violations in dark mode', async ({ page }) => {
    await page.goto(ARTICLE);
    await useSystemTheme(page, 'dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expectNoAxeViolations(page);
    await page.setViewportSize({ width: 375, height: 812 });
    await page.getByRole('heading', { name: 'The uneven-distribution problem' }).scrollIntoViewIfNeeded();
    if (SCREENSHOTS_ON) await page.screenshot({ path: 'tests/e2e/screenshots/learn-article-dark-375.png' });
  });

  test('has a table of contents whose links land on anchored headings', async ({ page }) => {
    await page.goto(ARTICLE);
    const toc = page.getByRole('navigation', { name: 'On this page' });
    await expect(toc).toBeVisible();
    const hrefs = await toc
      .getByRole('link')
      .evaluateAll((links) => links.map((l) => l.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(20);
    for (const href of hrefs) expect(await page.locator(`${href}:is(h2, h3)`).count(), href).toBe(1);
    // It stays in view while reading (sticky on wide screens).
    await page.getByRole('heading', { name: 'Terminating Pods' }).scrollIntoViewIfNeeded();
    await expect(toc).toBeInViewport();
    // A heading's anchor link appears on keyboard focus, and following it lands on the heading.
    const anchor = page.getByRole('link', { name: 'Link to the section “Dropped is not refused”' });
    await anchor.focus();
    await expect(anchor).toHaveCSS('opacity', '1');
    await anchor.press('Enter');
    await expect(page).toHaveURL(/#dropped-is-not-refused$/);
    await expect(page.getByRole('heading', { name: 'Dropped is not refused' })).toBeInViewport();
  });

  test('a deep link lands on its heading, which stays put while the page renders the rest (no layout shift)', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(`${ARTICLE}#the-uneven-distribution-problem`);
    const heading = page.getByRole('heading', { level: 2, name: 'The uneven-distribution problem' });
    const top = () => heading.evaluate((h) => Math.round(h.getBoundingClientRect().top));
    const before = await top();
    expect(before).toBeGreaterThanOrEqual(0);
    expect(before).toBeLessThan(120);
    // RenderLater renders the figures below the view once idle; those above are the browser's.
    await expect
      .poll(() => page.locator('.render-later[data-rendered]').count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    expect(await top()).toBe(before);
    expect(await layoutShift(page)).toBe(0);
    // Opened at a fragment, the article skips none of its prose (a block skipped there was drawn a frame late).
    expect(await contentDrawn(page.locator('article > .later-prose').last())).toEqual([true]);
    // A first frame painted while the header is still being parsed holds the brand's icon alone: the brand is as
    // tall as the theme toggle, so the row is as tall then as later (it grew, moving the name: shift 0.00012).
    const brand = await page.getByRole('link', { name: 'Service Traffic Trainer' }).boundingBox();
    const toggle = await page.getByRole('button', { name: /Switch to (light|dark) theme/ }).boundingBox();
    expect(brand!.height).toBeGreaterThanOrEqual(toggle!.height);
  });

  for (const width of [375, 1280]) {
    test(`its prose far below the view is skipped at first, in a place close to its own height (${width} px)`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height: 812 });
      await page.goto(ARTICLE);
      const prose = page.locator('article > .later-prose');
      const first = await contentDrawn(prose);
      expect(first.length).toBeGreaterThan(60);
      expect(first[0]).toBe(true); // the opening paragraph is drawn
      expect(first.at(-1)).toBe(false); // the last one, tens of screens down, is not
      // Find in page still reaches it: the text is in the document, not only on screen.
      await expect(prose.last()).toHaveText(/\w/);
      // The opening was drawn in the first frame: nothing in the article moved as the page loaded.
      const shiftedInArticle = await page.evaluate(
        () =>
          new Promise<string[]>((resolve) => {
            new PerformanceObserver((list) => {
              const entries = list.getEntries() as unknown as { sources: { node?: Node }[] }[];
              const article = document.querySelector('article')!;
              const nodes = entries
                .flatMap((e) => e.sources.map((s) => s.node))
                .filter((n) => n && article.contains(n));
              resolve(nodes.map((n) => (n as Element).outerHTML?.slice(0, 80) ?? n!.nodeName));
            }).observe({ type: 'layout-shift', buffered: true });
            setTimeout(() => resolve([]), 1000);
          }),
      );
      expect(shiftedInArticle).toEqual([]);

      const heights = () => prose.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
      const estimated = await heights();
      await page.addStyleTag({ content: '.later-prose { content-visibility: visible !important }' });
      const real = await heights();
      // The blocks that were skipped: their height was the estimate.
      const ratios = estimated
        .map((h, i) => h / real[i]!)
        .filter((_, i) => !first[i])
        .sort((a, b) => a - b);
      expect(ratios.length).toBeGreaterThan(40);
      const median = ratios[Math.floor(ratios.length / 2)]!;
      expect(median).toBeGreaterThan(0.85);
      expect(median).toBeLessThan(1.15);
    });
  }

  test('a link to a layout opens the explorer section with that layout, not the top', async ({ page }) => {
    await page.goto(`${ARTICLE}?s=1.C.it.h.nk.abc.arararbr.eb#explorer`);
    const explorer = page.locator('[data-explorer]');
    await expect(explorer.getByRole('radio', { name: 'Cluster' })).toBeChecked();
    await expect(page.getByRole('heading', { name: /Explorer: change the cluster/ })).toBeInViewport();
  });

  test('the small explorer after the TL;DR flips the policy and redraws', async ({ page }) => {
    await page.goto(ARTICLE);
    const mini = page.locator('[data-mini-explorer]');
    await expect(mini.getByRole('radio', { name: 'Local' })).toBeChecked();
    await expect(mini.getByRole('img', { name: /Try it: Local policy/ }).first()).toBeAttached();
    await mini.getByRole('radio', { name: 'Cluster' }).check();
    await expect(mini.getByText(/^Cluster: .* dropped/)).toBeVisible();
    await expect(mini.locator('svg[data-variant]').first()).toHaveAccessibleName(/Try it: Cluster policy/);
    await expect.poll(() => layoutParam(page)).toMatch(/^1\.C\./);
    await expectNoAxeViolations(page);
  });

  test('fits 375 px: only the diagram regions scroll sideways', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(ARTICLE);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test.describe('learn: the learning path', () => {
  for (const route of ['/learn', '/']) {
    test(`${route}: the learner's mastery arrives without moving the path`, async ({ page }) => {
      await page.setViewportSize({ width: 375, height: 812 });
      await page.goto(route);
      // A new learner: the line says "not started" once the record has loaded (after the page).
      await expect(page.getByTestId('mastery-external-traffic')).toContainText('Your mastery: not started');
      expect(await layoutShift(page)).toBe(0);
    });
  }
});

test.describe('learn: the explorer', () => {
  // axe over the whole explorer (controls, diagram, rules, artefacts) needs minutes on two shared cores.
  test.setTimeout(240_000);

  test('its HTML holds the whole explorer in place; without JavaScript it says so; with it, the controls take input once the engine is in', async ({
    page,
    request,
  }) => {
    // The prerendered HTML holds the whole explorer (its summary included) in the page's first pass, before the
    // footer: not a hidden block that a script moves in after the first paint (that moved the footer, a layout
    // shift, and delayed the page's largest paint). For a reader without JavaScript, a noscript line. (Chromium
    // shows noscript content only when scripting is off in its settings, which a test context cannot do, so
    // this reads the HTML.)
    const html = await (await request.get(EXPLORER)).text();
    expect(html).toContain('data-explorer-summary');
    expect(html.indexOf('data-explorer-summary')).toBeLessThan(html.indexOf('<footer'));
    expect(html).not.toMatch(/<div hidden id="S:/);
    // The diagram comes before the controls in the page, as on a phone's screen (a first paint of a partly read
    // page showed the controls where the diagram then appeared).
    expect(html.indexOf('data-diagram')).toBeLessThan(html.indexOf('<fieldset'));
    expect(html).toMatch(/<noscript>.*turn on JavaScript to change the layout.*<\/noscript>/);

    // The controls are disabled until the engine has arrived, so no choice is made in the form that the diagram
    // does not follow.
    await page.goto(EXPLORER);
    const cluster = page.getByRole('radio', { name: 'Cluster' });
    await expect(cluster).toBeEnabled();
    await cluster.check();
    await expect(page.locator('[data-explorer-summary]')).toContainText('Cluster:');
  });

  test('a linked layout shows once the engine is in; until then the explorer stays, its controls disabled', async ({
    page,
    request,
  }) => {
    // Hold back every script chunk the page's HTML does not name (the engine's is one), until released.
    const html = await (await request.get(EXPLORER)).text();
    const named = new Set([...html.matchAll(/static\/chunks\/([^"\\/]+\.js)/g)].map((m) => m[1]));
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/_next/static/chunks/**', async (route) => {
      const file = new URL(route.request().url()).pathname.split('/').pop() ?? '';
      if (file.endsWith('.js') && !named.has(file)) await released;
      await route.continue();
    });
    const linked = '1.C.nf.w.nx.abC.arbnct.pb';
    await page.goto(`${EXPLORER}?s=${linked}`, { waitUntil: 'domcontentloaded' });
    const explorer = page.locator('[data-explorer]');
    await expect(page.locator('[data-explorer-waiting]')).toHaveText(
      'Loading the routing engine to show the linked layout…',
    );
    await expect(page.locator('[data-explorer-loading]')).toHaveCount(0);
    await expect(explorer.locator('[data-diagram]')).toBeVisible();
    await expect(explorer.getByRole('radio', { name: 'Cluster' })).toBeDisabled();

    release();
    await expect(explorer).toHaveAttribute('data-engine', 'ready');
    await expect(page.locator('[data-explorer-waiting]')).toHaveCount(0);
    await expect(explorer.getByText(`(layout code ${linked})`)).toBeVisible();
    await expect(explorer.getByRole('radio', { name: 'Cluster' })).toBeChecked();
  });

  test('when the engine cannot be loaded, the explorer says so and keeps the layout computed ahead', async ({
    page,
  }) => {
    // A network failure for the engine's chunk: the one that exports runNodePort (run-engine.ts).
    await page.route('**/_next/static/chunks/*.js', async (route) => {
      const response = await route.fetch();
      if ((await response.text()).includes('"runNodePort"')) return route.abort('failed');
      return route.fulfill({ response });
    });
    await page.goto(EXPLORER);
    const explorer = page.locator('[data-explorer]');
    await expect(explorer.getByRole('alert')).toHaveText(
      'The routing engine could not be loaded (a network error?): reload the page to change the layout.',
    );
    await expect(explorer.locator('[data-explorer-summary]')).toBeVisible();
    await expect(explorer.getByRole('radio', { name: 'Cluster' })).toBeDisabled();
  });

  test('its rules and commands are rendered only once the page is idle, and that moves nothing', async ({
    page,
    browser,
  }) => {
    const blocks = (p: Page) =>
      p
        .locator('[data-rules-panel], section[aria-labelledby="explorer-artefacts"]')
        .evaluateAll((els) =>
          els.map((el) => ({
            rendered: el.hasAttribute('data-rendered'),
            shown: el.lastElementChild?.checkVisibility({ contentVisibilityAuto: true }) ?? false,
          })),
        );
    // The HTML and stylesheet alone (no script): both are below the view at 375 px, so the browser skips them.
    const bare = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 375, height: 812 },
    });
    const barePage = await bare.newPage();
    await barePage.goto(EXPLORER);
    expect(await blocks(barePage)).toEqual([
      { rendered: false, shown: false },
      { rendered: false, shown: false },
    ]);
    await bare.close();
    // With the page's script: rendered once idle, without a layout shift.
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(EXPLORER);
    await expect
      .poll(() => blocks(page), { timeout: 10_000 })
      .toEqual([
        { rendered: true, shown: true },
        { rendered: true, shown: true },
      ]);
    expect(await layoutShift(page)).toBe(0);
  });

  test('a visit that only reads loads neither the artefacts’ code nor yaml; reaching for the controls does, and a change shows its manifests in the blocks a reader opened', async ({
    page,
  }) => {
    const yamlChunks: string[] = [];
    page.on('response', async (response) => {
      if (!/\/_next\/static\/chunks\/.*\.js$/.test(response.url())) return;
      if ((await response.text().catch(() => '')).includes('YAMLMap')) yamlChunks.push(response.url());
    });
    await page.goto(EXPLORER);
    const explorer = page.locator('[data-explorer]');
    await expect(explorer).toHaveAttribute('data-engine', 'ready');
    // The default layout's artefacts are in the page as the server rendered them.
    await expect(page.getByLabel('Service manifest')).toContainText('externalTrafficPolicy: Local');
    await page.waitForLoadState('networkidle');
    expect(yamlChunks).toEqual([]);

    // A reader opens the Service manifest, then changes the layout: the block stays open with the new manifest.
    const block = page.locator('details', { has: page.getByLabel('Service manifest') });
    await block.locator('summary').click();
    await expect(block).toHaveAttribute('open', '');
    await explorer.getByRole('radio', { name: 'Cluster' }).click();
    await expect(page.getByLabel('Service manifest')).toContainText('externalTrafficPolicy: Cluster');
    await expect(block).toHaveAttribute('open', '');
    expect(yamlChunks.length).toBeGreaterThan(0);
  });

  test('is driven by keyboard alone, and the URL round-trip restores the layout', async ({ page }) => {
    await page.goto(EXPLORER);
    await expect(page.getByRole('heading', { name: /Explorer: change the cluster/ })).toBeVisible();
    const explorer = page.locator('[data-explorer]');

    // Flip the policy with the arrow keys.
    await tabTo(page, explorer.getByRole('radio', { name: 'Local' }));
    await page.keyboard.press('ArrowLeft');
    await expect(explorer.getByRole('radio', { name: 'Cluster' })).toBeChecked();
    await expect.poll(() => layoutParam(page)).toMatch(/^1\.C\./);

    // Add a Pod to node-c with Enter.
    await tabTo(page, explorer.getByRole('button', { name: 'Add a Pod to node-c' }));
    await page.keyboard.press('Enter');
    await expect(explorer.getByRole('combobox', { name: 'State of web-5' })).toBeVisible();

    // Mark it terminating: focus its state select and pick with the keyboard.
    await tabTo(page, explorer.getByRole('combobox', { name: 'State of web-5' }));
    await page.keyboard.press('End');
    await expect(explorer.getByRole('combobox', { name: 'State of web-5' })).toHaveValue('terminating');

    // Mark node-b as being deleted by the autoscaler, with Space.
    await explorer.getByRole('checkbox', { name: 'Autoscaler is deleting node-b' }).focus();
    await page.keyboard.press('Space');
    await expect(explorer.getByRole('checkbox', { name: 'Autoscaler is deleting node-b' })).toBeChecked();

    const layout = layoutParam(page);
    expect(layout).toBe('1.C.it.h.nk.aBc.arararbtct.ea');
    const sharesBefore = await explorer
      .getByRole('table', { name: 'Shares of new connections through the load balancer' })
      .innerText();

    // A fresh page from the shared link shows the same layout and the same answers.
    const copy = await page.context().newPage();
    await copy.goto(`${EXPLORER}?s=${layout}`);
    const restored = copy.locator('[data-explorer]');
    await expect(restored.getByRole('radio', { name: 'Cluster' })).toBeChecked();
    await expect(restored.getByRole('checkbox', { name: 'Autoscaler is deleting node-b' })).toBeChecked();
    await expect(restored.getByRole('combobox', { name: 'State of web-5' })).toHaveValue('terminating');
    expect(
      await restored
        .getByRole('table', { name: 'Shares of new connections through the load balancer' })
        .innerText(),
    ).toBe(sharesBefore);
    await copy.close();

    await expectNoAxeViolations(page);
    await screenshot(page, 'learn-explorer');
  });

  test('sending traffic from a node updates the packet walk at once', async ({ page }) => {
    await page.goto(EXPLORER);
    const explorer = page.locator('[data-explorer]');
    // The server's HTML is there before React hydrates it: a choice made before that is lost, so choose until it holds.
    await expect(async () => {
      await explorer.getByRole('combobox', { name: 'From' }).selectOption('node');
      await expect(explorer.getByRole('combobox', { name: 'Sender’s node' })).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 60_000 });
    await explorer.getByRole('combobox', { name: 'Sender’s node' }).selectOption('node-c');
    await expect(explorer.getByRole('heading', { name: /From the host network of node-c/ })).toBeVisible();
    // A sender inside the cluster dials the ClusterIP first (the ninth part: dc).
    await expect.poll(() => layoutParam(page)).toMatch(/\.nc\.dc$/);
  });

  test('inside traffic: destination, internalTrafficPolicy, affinity, zones and trafficDistribution by keyboard alone', async ({
    page,
  }) => {
    await page.goto(EXPLORER);
    const explorer = page.locator('[data-explorer]');
    const summary = explorer.locator('[data-explorer-summary]');
    const lands = (node: string) =>
      explorer
        .getByRole('region', { name: `From Pod client to the ClusterIP arriving at ${node}: backends` })
        .getByRole('table');

    // A client Pod on node-c: ArrowDown in "From" picks the second option, End picks the last node.
    await tabTo(page, explorer.getByRole('combobox', { name: 'From' }));
    await page.keyboard.press('ArrowDown');
    await expect(explorer.getByRole('combobox', { name: 'From' })).toHaveValue('pod');
    await page.keyboard.press('Tab');
    await page.keyboard.press('End');
    await expect(explorer.getByRole('combobox', { name: 'Sender’s node' })).toHaveValue('2');
    await page.keyboard.press('Tab');
    await expect(explorer.getByRole('combobox', { name: 'Destination' })).toBeFocused();
    await expect(explorer.getByRole('combobox', { name: 'Destination' })).toHaveValue('clusterIP');
    // R-INT-1: the Cluster set, four ready endpoints: 1/4 each.
    await expect(summary).toContainText(
      'to the ClusterIP: served by 4 Pods (web-1: 1/4, web-2: 1/4, web-3: 1/4, web-4: 1/4)',
    );

    // internalTrafficPolicy Local: node-c has no endpoint, so the packet is dropped (R-INT-3); back to Cluster.
    await page.keyboard.press('Tab');
    await expect(
      explorer.getByRole('combobox', { name: 'internalTrafficPolicy (ClusterIP traffic)' }),
    ).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(summary).toContainText('Traffic from Pod client to the ClusterIP: dropped');
    await expect.poll(() => layoutParam(page)).toBe('1.L.it.h.nk.abc.arararbr.pc.dcil');
    await page.keyboard.press('ArrowUp');
    await expect(summary).toContainText('served by 4 Pods');

    // ClientIP affinity with a 60 s timeout typed in.
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await expect(explorer.getByRole('combobox', { name: 'sessionAffinity' })).toHaveValue('ClientIP');
    await page.keyboard.press('Tab');
    await expect(explorer.getByRole('spinbutton', { name: 'Affinity timeout (seconds)' })).toBeFocused();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('60');
    await expect(summary).toContainText('the client then sticks to one Pod for 60 s');

    // PreferClose, then zone-a, zone-b, zone-c on the three nodes.
    await page.keyboard.press('Tab');
    await expect(explorer.getByRole('combobox', { name: 'trafficDistribution' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    for (const [node, presses] of [
      ['node-a', 1],
      ['node-b', 2],
      ['node-c', 3],
    ] as const) {
      await page.keyboard.press('Tab');
      await expect(explorer.getByRole('combobox', { name: `Zone of ${node}` })).toBeFocused();
      for (let i = 0; i < presses; i += 1) await page.keyboard.press('ArrowDown');
    }
    await expect.poll(() => layoutParam(page)).toBe('1.L.it.h.nk.abc.arararbr.pc.dca60zabctc');

    // R-EP-5: no endpoint is hinted for zone-c, so node-c falls back to all four; from node-b only zone-b's web-4.
    await expect(summary).toContainText('Hints fall back: node-c uses all endpoints');
    await expect(lands('node-c').getByRole('row', { name: /^web-4 1\/4 / })).toBeVisible();
    await explorer.getByRole('combobox', { name: 'Sender’s node' }).focus();
    await page.keyboard.press('ArrowUp');
    await expect(summary).toContainText('served by 1 Pod (web-4: 1)');
    await expect(summary).toContainText('Hints: node-b keeps its zone’s endpoints');
    await expect(explorer.getByRole('region', { name: 'Zones and topology hints' })).toContainText(
      "node-b's zone zone-b",
    );

    await expectNoAxeViolations(page);
    await screenshot(page, 'learn-explorer-inside-light');
    await useSystemTheme(page, 'dark');
    await expect(explorer.getByRole('combobox', { name: 'trafficDistribution' })).toHaveValue('PreferClose');
    await expectNoAxeViolations(page);
    await screenshot(page, 'learn-explorer-inside-dark');
  });
});

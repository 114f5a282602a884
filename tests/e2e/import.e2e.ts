import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { stringify } from 'yaml';
import { NODES, PODS, cluster } from '../bench/kubectl-cluster';
import { expectNoAxeViolations, screenshot, useSystemTheme, watchConsoleErrors } from './support';

const IMPORT = '/learn/import';
const FIXTURES = path.join(__dirname, '..', 'fixtures', 'import');
const kind = readFileSync(path.join(FIXTURES, 'kind.yaml'), 'utf8');

/** Presses Tab until `target` has focus; fails if it never does. */
async function tabTo(page: Page, target: ReturnType<Page['locator']>, max = 40): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error('Tab never reached the target');
}

test.describe('import: explain my cluster', () => {
  test.setTimeout(300_000);

  test('paste the kind cluster, keep the defaults, see the explorer’s prediction — by keyboard, nothing sent', async ({ page }) => {
    const errors = watchConsoleErrors(page);
    const requests: string[] = [];
    await page.goto(IMPORT);
    await expect(page.getByRole('heading', { level: 1, name: 'Explain my cluster' })).toBeVisible();
    await expect(page.getByText('Nothing leaves your browser.')).toBeVisible();
    await expectNoAxeViolations(page);
    await screenshot(page, 'import-empty');

    // From here on, the page may fetch its own assets, but send nothing: no POST, no URL with the input in it.
    page.on('request', (r) => {
      if (r.method() !== 'GET' || /kind-|10\.244\.|default%2Fweb|default\/web/.test(r.url())) requests.push(`${r.method()} ${r.url()}`);
    });
    const textarea = page.getByRole('textbox', { name: /Paste the output/ });
    await textarea.fill(kind);
    await textarea.focus();
    await tabTo(page, page.getByRole('button', { name: 'Read the cluster' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: '2. What was read: Service default/web' })).toBeFocused();
    await expect(page.getByRole('combobox', { name: /network plugin/ })).toHaveValue('kindnet');
    await tabTo(page, page.getByRole('button', { name: 'Open in the explorer' }));
    await page.keyboard.press('Enter');

    const explorer = page.getByRole('region', { name: 'Explorer: default/web' });
    await expect(explorer).toBeVisible();
    // NodePort, Local: traffic entering the control plane (no local endpoint) is dropped; kind-worker's two Pods share it.
    await expect(explorer.locator('[data-explorer-summary]')).toContainText('Outside traffic entering kind-control-plane: dropped');
    await explorer.getByRole('combobox', { name: /NodePort of/ }).selectOption('kind-worker');
    await expect(explorer.locator('[data-explorer-summary]')).toContainText('served by 2 Pods, which see the client’s own IP');
    await expect(explorer.getByRole('img', { name: /Local policy, 3 nodes, 3 Pods/ }).first()).toBeAttached();
    expect(page.url()).toMatch(/#scenario=[0-9a-f]{16}$/);
    expect(requests).toEqual([]);
    await expectNoAxeViolations(page);
    await screenshot(page, 'import-kind');
    await useSystemTheme(page, 'dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expectNoAxeViolations(page);
    await screenshot(page, 'import-kind-dark');

    // A reload keeps the explorer (this tab's sessionStorage, keyed by the fragment).
    await page.reload();
    await expect(page.getByRole('region', { name: 'Explorer: default/web' })).toBeVisible();
    expect(errors()).toEqual([]);
  });

  test('drop a file, and pick one', async ({ page }) => {
    await page.goto(IMPORT);
    const form = page.locator('[data-import-form]');
    const data = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'kind.yaml', { type: 'application/yaml' }));
      return dt;
    }, kind);
    await form.dispatchEvent('dragover', { dataTransfer: data });
    await form.dispatchEvent('drop', { dataTransfer: data });
    await expect(page.getByText('Read from the file kind.yaml')).toBeVisible();
    await expect(page.getByRole('heading', { name: '2. What was read: Service default/web' })).toBeVisible();

    await page.getByRole('button', { name: 'Paste text instead' }).click();
    await page.getByLabel('Or choose a file').setInputFiles(path.join(FIXTURES, 'eks.yaml'));
    await expect(page.getByText('Read from the file eks.yaml')).toBeVisible();
    await expect(page.getByRole('combobox', { name: /load balancer in front/ })).toHaveValue(/^aws-/);
  });

  test('a bad file shows the located error, never its content', async ({ page }) => {
    await page.goto(IMPORT);
    const bad = kind.replace('    podCIDRs:\n    - 10.244.0.0/24\n', '    podCIDRs: 10.244.0.0/24\n');
    const line = bad.split('\n').indexOf('    podCIDRs: 10.244.0.0/24') + 1;
    await page.getByLabel('Or choose a file').setInputFiles({ name: 'bad.yaml', mimeType: 'application/yaml', buffer: Buffer.from(bad) });
    const alert = page.locator('[data-import-errors]');
    await expect(alert).toContainText(`document 1, items[0].spec.podCIDRs (line ${line}): Node: must be a list`);
    await expect(page.locator('[data-import-result]')).not.toContainText('aHVudGVy');
    await expectNoAxeViolations(page);
    await screenshot(page, 'import-error');
  });
});

test.describe('import: a large cluster', () => {
  test.setTimeout(300_000);

  test('500 nodes and 10,000 Pods: read in the browser, drawn as groups, the explorer answers', async ({ page }, info) => {
    const text = stringify(cluster(), { indentSeq: false });
    await page.goto(IMPORT);
    await page.getByLabel('Or choose a file').setInputFiles({ name: 'large.yaml', mimeType: 'application/yaml', buffer: Buffer.from(text) });
    await expect(page.getByText(`${NODES} nodes and ${PODS} endpoints of LoadBalancer Service default/web.`)).toBeVisible({ timeout: 120_000 });
    const ms = Number(await page.locator('[data-import-ms]').getAttribute('data-import-ms'));
    info.annotations.push({ type: 'import-ms', description: `${ms} ms for ${(text.length / 1e6).toFixed(1)} MB of YAML (machine load: see the bench's baseline)` });
    console.log(`import of ${NODES} nodes / ${PODS} Pods (YAML, ${(text.length / 1e6).toFixed(1)} MB) in the browser: ${ms} ms`);
    await page.getByRole('button', { name: 'Open in the explorer' }).click();
    const explorer = page.locator('[data-explorer]');
    // Nodes are grouped (three zones, alike otherwise); only the followed flow is traced.
    await expect(explorer.locator('[data-grouped] [data-group]')).toHaveCount(3, { timeout: 60_000 });
    await expect(explorer.locator('[data-explorer-summary]')).toContainText('Outside traffic entering node-000');
    const t0 = Date.now();
    await explorer.getByRole('combobox', { name: /balancer’s traffic entering/ }).selectOption('node-250');
    await expect(explorer.locator('[data-explorer-summary]')).toContainText('Outside traffic entering node-250');
    console.log(`following another node: ${Date.now() - t0} ms`);
    await expectNoAxeViolations(page);
    await screenshot(page, 'import-large');
  });
});

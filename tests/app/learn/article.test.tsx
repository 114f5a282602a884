/** @jest-environment jsdom */
import { readFileSync, readdirSync } from 'node:fs';
import { TextEncoder } from 'node:util';
import { render, screen, waitFor, within } from '@testing-library/react';
import { evaluate, type Answer } from '@/lib/engine';
import { readScenarioText } from '@/lib/engine/text';
import Article from '@/content/external-traffic-policy.mdx';
import ExternalTrafficPolicyPage from '@/app/learn/external-traffic-policy/page';

// jsdom has no TextEncoder; the engine's reader uses it to measure the text.
globalThis.TextEncoder ??= TextEncoder as typeof globalThis.TextEncoder;

const source = readFileSync('content/external-traffic-policy.mdx', 'utf8');
const answers = new Map<string, Answer>();
function answerOf(name: string): Answer {
  const hit = answers.get(name);
  if (hit) return hit;
  const read = readScenarioText(readFileSync(`content/scenarios/${name}.yaml`, 'utf8'), 'yaml');
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  const answer = evaluate(read.scenario);
  answers.set(name, answer);
  return answer;
}
const at = (root: unknown, path: string) => path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], root);

describe('the externalTrafficPolicy article', () => {
  it('renders as the page, with one h1 and the sections of the topic', () => {
    render(<ExternalTrafficPolicyPage />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(/externalTrafficPolicy/);
    const h2 = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    for (const section of [
      'TL;DR',
      'What the field is, and where it applies',
      'Cluster: any Pod, always translated',
      'Local: only the Pods on the receiving node',
      'The uneven-distribution problem',
      'Ways to even out Local',
      'The two Services side by side',
      'What the Pod actually logs',
      'Dropped is not refused',
      'Traffic from inside the cluster',
      'Terminating Pods',
      'Choosing',
      'Why interviewers ask about it',
      'Follow-up questions',
      'Key takeaways',
    ]) {
      expect(h2).toContain(section);
    }
  });

  it('shows every inline fact exactly as the engine computes it for the named scenario', () => {
    const { container } = render(<Article />);
    const facts = [...container.querySelectorAll<HTMLElement>('[data-fact]')];
    expect(facts.length).toBe((source.match(/<Fact /g) ?? []).length);
    for (const el of facts) {
      const [name, path] = (el.dataset.fact ?? '').split(':') as [string, string];
      expect({ fact: el.dataset.fact, text: el.textContent }).toEqual({ fact: el.dataset.fact, text: String(at(answerOf(name), path)) });
    }
  });

  it('states the corrected numbers for the seed’s uneven example', () => {
    const { container } = render(<Article />);
    const fact = (name: string, path: string) => container.querySelector(`[data-fact="${name}:${path}"]`)?.textContent;
    const local = answerOf('article-uneven-local');
    expect(fact('article-uneven-local', 'loadBalancer.node-a')).toBe(local.loadBalancer?.['node-a']);
    expect(fact('article-uneven-local', 'shares.pods.web-a-1')).toBe(local.shares?.pods['web-a-1']);
    expect(fact('article-uneven-local', 'shares.pods.web-b-1')).toBe(local.shares?.pods['web-b-1']);
    expect(fact('article-uneven-window', 'loadBalancer.node-c')).toBe(answerOf('article-uneven-window').loadBalancer?.['node-c']);
    expect(fact('article-uneven-weighted', 'shares.pods.web-b-1')).toBe(answerOf('article-uneven-weighted').shares?.pods['web-b-1']);
  });

  it('draws every figure from a scenario that exists, and uses every article scenario', () => {
    const named = new Set([...source.matchAll(/name="([a-z0-9-]+)"/g)].map((m) => m[1]));
    const files = readdirSync('content/scenarios').filter((f) => f.startsWith('article-')).map((f) => f.replace(/\.yaml$/, ''));
    expect([...named].sort()).toEqual(files.sort());
  });

  it('renders every share table with the engine’s shares', () => {
    render(<Article />);
    for (const m of source.matchAll(/<ShareTable name="([a-z0-9-]+)"/g)) {
      const name = m[1]!;
      const answer = answerOf(name);
      const tables = screen.getAllByRole('table').filter((t) => within(t).queryByText(/Shares of new connections/) !== null);
      const table = tables.find((t) => within(t).queryAllByRole('rowheader').length > 0 && t.querySelector('caption')?.textContent?.includes(nameTitle(name)));
      expect(table).toBeDefined();
      const dropped = within(table!).getByRole('rowheader', { name: 'Dropped' }).closest('tr')!;
      expect(within(dropped).getByRole('cell').textContent).toBe(answer.shares?.dropped);
    }
  });

  it('gives the three source addresses a masqueraded Pod can see, by network plugin, and marks where the engine figure goes', () => {
    render(<Article />);
    const table = screen.getByRole('table', { name: /source address a masqueraded Pod sees, by network plugin/ });
    const rows = within(table).getAllByRole('rowheader').map((h) => h.textContent ?? '');
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/gateway of the node's Pod subnet/);
    expect(rows[1]).toMatch(/node IP/);
    expect(rows[2]).toMatch(/tunnel address/);
    const when = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.textContent ?? '');
    expect(when[0]).toMatch(/kindnet/);
    expect(when[1]).toMatch(/Calico/);
    expect(when[1]).toMatch(/AWS VPC CNI/);
    expect(when[2]).toMatch(/flannel/);
    // The engine's figure for the three cases (R-CNI-2/3): a bridge's gateway, the node IP, the tunnel address.
    const cniTable = screen.getByRole('table', { name: /What a masqueraded Pod sees when node-a/ });
    const cells = within(cniTable)
      .getAllByRole('row')
      .slice(1)
      .map((r) => Array.from(r.querySelectorAll('td')).map((c) => c.textContent));
    expect(cells).toEqual([
      ['10.244.1.1 (bridge)', '10.0.1.10 (node)'],
      ['10.0.1.10 (node)', '10.0.1.10 (node)'],
      ['10.244.1.1 (bridge)', '10.244.1.0 (tunnel)'],
    ]);
  });

  it('puts the live explorer on the article, loaded as an island', async () => {
    const { container } = render(<Article />);
    expect(within(container.querySelector('[data-explorer-placeholder]') as HTMLElement).getByRole('link', { name: 'Open it on its own page' })).toHaveAttribute(
      'href',
      '/learn/explorer',
    );
    await waitFor(() => expect(container.querySelector('[data-explorer]')).not.toBeNull(), { timeout: 15_000 });
    expect(within(container.querySelector('[data-explorer]') as HTMLElement).getByRole('combobox', { name: 'Proxy mode' })).toHaveValue('iptables');
  }, 30_000);
});

function nameTitle(name: string): string {
  const text = readFileSync(`content/scenarios/${name}.yaml`, 'utf8');
  return /^name: "(.*)"$/m.exec(text)?.[1] ?? name;
}

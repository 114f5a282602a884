/** @jest-environment jsdom */
import { readFileSync } from 'node:fs';
import { TextEncoder } from 'node:util';
import { render, screen, within } from '@testing-library/react';
import { evaluate } from '@/lib/engine';
import { readScenarioText } from '@/lib/engine/text';
import {
  Fact,
  HealthCheckTable,
  PolicyChainsFigure,
  PacketWalk,
  ScenarioDiagram,
  ServiceManifest,
  ShareTable,
  ValidationErrors,
} from '@/app/_components/article';
import { parse } from 'yaml';
import { renderIptables, serviceChainNames } from '@/lib/engine/rules';

// jsdom has no TextEncoder; the engine's reader uses it to measure the text.
globalThis.TextEncoder ??= TextEncoder as typeof globalThis.TextEncoder;

/** The engine's answer computed here, independently of the components under test. */
function engine(name: string) {
  const read = readScenarioText(readFileSync(`content/scenarios/${name}.yaml`, 'utf8'), 'yaml');
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  return { scenario: read.scenario, answer: evaluate(read.scenario) };
}
const cells = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent);
const row = (table: HTMLElement, header: string | RegExp) =>
  within(table).getByRole('rowheader', { name: header }).closest('tr') as HTMLElement;

const LB_SCENARIOS = [
  'article-uneven-local',
  'article-cluster-uneven',
  'article-uneven-window',
  'article-uneven-weighted',
  'article-terminating-local',
  'article-spread-local',
  'article-ip-targets',
];
const LOCAL_SCENARIOS = ['article-local-two-nodes', 'article-uneven-local', 'article-terminating-local'];

describe('article figures show exactly the engine’s values', () => {
  it.each(LB_SCENARIOS)('ShareTable %s', (name) => {
    const { scenario, answer } = engine(name);
    render(<ShareTable name={name} />);
    const table = screen.getByRole('table');
    for (const node of scenario.cluster.nodes) {
      const [lb, served, pods] = cells(row(table, node.name));
      expect(lb).toBe(answer.loadBalancer?.[node.name]);
      expect(served).toBe(answer.shares?.nodes[node.name]);
      for (const ep of scenario.endpoints.filter((e) => e.node === node.name))
        expect(pods).toContain(`${ep.pod}: ${answer.shares?.pods[ep.pod]}`);
    }
    expect(cells(row(table, 'Dropped'))).toEqual([answer.shares?.dropped]);
    expect(cells(row(table, 'Rejected'))).toEqual([answer.shares?.rejected]);
    expect(cells(row(table, 'Crosses nodes'))).toEqual([answer.shares?.crossNode]);
  });

  it.each(LOCAL_SCENARIOS)('HealthCheckTable %s: status, weight header and the byte-exact body', (name) => {
    const { answer } = engine(name);
    render(<HealthCheckTable name={name} />);
    const table = screen.getByRole('table');
    for (const [node, hc] of Object.entries(answer.healthChecks?.nodes ?? {})) {
      const [status, weight, body] = cells(
        row(table, `GET http://${node}:${answer.healthChecks?.port}/healthz`),
      );
      expect(status?.startsWith(String(hc.status))).toBe(true);
      expect(weight).toBe(hc.headers['X-Load-Balancing-Endpoint-Weight']);
      expect(body).toBe(hc.body);
    }
  });

  it('HealthCheckTable says there is no port when the Service has none', () => {
    render(<HealthCheckTable name="article-cluster-uneven" />);
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText(/none\. kube-proxy opens a health-check node port only/)).toBeInTheDocument();
  });

  it.each([
    ['article-cluster-uneven', 0],
    ['article-local-two-nodes', 0],
    ['article-inside-traffic', 1],
    ['article-ipvs-local', 2],
    ['article-cilium-snat', 0],
    ['article-proxy-lb', 0],
  ])('PacketWalk %s flow %i: every step and every backend', (name, index) => {
    const flow = engine(name).answer.flows[index]!;
    render(<PacketWalk name={name} flow={index} />);
    const steps = within(screen.getByRole('list'))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(steps).toEqual(flow.steps);
    if (flow.backends.length === 0) {
      expect(screen.queryByRole('table')).toBeNull();
      return;
    }
    const table = screen.getByRole('table');
    for (const b of flow.backends) {
      const [probability, crosses, source] = cells(row(table, b.pod));
      expect(probability).toBe(b.probability);
      expect(crosses).toBe(b.crossesNodes ? 'yes' : 'no');
      expect(source?.startsWith(b.sourceIp + ' ')).toBe(true);
    }
  });

  it('PacketWalk names a missing flow', () => {
    expect(() => render(<PacketWalk name="article-uneven-local" flow={9} />)).toThrow(
      /has 3 flows; there is no flow 9/,
    );
  });

  it.each([
    ['article-uneven-local', 'shares.pods.web-b-1'],
    ['article-uneven-window', 'shares.dropped'],
    ['article-local-two-nodes', 'healthChecks.nodes.node-a.status'],
    ['article-cluster-uneven', 'flows.1.backends.0.sourceIp'],
  ])('Fact %s %s', (name, path) => {
    const { answer } = engine(name);
    render(<Fact name={name} path={path} />);
    const expected = path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], answer);
    expect(screen.getByText(String(expected))).toHaveAttribute('data-fact', `${name}:${path}`);
  });

  it.each(['article-invalid-clusterip', 'article-invalid-hcnp'])(
    'ValidationErrors %s prints the API server’s messages',
    (name) => {
      const { answer } = engine(name);
      render(<ValidationErrors name={name} />);
      expect(answer.validation.errors.length).toBeGreaterThan(0);
      for (const e of answer.validation.errors)
        expect(screen.getByLabelText('kubectl output').textContent).toContain(`is invalid: ${e}`);
    },
  );

  it('ServiceManifest prints the Service spec the scenario states', () => {
    render(<ServiceManifest name="article-uneven-local" label="Local" />);
    const manifest = parse(screen.getByLabelText('Local').textContent ?? '');
    const doc = parse(readFileSync('content/scenarios/article-uneven-local.yaml', 'utf8'));
    expect(manifest).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: doc.service.metadata,
      spec: doc.service.spec,
    });
  });

  it('ScenarioDiagram draws the named scenario with its engine shares', () => {
    const { answer } = engine('article-uneven-local');
    render(<ScenarioDiagram name="article-uneven-local" flow={0} />);
    // Drawn twice, a row and a stack of nodes; CSS shows one (jsdom applies no CSS, so both are in its tree).
    const drawings = screen.getAllByRole('img', { name: /Local: three Pods on node-a/ });
    expect(drawings.map((d) => d.getAttribute('data-variant'))).toEqual(['row', 'stack']);
    const table = screen.getByRole('table', { name: /: Pods$/ });
    expect(cells(row(table, 'web-b-1'))[2]).toBe(answer.shares?.pods['web-b-1']);
  });
});

describe('PolicyChainsFigure: the KUBE-EXT / KUBE-SVL difference, from the renderer', () => {
  it('shows, per policy, exactly the lines renderIptables writes for the external chain and its target', () => {
    const { scenario } = engine('article-local-two-nodes');
    render(<PolicyChainsFigure name="article-local-two-nodes" node="node-b" />);
    const names = serviceChainNames('default/web', 'tcp');
    for (const policy of ['Cluster', 'Local'] as const) {
      const r = renderIptables(
        { ...scenario, service: { ...scenario.service, externalTrafficPolicy: policy } },
        'node-b',
      );
      const target = policy === 'Local' ? names.local : names.cluster;
      const expected = [names.external, target].flatMap((c) => [
        `# nat ${c}`,
        ...r.nat.rules.filter((x) => x.chain === c).map((x) => x.line),
      ]);
      const block = screen.getByLabelText(`kube-proxy rules on node-b under ${policy}`);
      expect(block.textContent).toBe(expected.join('\n'));
    }
  });

  it('Cluster masquerades everything entering KUBE-EXT; Local jumps to KUBE-SVL unmasqueraded (R-EXT-1, R-EXT-6)', () => {
    render(<PolicyChainsFigure name="article-local-two-nodes" node="node-b" />);
    const cluster = screen.getByLabelText('kube-proxy rules on node-b under Cluster').textContent ?? '';
    const local = screen.getByLabelText('kube-proxy rules on node-b under Local').textContent ?? '';
    expect(cluster).toMatch(/masquerade traffic for default\/web external destinations" -j KUBE-MARK-MASQ/);
    expect(cluster).not.toContain('KUBE-SVL-');
    expect(local).toMatch(/^-A KUBE-EXT-\w+ -j KUBE-SVL-\w+$/m);
    expect(local).toMatch(/--probability 0\.5000000000 -j KUBE-SEP-/);
  });
});

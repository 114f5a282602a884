/** @jest-environment jsdom */
import { render, screen, within } from '@testing-library/react';
import { evaluate, parseScenario, type ScenarioInput } from '@/lib/engine';
import { drawsGroups, groupNodes } from '@/app/_components/cluster-diagram/groups';
import { GroupedClusterDiagram } from '@/app/_components/cluster-diagram/grouped-diagram';
import { ScenarioExplorer } from '@/app/learn/_explorer/scenario-explorer';

/** 30 nodes in zones a, b, c (10 each); two ready Pods per node, except zone c where one of the two is not ready. */
function cluster(policy: 'Local' | 'Cluster' = 'Local'): ScenarioInput {
  const zones = ['a', 'b', 'c'];
  const nodes = Array.from({ length: 30 }, (_, i) => ({ name: `n${String(i).padStart(2, '0')}`, ip: `10.0.1.${i + 10}`, zone: zones[Math.floor(i / 10)] }));
  const pods = nodes.flatMap((n, i) => [0, 1].map((j) => ({ name: `web-${i}-${j}`, node: n.name, ip: `10.244.${i}.${j + 5}`, labels: { app: 'web' }, ready: !(n.zone === 'c' && j === 1) })));
  return {
    cluster: { nodes, pods },
    service: { metadata: { name: 'web' }, spec: { type: 'LoadBalancer', externalTrafficPolicy: policy, selector: { app: 'web' }, ports: [{ port: 80 }] }, status: { loadBalancer: { ingress: [{ ip: '203.0.113.10' }] } } },
  } as ScenarioInput;
}
function evaluated(input: ScenarioInput) {
  const p = parseScenario(input);
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  return { scenario: p.scenario, answer: evaluate(p.scenario) };
}

describe('groupNodes', () => {
  it('groups nodes that behave alike: same zone, same Pods by state, same share and health check', () => {
    const { scenario, answer } = evaluated(cluster());
    expect(drawsGroups(scenario)).toBe(true);
    const flow = answer.flows.find((f) => f.node === 'n25');
    const groups = groupNodes(scenario, answer, flow);
    expect(groups.map((g) => [g.zone, g.nodes.length, g.pods])).toEqual([
      ['a', 10, { ready: 2 }],
      ['b', 10, { ready: 2 }],
      ['c', 10, { ready: 1, 'not-ready': 1 }],
    ]);
    // Local: every node has a ready endpoint, so every health check answers 200, with its local ready count.
    expect(groups.map((g) => [g.healthCheck?.status, g.healthCheck?.weight])).toEqual([[200, '2'], [200, '2'], [200, '1']]);
    // Local keeps traffic on the node it enters: all of n25's flow lands in zone c's group.
    expect(groups.map((g) => [g.entry, g.flowShare])).toEqual([[null, '0'], [null, '0'], ['n25', '1']]);
  });
  it('Cluster spreads a flow over every ready Pod: each group gets its count of the 50', () => {
    const { scenario, answer } = evaluated(cluster('Cluster'));
    const groups = groupNodes(scenario, answer, answer.flows[0]);
    expect(groups.map((g) => g.flowShare)).toEqual(['2/5', '2/5', '1/5']);
  });
});

describe('the grouped diagram and the scenario explorer on a large cluster', () => {
  it('draws one card per group, the entry group marked', () => {
    const { scenario, answer } = evaluated(cluster());
    render(<GroupedClusterDiagram id="g" scenario={scenario} answer={answer} highlightFlow={answer.flows.findIndex((f) => f.node === 'n25')} title="Big" />);
    const cards = within(screen.getByRole('list', { name: 'Big: groups of nodes' })).getAllByRole('listitem');
    expect(cards).toHaveLength(3);
    expect(cards[2]).toHaveTextContent('10 nodes in c');
    expect(cards[2]).toHaveTextContent('n20 … n29');
    expect(cards[2]).toHaveTextContent('Highlighted flow enters at n25');
  });
  it('the explorer draws groups, traces only the followed flow and renders the per-node tables when opened', async () => {
    const { container } = render(<ScenarioExplorer input={cluster()} title="Big" />);
    expect(container.querySelector('[data-grouped]')).not.toBeNull();
    expect(container.querySelectorAll('svg')).toHaveLength(0);
    expect(screen.queryByRole('table', { name: 'Shares of new connections through the load balancer' })).not.toBeInTheDocument();
    const details = screen.getByText(/Shares of new connections, node by node/).closest('details')!;
    details.open = true;
    details.dispatchEvent(new Event('toggle'));
    expect(await screen.findByRole('table', { name: 'Shares of new connections through the load balancer' })).toBeInTheDocument();
  });
});

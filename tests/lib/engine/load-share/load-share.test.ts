/**
 * Load shares: the two-stage model (R-LB-6), balancing models (R-LB-6, R-LB-7, R-CLOUD-*), and the seed
 * article's examples (routing-semantics.md §12): 3 nodes, A: 3 Pods, B: 1, C: 0.
 */
import { evaluate, parseShare, sumShares } from '@/lib/engine';
import type { Answer } from '@/lib/engine';
import { buildScenario, seedScenario } from '../support/scenario-builder';

const sharesOf = (a: Answer) => ({ lb: a.loadBalancer, ...a.shares! });

describe('seed example (R-LB-6, R-LB-7)', () => {
  it.each([
    [
      'R-LB-6: eTP Local, healthy-nodes: A 1/2, B 1/2, C 0; each Pod on A 1/6, on B 1/2',
      'Local', 'healthy-nodes',
      { 'node-a': '1/2', 'node-b': '1/2', 'node-c': '0' },
      { 'a-1': '1/6', 'a-2': '1/6', 'a-3': '1/6', 'b-1': '1/2' },
      { 'node-a': '1/2', 'node-b': '1/2', 'node-c': '0' },
      '0', '0',
    ],
    [
      "R-LB-7: eTP Local, all-nodes (before checks converge): C's third is dropped",
      'Local', 'all-nodes',
      { 'node-a': '1/3', 'node-b': '1/3', 'node-c': '1/3' },
      { 'a-1': '1/9', 'a-2': '1/9', 'a-3': '1/9', 'b-1': '1/3' },
      { 'node-a': '1/3', 'node-b': '1/3', 'node-c': '0' },
      '1/3', '0',
    ],
    [
      'R-LB-6/R-CLOUD-WEIGHT: eTP Local, weighted by X-Load-Balancing-Endpoint-Weight: every Pod 1/4',
      'Local', 'weighted',
      { 'node-a': '3/4', 'node-b': '1/4', 'node-c': '0' },
      { 'a-1': '1/4', 'a-2': '1/4', 'a-3': '1/4', 'b-1': '1/4' },
      { 'node-a': '3/4', 'node-b': '1/4', 'node-c': '0' },
      '0', '0',
    ],
    [
      'R-LB-4/R-X-2: eTP Cluster: every Pod 1/4, 2/3 of connections cross nodes',
      'Cluster', 'healthy-nodes',
      { 'node-a': '1/3', 'node-b': '1/3', 'node-c': '1/3' },
      { 'a-1': '1/4', 'a-2': '1/4', 'a-3': '1/4', 'b-1': '1/4' },
      { 'node-a': '3/4', 'node-b': '1/4', 'node-c': '0' },
      '0', '2/3',
    ],
  ] as const)('%s', (_n, etp, balancing, lb, pods, nodes, dropped, crossNode) => {
    const s = sharesOf(evaluate(seedScenario({ etp, balancing })));
    expect(s.lb).toEqual(lb);
    expect(s.pods).toEqual(pods);
    expect(s.nodes).toEqual(nodes);
    expect(s.dropped).toBe(dropped);
    expect(s.rejected).toBe('0');
    if (etp === 'Cluster') expect(s.crossNode).toBe(crossNode);
    else expect(s.crossNode).toBe('0');
  });

  it('R-EXT-1: under Cluster every load-balancer flow is masqueraded, local backends see the bridge IP, remote ones the node IP', () => {
    const a = evaluate(seedScenario({ etp: 'Cluster' }));
    for (const f of a.flows) {
      expect(f.masquerade).toBe(true);
      for (const b of f.backends) {
        const node = f.node!;
        const local = b.pod.startsWith(node.slice(-1));
        expect(b.sourceIpKind).toBe(local ? 'bridge' : 'node');
      }
    }
  });

  it('weighted under Cluster has no weights to read (/healthz carries none): equal over healthy nodes', () => {
    expect(evaluate(seedScenario({ etp: 'Cluster', balancing: 'weighted' })).loadBalancer).toEqual({ 'node-a': '1/3', 'node-b': '1/3', 'node-c': '1/3' });
  });
});

describe('R-LB-6: what "healthy" means to the balancer', () => {
  const three = (etp: 'Local' | 'Cluster', nodeC: { deleting?: boolean; proxyHealthy?: boolean }) =>
    buildScenario({
      nodes: [{ name: 'a', ip: '10.0.0.1' }, { name: 'b', ip: '10.0.0.2' }, { name: 'c', ip: '10.0.0.3', ...nodeC }],
      pods: [{ name: 'pa', node: 'a', ip: '10.1.0.1' }, { name: 'pc', node: 'c', ip: '10.1.0.3' }],
      service: { externalTrafficPolicy: etp },
    });
  it('eTP Cluster: a node being deleted fails kube-proxy /healthz (R-PH-3) and gets no traffic', () => {
    expect(evaluate(three('Cluster', { deleting: true })).loadBalancer).toEqual({ a: '1/2', b: '1/2', c: '0' });
  });
  it('eTP Local: the same node still passes the health-check node port (R-HC-3) and keeps its share', () => {
    expect(evaluate(three('Local', { deleting: true })).loadBalancer).toEqual({ a: '1/2', b: '0', c: '1/2' });
  });
  it('eTP Local: an unhealthy kube-proxy fails the health-check node port (R-HC-3)', () => {
    const a = evaluate(three('Local', { proxyHealthy: false }));
    expect(a.loadBalancer).toEqual({ a: '1', b: '0', c: '0' });
    expect(a.healthChecks?.nodes.c?.body).toContain('"serviceProxyHealthy": false');
  });
  it('no node passes: the balancer fails open over every node (R-EXT-7 drops what lands on nodes without endpoints)', () => {
    const s = buildScenario({
      nodes: [{ name: 'a', ip: '10.0.0.1', proxyHealthy: false }, { name: 'b', ip: '10.0.0.2', proxyHealthy: false }],
      pods: [{ name: 'pa', node: 'a', ip: '10.1.0.1' }],
      service: { externalTrafficPolicy: 'Local' },
    });
    const a = evaluate(s);
    expect(a.loadBalancer).toEqual({ a: '1/2', b: '1/2' });
    expect(a.shares).toMatchObject({ pods: { pa: '1/2' }, dropped: '1/2' });
  });
});

describe('R-LB-7 / R-EP-2: a draining node keeps serving through its terminating Pods', () => {
  const s = (balancing: 'all-nodes' | 'healthy-nodes') =>
    buildScenario({
      nodes: [{ name: 'a', ip: '10.0.0.1' }, { name: 'b', ip: '10.0.0.2' }],
      pods: [
        { name: 'pa', node: 'a', ip: '10.1.0.1' },
        { name: 'pb-old', node: 'b', ip: '10.1.0.2', ready: false, serving: true, terminating: true },
      ],
      service: { externalTrafficPolicy: 'Local' },
      loadBalancer: { balancing },
    });
  it('all-nodes (check not yet failed): b still serves its half through the terminating Pod', () => {
    expect(evaluate(s('all-nodes')).shares).toMatchObject({ pods: { pa: '1/2', 'pb-old': '1/2' }, dropped: '0' });
  });
  it('healthy-nodes: b answers 503 (terminating Pods are not counted, R-HC-2), so the balancer drains it', () => {
    const a = evaluate(s('healthy-nodes'));
    expect(a.loadBalancer).toEqual({ a: '1', b: '0' });
    expect(a.shares?.pods).toEqual({ pa: '1', 'pb-old': '0' });
  });
});

describe('R-DROP-1 in shares: no endpoints at all → everything rejected', () => {
  it('rejected 1, every Pod 0', () => {
    const s = buildScenario({ nodes: [{ name: 'a', ip: '10.0.0.1' }], pods: [{ name: 'p', node: 'a', ip: '10.1.0.1', ready: false }], service: { externalTrafficPolicy: 'Cluster' } });
    expect(evaluate(s).shares).toEqual({ pods: { p: '0' }, nodes: { a: '0' }, dropped: '0', rejected: '1', crossNode: '0' });
  });
});

describe('R-CLOUD-AWS / R-SRC-3: IP targets and proxying balancers', () => {
  const base = (lb: { targets?: 'pods' | 'nodes'; preservesClientIP?: boolean }, etp: 'Local' | 'Cluster' = 'Local') =>
    seedScenarioWith(lb, etp);
  function seedScenarioWith(lb: { targets?: 'pods' | 'nodes'; preservesClientIP?: boolean }, etp: 'Local' | 'Cluster') {
    const s = seedScenario({ etp });
    return { ...s, loadBalancer: { ...s.loadBalancer, ...lb } };
  }
  it('targets pods: every ready Pod 1/4 whatever the policy; no node hop, no SNAT', () => {
    for (const etp of ['Local', 'Cluster'] as const) {
      const a = evaluate(base({ targets: 'pods' }, etp));
      expect(a.shares).toEqual({
        pods: { 'a-1': '1/4', 'a-2': '1/4', 'a-3': '1/4', 'b-1': '1/4' },
        nodes: { 'node-a': '3/4', 'node-b': '1/4', 'node-c': '0' },
        dropped: '0', rejected: '0', crossNode: '0',
      });
      const f = a.flows[0]!;
      expect(f.backends.every((b) => b.sourceIpKind === 'client' && b.sourceIp === '198.51.100.7' && !b.crossesNodes)).toBe(true);
      expect(f.steps[f.steps.length - 1]).toMatch(/^R-SRC-1/);
    }
  });
  it('preservesClientIP false: Pods see the balancer address even under Local', () => {
    const a = evaluate(base({ preservesClientIP: false }));
    const f = a.flows[0]!;
    expect(f.masquerade).toBe(false);
    expect(f.backends.map((b) => [b.sourceIp, b.sourceIpKind])).toEqual([
      ['10.0.0.250', 'loadBalancer'],
      ['10.0.0.250', 'loadBalancer'],
      ['10.0.0.250', 'loadBalancer'],
    ]);
    expect(f.steps.some((s) => s.startsWith('R-SRC-3'))).toBe(true);
  });
});

describe('shares always add up', () => {
  it.each(['iptables', 'nftables', 'ipvs', 'cilium-snat', 'cilium-dsr'] as const)('%s: pods + dropped + rejected = 1 for both policies and all balancings', (proxyMode) => {
    for (const etp of ['Local', 'Cluster'] as const) {
      for (const balancing of ['healthy-nodes', 'weighted', 'all-nodes'] as const) {
        const s = evaluate(seedScenario({ etp, balancing, proxyMode })).shares!;
        const total = sumShares([...Object.values(s.pods), s.dropped, s.rejected].map(parseShare));
        expect(total.toFraction()).toBe('1');
      }
    }
  });
});

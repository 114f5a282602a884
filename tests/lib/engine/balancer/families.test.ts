/**
 * R-LBK-1…10: how each balancer family spreads new connections over nodes. Every expected share below was derived
 * by hand from routing-semantics.md §17 (the arithmetic is written next to each case), not computed by the engine.
 *
 * Layout (unless a case says otherwise): node-a 10.0.1.10 and node-b 10.0.1.11 in zone-a, node-c 10.0.1.12 in
 * zone-b; LoadBalancer Service web, ingress 203.0.113.10, NodePort 30080, health-check node port 32000.
 */
import { evaluate, parseScenario, type Answer, type ScenarioInput } from '@/lib/engine';

type LB = NonNullable<ScenarioInput['loadBalancer']>;
type Node = ScenarioInput['cluster']['nodes'][number];
type Pod = NonNullable<ScenarioInput['cluster']['pods']>[number];
type Spec = ScenarioInput['service']['spec'];

const NODES: Node[] = [
  { name: 'node-a', ip: '10.0.1.10', podCIDR: '10.244.1.0/24', zone: 'zone-a' },
  { name: 'node-b', ip: '10.0.1.11', podCIDR: '10.244.2.0/24', zone: 'zone-a' },
  { name: 'node-c', ip: '10.0.1.12', podCIDR: '10.244.3.0/24', zone: 'zone-b' },
];

/** `counts` Pods per node, in node order: web-a1…, web-b1…, web-c1… */
function pods(counts: [number, number, number], extra: Partial<Pod> = {}): Pod[] {
  return counts.flatMap((k, i) => {
    const letter = 'abc'[i]!;
    return Array.from({ length: k }, (_, j) => ({ name: `web-${letter}${j + 1}`, node: `node-${letter}`, ip: `10.244.${i + 1}.${11 + j}`, labels: { app: 'web' }, ...extra }));
  });
}

interface Options {
  lb?: LB;
  policy?: 'Local' | 'Cluster';
  pods?: Pod[];
  nodes?: Node[];
  spec?: Partial<Spec>;
  annotations?: Record<string, string>;
  ingress?: Array<{ ip?: string; hostname?: string }>;
  traffic?: ScenarioInput['traffic'];
}

function input(o: Options = {}): ScenarioInput {
  const policy = o.policy ?? 'Local';
  return {
    cluster: { clusterCIDR: '10.244.0.0/16', nodes: o.nodes ?? NODES, pods: o.pods ?? pods([1, 1, 1]) },
    service: {
      metadata: { name: 'web', ...(o.annotations ? { annotations: o.annotations } : {}) },
      spec: {
        type: 'LoadBalancer',
        selector: { app: 'web' },
        clusterIP: '10.96.0.20',
        externalTrafficPolicy: policy,
        ...(policy === 'Local' ? { healthCheckNodePort: 32000 } : {}),
        ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }],
        ...o.spec,
      },
      status: { loadBalancer: { ingress: o.ingress ?? [{ ip: '203.0.113.10' }] } },
    },
    loadBalancer: o.lb ?? {},
    client: { ip: '198.51.100.7' },
    ...(o.traffic ? { traffic: o.traffic } : {}),
  };
}

function answer(o: Options = {}): Answer {
  const r = parseScenario(input(o));
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return evaluate(r.scenario);
}

const lbShares = (o: Options) => answer(o).loadBalancer;

describe('R-LBK-10: provider defaults', () => {
  it.each([
    // provider, extra, eTP, balancing, allUnhealthy, preservesClientIP
    ['generic', {}, 'Local', 'healthy-nodes', 'fail-open', true],
    ['gcp', {}, 'Local', 'healthy-nodes', 'fail-open', true],
    ['aws-nlb', {}, 'Local', 'per-zone', 'fail-open', true],
    ['aws-nlb', { crossZone: true }, 'Local', 'healthy-nodes', 'fail-open', true],
    ['aws-nlb', { targets: 'pods' }, 'Local', 'per-zone', 'fail-open', false],
    ['aws-clb', {}, 'Local', 'per-zone', 'fail-open', false],
    ['aws-clb', { crossZone: true }, 'Cluster', 'healthy-nodes', 'fail-open', false],
    ['azure', {}, 'Local', 'healthy-nodes', 'drop', true],
    ['metallb-l2', {}, 'Local', 'single-node', 'fail-open', true],
    ['metallb-bgp', {}, 'Cluster', 'announcing-nodes', 'fail-open', true],
  ] as const)('%s %j (%s): balancing %s, allUnhealthy %s, preservesClientIP %s', (provider, extra, policy, balancing, allUnhealthy, preserves) => {
    const r = parseScenario(input({ lb: { provider, ...extra }, policy }));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.scenario.loadBalancer).toMatchObject({ provider, balancing, allUnhealthy, preservesClientIP: preserves });
  });

  it('GCP is weighted only with networking.gke.io/weighted-load-balancing: pods-per-node AND externalTrafficPolicy Local', () => {
    const annotations = { 'networking.gke.io/weighted-load-balancing': 'pods-per-node' };
    const balancing = (o: Options) => {
      const r = parseScenario(input(o));
      return r.ok ? r.scenario.loadBalancer.balancing : null;
    };
    expect(balancing({ lb: { provider: 'gcp' }, annotations })).toBe('weighted');
    expect(balancing({ lb: { provider: 'gcp' }, annotations, policy: 'Cluster' })).toBe('healthy-nodes');
    expect(balancing({ lb: { provider: 'gcp' } })).toBe('healthy-nodes');
    expect(balancing({ lb: { provider: 'gcp' }, annotations: { 'networking.gke.io/weighted-load-balancing': 'yes' } })).toBe('healthy-nodes');
    expect(balancing({ lb: { provider: 'gcp', balancing: 'all-nodes' }, annotations })).toBe('all-nodes');
  });

  it('zones default to every node zone; speakers to every node', () => {
    const r = parseScenario(input({ lb: { provider: 'metallb-l2' } }));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.scenario.loadBalancer).toMatchObject({ zones: ['zone-a', 'zone-b'], speakers: ['node-a', 'node-b', 'node-c'], preferredNodes: {} });
  });

  it('unknown speakers, preferred nodes and zones are refused, each on its own path', () => {
    const r = parseScenario(input({ lb: { provider: 'metallb-l2', speakers: ['node-a', 'node-x'], preferredNodes: { 'node-y': 5 }, zones: ['zone-q'] } }));
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual(['loadBalancer.speakers[1]', 'loadBalancer.preferredNodes.node-y', 'loadBalancer.zones[0]']);
  });
});

describe('R-LBK-3: AWS NLB, instance targets, per zone (cross-zone off by default)', () => {
  it('worked example 1 (Cluster, all healthy): A 1/4, B 1/4, C 1/2 — not 1/3 each', () => {
    // Zh = {zone-a, zone-b}: zone-a's half over A and B, zone-b's half to C. Cluster: each Pod 1/3 (R-LB-6).
    const a = answer({ lb: { provider: 'aws-nlb' }, policy: 'Cluster' });
    expect(a.loadBalancer).toEqual({ 'node-a': '1/4', 'node-b': '1/4', 'node-c': '1/2' });
    expect(a.shares?.pods).toEqual({ 'web-a1': '1/3', 'web-b1': '1/3', 'web-c1': '1/3' });
    expect(a.shares?.crossNode).toBe('2/3');
  });

  it('worked example 2 (Local, Pods 3/1/2): A 1/4, B 1/4, C 1/2; Pods on A 1/12, B 1/4, C 1/4 each', () => {
    const a = answer({ lb: { provider: 'aws-nlb' }, pods: pods([3, 1, 2]) });
    expect(a.loadBalancer).toEqual({ 'node-a': '1/4', 'node-b': '1/4', 'node-c': '1/2' });
    expect(a.shares?.pods).toEqual({ 'web-a1': '1/12', 'web-a2': '1/12', 'web-a3': '1/12', 'web-b1': '1/4', 'web-c1': '1/4', 'web-c2': '1/4' });
  });

  it('cross-zone on: 1/h over healthy nodes (A, B, C 1/3; Pods A 1/9, B 1/3, C 1/6)', () => {
    const a = answer({ lb: { provider: 'aws-nlb', crossZone: true }, pods: pods([3, 1, 2]) });
    expect(a.loadBalancer).toEqual({ 'node-a': '1/3', 'node-b': '1/3', 'node-c': '1/3' });
    expect(a.shares?.pods).toEqual({ 'web-a1': '1/9', 'web-a2': '1/9', 'web-a3': '1/9', 'web-b1': '1/3', 'web-c1': '1/6', 'web-c2': '1/6' });
  });

  it('a zone with no healthy target leaves DNS: Pods 1/1/0 under Local → A 1/2, B 1/2, C 0', () => {
    expect(lbShares({ lb: { provider: 'aws-nlb' }, pods: pods([1, 1, 0]) })).toEqual({ 'node-a': '1/2', 'node-b': '1/2', 'node-c': '0' });
  });

  it('one healthy target per zone: Pods 1/0/1 under Local → A 1/2, B 0, C 1/2', () => {
    expect(lbShares({ lb: { provider: 'aws-nlb' }, pods: pods([1, 0, 1]) })).toEqual({ 'node-a': '1/2', 'node-b': '0', 'node-c': '1/2' });
  });

  it('every target failing fails open per zone over registered targets: A 1/4, B 1/4, C 1/2', () => {
    // Only serving-terminating Pods: every health-check node port answers 503 (R-HC-2), traffic still served (R-EP-2).
    const a = answer({ lb: { provider: 'aws-nlb' }, pods: pods([1, 0, 1], { ready: false, serving: true, terminating: true }) });
    expect(a.loadBalancer).toEqual({ 'node-a': '1/4', 'node-b': '1/4', 'node-c': '1/2' });
    expect(a.shares?.dropped).toBe('1/4'); // node-b has no local endpoint: R-EXT-7
  });

  it('R-LBK-1: nodes labelled exclude-from-external-load-balancers or tainted ToBeDeletedByClusterAutoscaler are not targets', () => {
    const nodes: Node[] = [{ ...NODES[0]!, labels: { 'node.kubernetes.io/exclude-from-external-load-balancers': '' } }, NODES[1]!, NODES[2]!];
    // Cluster: targets B (zone-a), C (zone-b) → 1/2 each; the generic balancer keeps A (its /healthz passes).
    expect(lbShares({ lb: { provider: 'aws-nlb' }, policy: 'Cluster', nodes })).toEqual({ 'node-a': '0', 'node-b': '1/2', 'node-c': '1/2' });
    expect(lbShares({ policy: 'Cluster', nodes })).toEqual({ 'node-a': '1/3', 'node-b': '1/3', 'node-c': '1/3' });
    const tainted: Node[] = [NODES[0]!, { ...NODES[1]!, taints: ['karpenter.sh/disrupted'] }, NODES[2]!];
    expect(lbShares({ lb: { provider: 'aws-nlb' }, policy: 'Cluster', nodes: tainted })).toEqual({ 'node-a': '1/2', 'node-b': '0', 'node-c': '1/2' });
  });

  it('only enabled zones receive traffic: zones [zone-a] → A 1/2, B 1/2, C 0', () => {
    expect(lbShares({ lb: { provider: 'aws-nlb', zones: ['zone-a'] }, policy: 'Cluster' })).toEqual({ 'node-a': '1/2', 'node-b': '1/2', 'node-c': '0' });
  });

  it('Cluster checks the NodePort over TCP, not /healthz: a node with stale kube-proxy still receives its share', () => {
    const nodes: Node[] = [NODES[0]!, NODES[1]!, { ...NODES[2]!, proxyHealthy: false }];
    expect(lbShares({ lb: { provider: 'aws-nlb' }, policy: 'Cluster', nodes })).toEqual({ 'node-a': '1/4', 'node-b': '1/4', 'node-c': '1/2' });
    // GCP probes /healthz (503 on node-c): A 1/2, B 1/2.
    expect(lbShares({ lb: { provider: 'gcp' }, policy: 'Cluster', nodes })).toEqual({ 'node-a': '1/2', 'node-b': '1/2', 'node-c': '0' });
  });

  it('the step for a flow names the zone split', () => {
    const steps = answer({ lb: { provider: 'aws-nlb' }, pods: pods([3, 1, 2]) }).flows[2]!.steps.join('\n');
    expect(steps).toContain('R-LBK-3: the AWS NLB has cross-zone load balancing off (the default): each of the 2 zones with a healthy target gets 1/2');
    expect(steps).toContain('node-c (zone-b, 1 healthy target) receives 1/2');
  });
});

describe('R-LBK-4: AWS NLB, IP targets', () => {
  it('per zone over ready Pods: A 3 Pods (zone-a), C 1 Pod (zone-b) → 1/6, 1/6, 1/6, 1/2; the Pod sees the NLB address', () => {
    const a = answer({ lb: { provider: 'aws-nlb', targets: 'pods' }, pods: pods([3, 0, 1]) });
    expect(a.shares?.pods).toEqual({ 'web-a1': '1/6', 'web-a2': '1/6', 'web-a3': '1/6', 'web-c1': '1/2' });
    const f = a.flows[0]!;
    expect(f.backends.map((b) => [b.pod, b.probability, b.sourceIp, b.sourceIpKind])).toEqual([
      ['web-a1', '1/6', '10.0.0.250', 'loadBalancer'],
      ['web-a2', '1/6', '10.0.0.250', 'loadBalancer'],
      ['web-a3', '1/6', '10.0.0.250', 'loadBalancer'],
      ['web-c1', '1/2', '10.0.0.250', 'loadBalancer'],
    ]);
    expect(a.loadBalancer).toEqual({ 'node-a': '1/2', 'node-b': '0', 'node-c': '1/2' });
    expect(f.steps).toContain(
      "R-LBK-4: the AWS NLB splits per zone (cross-zone load balancing off): each of the 2 zones with a healthy Pod target gets 1/2 of new connections, split evenly over that zone's Pods (zone-a: 3 Pods, zone-b: 1 Pod).",
    );
  });

  it('cross-zone on: 1/P each', () => {
    expect(answer({ lb: { provider: 'aws-nlb', targets: 'pods', crossZone: true }, pods: pods([3, 0, 1]) }).shares?.pods).toEqual({
      'web-a1': '1/4',
      'web-a2': '1/4',
      'web-a3': '1/4',
      'web-c1': '1/4',
    });
  });
});

describe('R-LBK-5: AWS classic load balancer', () => {
  it('per zone by default and proxies the connection: the Pod sees the balancer address', () => {
    const a = answer({ lb: { provider: 'aws-clb' }, pods: pods([3, 1, 2]) });
    expect(a.loadBalancer).toEqual({ 'node-a': '1/4', 'node-b': '1/4', 'node-c': '1/2' });
    expect(a.flows[0]!.backends[0]).toMatchObject({ sourceIp: '10.0.0.250', sourceIpKind: 'loadBalancer' });
    expect(a.flows[0]!.steps.join('\n')).toContain('R-LBK-5: the AWS classic load balancer has cross-zone load balancing off');
  });
});

describe('R-LBK-2: GCP passthrough', () => {
  it('healthy nodes, all zones together: Pods 3/1/0 under Local → A 1/2, B 1/2, C 0', () => {
    expect(lbShares({ lb: { provider: 'gcp' }, pods: pods([3, 1, 0]) })).toEqual({ 'node-a': '1/2', 'node-b': '1/2', 'node-c': '0' });
  });

  it('weighted with the annotation under Local: A 3/4, B 1/4, C 0; every Pod 1/4', () => {
    const a = answer({ lb: { provider: 'gcp' }, pods: pods([3, 1, 0]), annotations: { 'networking.gke.io/weighted-load-balancing': 'pods-per-node' } });
    expect(a.loadBalancer).toEqual({ 'node-a': '3/4', 'node-b': '1/4', 'node-c': '0' });
    expect(a.shares?.pods).toEqual({ 'web-a1': '1/4', 'web-a2': '1/4', 'web-a3': '1/4', 'web-b1': '1/4' });
    expect(a.flows[0]!.steps.join('\n')).toContain('(weight 3 of 4) receives 3/4');
  });

  it('the annotation under Cluster gives plain MAGLEV: 1/3 each', () => {
    expect(lbShares({ lb: { provider: 'gcp' }, policy: 'Cluster', pods: pods([3, 1, 0]), annotations: { 'networking.gke.io/weighted-load-balancing': 'pods-per-node' } })).toEqual({
      'node-a': '1/3',
      'node-b': '1/3',
      'node-c': '1/3',
    });
  });

  it('every node failing: new connections over all nodes as a last resort (1/3 each)', () => {
    expect(lbShares({ lb: { provider: 'gcp' }, pods: pods([1, 0, 1], { ready: false, serving: true, terminating: true }) })).toEqual({
      'node-a': '1/3',
      'node-b': '1/3',
      'node-c': '1/3',
    });
  });
});

describe('R-LBK-6: Azure Standard load balancer', () => {
  it('healthy nodes: Pods 3/1/0 under Local → A 1/2, B 1/2, C 0', () => {
    expect(lbShares({ lb: { provider: 'azure' }, pods: pods([3, 1, 0]) })).toEqual({ 'node-a': '1/2', 'node-b': '1/2', 'node-c': '0' });
  });

  it('every probe down: no new flows (unanswered), nothing served', () => {
    const a = answer({ lb: { provider: 'azure' }, pods: pods([1, 0, 1], { ready: false, serving: true, terminating: true }) });
    expect(a.loadBalancer).toEqual({ 'node-a': '0', 'node-b': '0', 'node-c': '0' });
    expect(a.shares).toMatchObject({ pods: { 'web-a1': '0', 'web-c1': '0' }, dropped: '1', rejected: '0' });
    expect(a.flows.map((f) => f.verdict)).toEqual(['unanswered', 'unanswered', 'unanswered']);
    expect(a.flows[0]!.backends).toEqual([]);
    expect(a.flows[0]!.steps.at(-1)).toMatch(/^R-LBK-6: no node passes Azure's probe .*AllProbedDown.*\(unanswered\)\.$/);
  });

  it('allUnhealthy fail-open overrides: 1/3 each', () => {
    expect(lbShares({ lb: { provider: 'azure', allUnhealthy: 'fail-open' }, pods: pods([1, 0, 1], { ready: false, serving: true, terminating: true }) })).toEqual({
      'node-a': '1/3',
      'node-b': '1/3',
      'node-c': '1/3',
    });
  });
});

describe('R-LBK-7: MetalLB layer 2 (one leader)', () => {
  // sha256("node-a#203.0.113.10") = 939733…, node-b d84ada…, node-c 64a599b0… → order node-c, node-a, node-b.
  it('Cluster: the leader by hash order is node-c, even without a Pod; it receives everything', () => {
    const a = answer({ lb: { provider: 'metallb-l2' }, policy: 'Cluster', pods: pods([2, 1, 0]) });
    expect(a.loadBalancer).toEqual({ 'node-a': '0', 'node-b': '0', 'node-c': '1' });
    expect(a.shares?.pods).toEqual({ 'web-a1': '1/3', 'web-a2': '1/3', 'web-b1': '1/3' });
    expect(a.shares?.crossNode).toBe('1');
  });

  it('Local: only nodes with a servable local endpoint: node-a (939733…) before node-b (d84ada…); its Pods take everything', () => {
    const a = answer({ lb: { provider: 'metallb-l2' }, pods: pods([2, 1, 0]) });
    expect(a.loadBalancer).toEqual({ 'node-a': '1', 'node-b': '0', 'node-c': '0' });
    expect(a.shares?.pods).toEqual({ 'web-a1': '1/2', 'web-a2': '1/2', 'web-b1': '0' });
  });

  it('Local: a serving-terminating endpoint makes its node eligible; a not-ready one does not', () => {
    const ps: Pod[] = [
      { name: 'web-a1', node: 'node-a', ip: '10.244.1.11', labels: { app: 'web' }, ready: false },
      { name: 'web-b1', node: 'node-b', ip: '10.244.2.11', labels: { app: 'web' }, ready: false, serving: true, terminating: true },
    ];
    expect(lbShares({ lb: { provider: 'metallb-l2' }, pods: ps })).toEqual({ 'node-a': '0', 'node-b': '1', 'node-c': '0' });
  });

  it('preferredNodes come before the hash; speakers and the exclude label restrict the candidates', () => {
    expect(lbShares({ lb: { provider: 'metallb-l2', preferredNodes: { 'node-b': 10 } }, policy: 'Cluster' })).toEqual({ 'node-a': '0', 'node-b': '1', 'node-c': '0' });
    expect(lbShares({ lb: { provider: 'metallb-l2', speakers: ['node-a', 'node-b'] }, policy: 'Cluster' })).toEqual({ 'node-a': '1', 'node-b': '0', 'node-c': '0' });
    const nodes: Node[] = [NODES[0]!, NODES[1]!, { ...NODES[2]!, labels: { 'node.kubernetes.io/exclude-from-external-load-balancers': 'true' } }];
    expect(lbShares({ lb: { provider: 'metallb-l2' }, policy: 'Cluster', nodes })).toEqual({ 'node-a': '1', 'node-b': '0', 'node-c': '0' });
  });

  it('another ingress IP gives another order: 198.51.100.20 → node-b, node-c, node-a', () => {
    // sha256("node-a#198.51.100.20") = 883b0cd4…, node-b 14407e69…, node-c 160bff23… (written down from sha256sum).
    expect(lbShares({ lb: { provider: 'metallb-l2' }, policy: 'Cluster', ingress: [{ ip: '198.51.100.20' }] })).toEqual({ 'node-a': '0', 'node-b': '1', 'node-c': '0' });
  });

  it('no servable endpoint: nobody announces, every flow is unanswered', () => {
    const a = answer({ lb: { provider: 'metallb-l2' }, policy: 'Cluster', pods: pods([1, 1, 0], { ready: false }) });
    expect(a.flows.map((f) => f.verdict)).toEqual(['unanswered', 'unanswered', 'unanswered']);
    expect(a.flows[0]!.steps.at(-1)).toBe(
      'R-LBK-7: no node may announce 203.0.113.10 (no endpoint anywhere can serve (ready or serving)), so nothing answers ARP for it: the connection attempt times out (unanswered).',
    );
    expect(a.shares?.dropped).toBe('1');
  });

  it('the flow steps name the leader and the hash order', () => {
    const steps = answer({ lb: { provider: 'metallb-l2' }, policy: 'Cluster' }).flows[0]!.steps.join('\n');
    expect(steps).toContain('R-LBK-7: MetalLB layer 2: node-c is the leader for 203.0.113.10');
    expect(steps).toContain('node-c (64a599b0), node-a (93973310), node-b (d84adac4)');
    expect(steps).toContain('so node-a receives none');
  });
});

describe('R-LBK-8: MetalLB BGP (announcing nodes, ECMP)', () => {
  it('Cluster: every speaker announces: 1/3 each', () => {
    expect(lbShares({ lb: { provider: 'metallb-bgp' }, policy: 'Cluster', pods: pods([1, 0, 0]) })).toEqual({ 'node-a': '1/3', 'node-b': '1/3', 'node-c': '1/3' });
  });

  it('Local: only nodes with a servable local endpoint, equal (not weighted): Pods 3/1/0 → A 1/2, B 1/2; Pods 1/6, 1/6, 1/6, 1/2', () => {
    const a = answer({ lb: { provider: 'metallb-bgp' }, pods: pods([3, 1, 0]) });
    expect(a.loadBalancer).toEqual({ 'node-a': '1/2', 'node-b': '1/2', 'node-c': '0' });
    expect(a.shares?.pods).toEqual({ 'web-a1': '1/6', 'web-a2': '1/6', 'web-a3': '1/6', 'web-b1': '1/2' });
  });

  it('speakers restrict the announcing set; none eligible → unanswered', () => {
    expect(lbShares({ lb: { provider: 'metallb-bgp', speakers: ['node-b', 'node-c'] }, policy: 'Cluster' })).toEqual({ 'node-a': '0', 'node-b': '1/2', 'node-c': '1/2' });
    const a = answer({ lb: { provider: 'metallb-bgp', speakers: ['node-c'] }, pods: pods([1, 1, 0]) });
    expect(a.flows.every((f) => f.verdict === 'unanswered')).toBe(true);
    expect(a.flows[0]!.steps.at(-1)).toContain('R-LBK-8: no node announces a route to 203.0.113.10');
  });
});

describe('generic balancer: R-LB-6 / R-LB-7 unchanged, new models available', () => {
  it('healthy-nodes, weighted and all-nodes as before (Pods 3/1/0, Local)', () => {
    expect(lbShares({ pods: pods([3, 1, 0]) })).toEqual({ 'node-a': '1/2', 'node-b': '1/2', 'node-c': '0' });
    expect(lbShares({ pods: pods([3, 1, 0]), lb: { balancing: 'weighted' } })).toEqual({ 'node-a': '3/4', 'node-b': '1/4', 'node-c': '0' });
    expect(lbShares({ pods: pods([3, 1, 0]), lb: { balancing: 'all-nodes' } })).toEqual({ 'node-a': '1/3', 'node-b': '1/3', 'node-c': '1/3' });
    expect(answer({ pods: pods([3, 1, 0]) }).flows.some((f) => f.steps.some((s) => s.includes('R-LBK')))).toBe(false);
  });

  it('per-zone and allUnhealthy drop can be chosen explicitly', () => {
    expect(lbShares({ lb: { balancing: 'per-zone' }, pods: pods([3, 1, 2]) })).toEqual({ 'node-a': '1/4', 'node-b': '1/4', 'node-c': '1/2' });
    const a = answer({ lb: { allUnhealthy: 'drop' }, pods: pods([1, 0, 0], { ready: false, serving: true, terminating: true }) });
    expect(a.flows[0]!.verdict).toBe('unanswered');
    expect(a.flows[0]!.steps.at(-1)).toContain('(allUnhealthy: drop)');
  });
});

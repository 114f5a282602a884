/**
 * Property tests over random clusters for the balancer families (R-LBK) and network plugins (R-CNI): invariants
 * that hold whatever the layout, checked by a path independent of the engine's own arithmetic.
 */
import fc from 'fast-check';
import { CNI_PRESETS, evaluate, LB_PROVIDERS, parseShare, parseScenario, sumShares, type ScenarioInput } from '@/lib/engine';

const PRESETS = Object.keys(CNI_PRESETS) as Array<keyof typeof CNI_PRESETS>;

const arb = fc.record({
  nodeCount: fc.integer({ min: 1, max: 5 }),
  zones: fc.array(fc.constantFrom('zone-a', 'zone-b', 'zone-c'), { minLength: 5, maxLength: 5 }),
  proxyHealthy: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
  pods: fc.array(fc.record({ node: fc.integer({ min: -1, max: 4 }), state: fc.integer({ min: 0, max: 3 }) }), { maxLength: 8 }),
  policy: fc.constantFrom('Local', 'Cluster'),
  provider: fc.constantFrom(...LB_PROVIDERS),
  crossZone: fc.boolean(),
  targets: fc.constantFrom('nodes', 'nodes', 'pods'),
  cni: fc.constantFrom(...PRESETS),
  mode: fc.constantFrom('iptables', 'nftables', 'ipvs'),
});

type Draw = typeof arb extends fc.Arbitrary<infer T> ? T : never;

function scenario(r: Draw): ScenarioInput {
  const nodes = Array.from({ length: r.nodeCount }, (_, i) => ({
    name: `n${i}`,
    ip: `10.0.0.${i + 1}`,
    podCIDR: `10.244.${i}.0/24`,
    zone: r.zones[i]!,
    proxyHealthy: r.proxyHealthy[i]!,
  }));
  const pods = r.pods.map((p, i) => {
    const n = p.node < 0 ? -1 : p.node % r.nodeCount;
    const state = [{}, { ready: false }, { ready: false, serving: true, terminating: true }, { ready: false, serving: false, terminating: true }][p.state]!;
    return { name: `p${i}`, ...(n >= 0 ? { node: `n${n}` } : {}), ip: n >= 0 ? `10.244.${n}.${i + 10}` : `10.250.0.${i + 1}`, labels: { app: 'web' }, ...state };
  });
  return {
    cluster: { proxyMode: r.mode, cni: r.cni, clusterCIDR: '10.244.0.0/16', nodes, pods },
    service: {
      metadata: { name: 'web' },
      spec: { type: 'LoadBalancer', selector: { app: 'web' }, externalTrafficPolicy: r.policy, ports: [{ port: 80 }] },
      status: { loadBalancer: { ingress: [{ ip: '203.0.113.10' }] } },
    },
    loadBalancer: { provider: r.provider, crossZone: r.crossZone, targets: r.targets as 'nodes' | 'pods' },
  };
}

const run = (r: Draw) => {
  const p = parseScenario(scenario(r));
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  return { answer: evaluate(p.scenario), model: p.scenario };
};

describe('R-LBK invariants', () => {
  it('node shares sum to 1, or are all 0 and every balancer flow is unanswered; served + dropped + rejected = 1', () => {
    fc.assert(
      fc.property(arb, (r) => {
        const { answer, model } = run(r);
        const nodeShares = Object.values(answer.loadBalancer!).map(parseShare);
        const total = sumShares(nodeShares);
        if (model.loadBalancer.targets === 'nodes') {
          if (total.isZero()) expect(answer.flows.every((f) => f.verdict === 'unanswered')).toBe(true);
          else {
            expect(total.equals(1)).toBe(true);
            expect(answer.flows.some((f) => f.verdict === 'unanswered')).toBe(false);
          }
        }
        const s = answer.shares!;
        const served = sumShares(Object.values(s.pods).map(parseShare));
        expect(served.add(parseShare(s.dropped)).add(parseShare(s.rejected)).equals(1)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('MetalLB layer 2: at most one node has a share, and it is 1', () => {
    fc.assert(
      fc.property(arb, (r) => {
        const { answer, model } = run({ ...r, provider: 'metallb-l2', targets: 'nodes' });
        expect(model.loadBalancer.balancing).toBe('single-node');
        const nonZero = Object.values(answer.loadBalancer!).filter((v) => v !== '0');
        expect(nonZero.length <= 1 && nonZero.every((v) => v === '1')).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('AWS per zone: each zone that receives anything receives the same total', () => {
    fc.assert(
      fc.property(arb, (r) => {
        const { answer, model } = run({ ...r, provider: 'aws-nlb', crossZone: false, targets: 'nodes' });
        const byZone = new Map<string, ReturnType<typeof parseShare>>();
        for (const n of model.cluster.nodes) {
          const s = parseShare(answer.loadBalancer![n.name]!);
          if (!s.isZero()) byZone.set(n.zone!, (byZone.get(n.zone!) ?? parseShare('0')).add(s));
        }
        const totals = [...byZone.values()];
        expect(totals.every((t) => t.equals(totals[0]!))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('R-CNI invariants (kube-proxy modes)', () => {
  it('a masqueraded backend shows the address its preset says, from the table written here', () => {
    // Same node → by podInterface; other node (or no nodeName) → by interNode (R-CNI-5).
    const local = { bridge: 'bridge', 'veth-gateway': 'bridge', 'veth-unnumbered': 'node' } as const;
    const remote = { direct: 'node', tunnel: 'tunnel' } as const;
    fc.assert(
      fc.property(arb, (r) => {
        const { answer, model } = run({ ...r, policy: 'Cluster', targets: 'nodes' });
        const { podInterface, interNode } = CNI_PRESETS[r.cni];
        for (const f of answer.flows) {
          if (f.verdict !== 'forwarded' || !f.masquerade) continue;
          const node = model.cluster.nodes.find((n) => n.name === f.node)!;
          for (const b of f.backends) {
            const kind = b.crossesNodes ? remote[interNode] : local[podInterface];
            expect(b.sourceIpKind).toBe(kind);
            expect(b.sourceIp).toBe(kind === 'node' ? node.ip : kind === 'bridge' ? node.bridgeIP : node.podCIDR!.replace('.0/24', '.0'));
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

/**
 * Property tests over random clusters (fast-check): the invariants the issue lists.
 */
import fc from 'fast-check';
import { evaluate, parseShare, serviceHealthBody, sumShares } from '@/lib/engine';
import type { ProxyMode, Scenario } from '@/lib/engine/model';
import { buildScenario, type PodSpec } from '../support/scenario-builder';

const MODES: ProxyMode[] = ['iptables', 'nftables', 'ipvs', 'cilium-snat', 'cilium-dsr'];

const podArb = fc.record({
  node: fc.integer({ min: -1, max: 4 }),
  ready: fc.boolean(),
  serving: fc.boolean(),
  terminating: fc.boolean(),
});

const scenarioArb = fc
  .record({
    nodeCount: fc.integer({ min: 1, max: 5 }),
    nodeHealth: fc.array(fc.record({ proxyHealthy: fc.boolean(), deleting: fc.boolean() }), { minLength: 5, maxLength: 5 }),
    pods: fc.array(podArb, { maxLength: 10 }),
    etp: fc.constantFrom('Local', 'Cluster'),
    itp: fc.constantFrom('Local', 'Cluster'),
    mode: fc.constantFrom(...MODES),
    balancing: fc.constantFrom('healthy-nodes', 'weighted', 'all-nodes' as const),
    targets: fc.constantFrom('nodes', 'pods' as const),
    preservesClientIP: fc.boolean(),
    trafficDistribution: fc.constantFrom(null, 'PreferClose', 'PreferSameNode'),
    zones: fc.boolean(),
  })
  .map((r): Scenario => {
    const nodes = Array.from({ length: r.nodeCount }, (_, i) => ({
      name: `n${i}`,
      ip: `10.0.0.${i + 1}`,
      podCIDR: `10.244.${i}.0/24`,
      zone: r.zones ? `zone-${i % 2}` : null,
      ...r.nodeHealth[i],
    }));
    const pods: PodSpec[] = r.pods.map((p, i) => {
      const nodeIndex = p.node < 0 ? -1 : p.node % r.nodeCount;
      return {
        name: `p${i}`,
        node: nodeIndex < 0 ? null : `n${nodeIndex}`,
        ip: nodeIndex < 0 ? `10.250.0.${i + 1}` : `10.244.${nodeIndex}.${i + 10}`,
        ready: p.ready && !p.terminating,
        serving: p.ready && !p.terminating ? true : p.serving,
        terminating: p.terminating,
      };
    });
    pods.push({ name: 'client', node: 'n0', ip: '10.244.0.200', selected: false });
    const senders = ['external', 'pod/client', 'node/n0', 'localhost'];
    const traffic = nodes.flatMap((n) =>
      (['loadBalancer', 'nodePort', 'clusterIP'] as const).flatMap((to) => senders.map((from) => ({ from, to, node: n.name }))),
    );
    return buildScenario({
      cluster: { proxyMode: r.mode, clusterCIDR: '10.244.0.0/16' },
      nodes,
      pods,
      service: { externalTrafficPolicy: r.etp, internalTrafficPolicy: r.itp, trafficDistribution: r.trafficDistribution },
      loadBalancer: { balancing: r.balancing, targets: r.targets, preservesClientIP: r.preservesClientIP },
      traffic,
    });
  });

describe('engine properties', () => {
  it('a forwarded flow\'s probabilities sum to 1', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        for (const f of evaluate(s).flows) {
          if (f.verdict !== 'forwarded' && f.verdict !== 'asymmetric') {
            expect(f.backends).toEqual([]);
            continue;
          }
          expect(sumShares(f.backends.map((b) => parseShare(b.probability))).toFraction()).toBe('1');
        }
      }),
      { numRuns: 150 },
    );
  });

  it('pod shares + dropped + rejected = 1, and node shares add up to the pod shares', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const shares = evaluate(s).shares!;
        const pods = sumShares(Object.values(shares.pods).map(parseShare));
        expect(pods.add(parseShare(shares.dropped)).add(parseShare(shares.rejected)).toFraction()).toBe('1');
        const served = sumShares(Object.values(shares.nodes).map(parseShare));
        const onNodes = sumShares(s.endpoints.filter((e) => e.node !== null).map((e) => parseShare(shares.pods[e.pod]!)));
        expect(served.equals(onNodes)).toBe(true);
        expect(parseShare(shares.crossNode).lte(pods)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('external traffic under Local is never masqueraded (any mode)', () => {
    fc.assert(
      fc.property(scenarioArb.filter((s) => s.service.externalTrafficPolicy === 'Local'), (s) => {
        for (const f of evaluate(s).flows) {
          if (f.from !== 'external' || f.to === 'clusterIP') continue;
          expect(f.masquerade).toBe(false);
          for (const b of f.backends) expect(['client', 'loadBalancer']).toContain(b.sourceIpKind);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('external traffic under Cluster is always masqueraded in iptables and nftables', () => {
    fc.assert(
      fc.property(
        scenarioArb.filter((s) => s.service.externalTrafficPolicy === 'Cluster' && (s.cluster.proxyMode === 'iptables' || s.cluster.proxyMode === 'nftables') && s.loadBalancer.targets === 'nodes'),
        (s) => {
          for (const f of evaluate(s).flows) {
            if (f.to === 'clusterIP' || f.verdict !== 'forwarded') continue;
            expect(f.masquerade).toBe(true);
            for (const b of f.backends) expect(['node', 'bridge']).toContain(b.sourceIpKind);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a node answers 200 iff it has a ready local endpoint and a healthy proxy (kube-proxy); iff an Active backend on it or on no node (Cilium, R-HC-CIL-2/4)', () => {
    fc.assert(
      fc.property(scenarioArb.filter((s) => s.service.externalTrafficPolicy === 'Local'), (s) => {
        const hc = evaluate(s).healthChecks!;
        const cilium = s.cluster.proxyMode.startsWith('cilium');
        for (const n of s.cluster.nodes) {
          const hasReadyLocal = s.endpoints.some((e) => e.node === n.name && e.ready);
          const hasReadyNowhere = s.endpoints.some((e) => e.node === null && e.ready);
          expect(hc.nodes[n.name]!.status === 200).toBe(cilium ? hasReadyLocal || hasReadyNowhere : hasReadyLocal && n.proxyHealthy);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('the health-check body length is 99 + len(ns) + len(name) + len(n) + (4|5)', () => {
    const name = fc.stringMatching(/^[a-z]([-a-z0-9]{0,30}[a-z0-9])?$/);
    fc.assert(
      fc.property(name, name, fc.nat({ max: 100000 }), fc.boolean(), (ns, svc, n, healthy) => {
        expect(serviceHealthBody(ns, svc, n, healthy)).toHaveLength(99 + ns.length + svc.length + String(n).length + (healthy ? 4 : 5));
      }),
    );
  });

  it('evaluation is pure: the same scenario gives the same answer and is not mutated', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const before = JSON.stringify(s);
        expect(JSON.stringify(evaluate(s))).toBe(JSON.stringify(evaluate(s)));
        expect(JSON.stringify(s)).toBe(before);
      }),
      { numRuns: 50 },
    );
  });
});

/**
 * The evaluation context's per-node categorisation is a faster route to the same answer as kube-proxy's
 * CategorizeEndpoints (R-EP-1..5): checked against `categorizeEndpoints` on random clusters.
 */
import fc from 'fast-check';
import { categorizeEndpoints } from '@/lib/engine';
import { createContext } from '@/lib/engine/context';
import { buildScenario } from '../support/scenario-builder';

const arb = fc.record({
  nodes: fc.integer({ min: 1, max: 6 }),
  zones: fc.integer({ min: 0, max: 3 }),
  pods: fc.array(fc.record({ node: fc.integer({ min: -1, max: 5 }), ready: fc.boolean(), serving: fc.boolean(), terminating: fc.boolean(), zoneless: fc.boolean() }), { maxLength: 12 }),
  td: fc.constantFrom(null, 'PreferClose', 'PreferSameZone', 'PreferSameNode'),
  etp: fc.constantFrom('Local', 'Cluster'),
  itp: fc.constantFrom('Local', 'Cluster'),
  type: fc.constantFrom('ClusterIP', 'NodePort', 'LoadBalancer' as const),
});

describe('EngineContext.categorization ≡ categorizeEndpoints (R-EP-1..5)', () => {
  it('agrees on every node of random clusters', () => {
    fc.assert(
      fc.property(arb, (r) => {
        const nodes = Array.from({ length: r.nodes }, (_, i) => ({ name: `n${i}`, ip: `10.0.0.${i + 1}`, zone: r.zones ? `z${i % r.zones}` : null }));
        const s = buildScenario({
          nodes,
          pods: r.pods.map((p, i) => {
            const node = p.node < 0 ? null : `n${p.node % r.nodes}`;
            return { name: `p${i}`, node, ip: `10.1.0.${i + 1}`, ready: p.ready, serving: p.serving, terminating: p.terminating, ...(p.zoneless ? { zone: null } : {}) };
          }),
          service: { type: r.type, externalTrafficPolicy: r.type === 'ClusterIP' ? null : r.etp, internalTrafficPolicy: r.itp, trafficDistribution: r.td, ingress: r.type === 'LoadBalancer' ? [{ ip: '1.2.3.4', ipMode: 'VIP' }] : [] },
        });
        const ctx = createContext(s);
        const pods = (set: readonly { pod: string }[] | null) => (set === null ? null : set.map((e) => e.pod));
        for (const n of ctx.scenario.cluster.nodes) {
          const fast = ctx.categorization(n);
          const ref = categorizeEndpoints(ctx.hinted, ctx.flags, n.name, n.zone);
          expect(pods(fast.cluster)).toEqual(pods(ref.cluster));
          expect(pods(fast.local)).toEqual(pods(ref.local));
          expect(new Set(pods(fast.allReachable))).toEqual(new Set(pods(ref.allReachable)));
          expect(fast.hasAnyEndpoints).toBe(ref.hasAnyEndpoints);
          expect(fast.topologyMode).toBe(ref.topologyMode);
          expect(fast.localServingTerminating).toBe(ref.localServingTerminating);
          expect(fast.clusterServingTerminating).toBe(ref.clusterServingTerminating);
        }
      }),
      { numRuns: 400 },
    );
  });
});

/**
 * The evaluation context's per-node counts are shortcuts to plain scans: R-HC-2 localEndpoints (one pass for all
 * nodes, with a fallback when IPs repeat) and, per endpoint set, which endpoints are on a node (indexed once for
 * large sets). Checked against the scans on random clusters large enough to take both routes.
 */
import fc from 'fast-check';
import { localReadyEndpointCount, type EndpointModel } from '@/lib/engine';
import { createContext } from '@/lib/engine/context';
import { buildScenario } from '../support/scenario-builder';

const podArb = fc.record({ node: fc.integer({ min: -1, max: 5 }), ready: fc.boolean(), terminating: fc.boolean(), sharedIp: fc.boolean() });

const arb = fc.record({
  nodes: fc.integer({ min: 1, max: 6 }),
  // Small sets are scanned, sets of 64 or more are indexed: draw both.
  pods: fc.oneof(fc.array(podArb, { maxLength: 20 }), fc.array(podArb, { minLength: 64, maxLength: 150 })),
  sharedIps: fc.boolean(),
});

type Drawn = typeof arb extends fc.Arbitrary<infer T> ? T : never;

function scenarioOf(r: Drawn) {
  const nodes = Array.from({ length: r.nodes }, (_, i) => ({ name: `n${i}`, ip: `10.0.0.${i + 1}` }));
  return buildScenario({
    nodes,
    pods: r.pods.map((p, i) => {
      const node = p.node < 0 ? null : `n${p.node % r.nodes}`;
      // Repeated IPs (the same address listed twice, on one node or several) must be counted once per node.
      const ip = r.sharedIps && p.sharedIp ? `10.1.0.${i % 3}` : `10.2.${Math.floor(i / 200)}.${i % 200}`;
      return { name: `p${i}`, node, ip, ready: p.ready && !p.terminating, serving: true, terminating: p.terminating };
    }),
    service: { type: 'LoadBalancer', externalTrafficPolicy: 'Local' },
  });
}

const positionsByScan = (set: readonly EndpointModel[], node: string) => set.flatMap((e, i) => (e.node === node ? [i] : []));

describe('EngineContext counts ≡ plain scans', () => {
  it('localReadyCount equals localReadyEndpointCount (R-HC-2) on every node, with or without repeated IPs', () => {
    fc.assert(
      fc.property(arb, (r) => {
        const s = scenarioOf(r);
        const ctx = createContext(s);
        for (const n of s.cluster.nodes) expect(ctx.localReadyCount(n.name)).toBe(localReadyEndpointCount(s.endpoints, n.name));
      }),
      { numRuns: 200 },
    );
  });

  it('localPositions and remoteCount agree with a scan for small and large sets, asked repeatedly', () => {
    fc.assert(
      fc.property(arb, (r) => {
        const s = scenarioOf(r);
        const ctx = createContext(s);
        const sets = [s.endpoints, s.endpoints.filter((e) => e.ready), s.endpoints.slice(0, 10)];
        for (let round = 0; round < 2; round++) {
          for (const set of sets) {
            for (const n of [...s.cluster.nodes.map((x) => x.name), 'not-a-node']) {
              const expected = positionsByScan(set, n);
              expect(ctx.localPositions(set, n)).toEqual(expected);
              expect(ctx.remoteCount(set, n)).toBe(set.length - expected.length);
            }
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});

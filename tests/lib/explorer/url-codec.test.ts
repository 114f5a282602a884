import fc from 'fast-check';
import { BALANCING, PROXY_MODES } from '@/lib/engine';
import { DEFAULT_STATE, EXPLORER_LIMITS, decodeState, encodeState, stateFromSearch, type ExplorerState } from '@/lib/explorer';

const stateArb: fc.Arbitrary<ExplorerState> = fc
  .integer({ min: EXPLORER_LIMITS.minNodes, max: EXPLORER_LIMITS.maxNodes })
  .chain((nodeCount) =>
    fc.record({
      policy: fc.constantFrom('Cluster' as const, 'Local' as const),
      proxyMode: fc.constantFrom(...PROXY_MODES),
      balancing: fc.constantFrom(...BALANCING),
      targets: fc.constantFrom('nodes' as const, 'pods' as const),
      preservesClientIP: fc.boolean(),
      nodes: fc.array(fc.record({ drained: fc.boolean() }), { minLength: nodeCount, maxLength: nodeCount }),
      pods: fc
        .array(
          fc.record({
            node: fc.integer({ min: 0, max: nodeCount - 1 }),
            state: fc.constantFrom('ready' as const, 'not-ready' as const, 'terminating' as const),
          }),
          { maxLength: EXPLORER_LIMITS.maxPods },
        )
        .filter((pods) => Array.from({ length: nodeCount }, (_, n) => pods.filter((p) => p.node === n).length).every((c) => c <= EXPLORER_LIMITS.maxPodsPerNode)),
      source: fc.record({
        kind: fc.constantFrom('external' as const, 'pod' as const, 'node' as const),
        node: fc.integer({ min: 0, max: nodeCount - 1 }),
      }),
    }),
  );

describe('explorer URL codec', () => {
  it('round-trips every valid layout exactly', () => {
    fc.assert(
      fc.property(stateArb, (state) => {
        const decoded = decodeState(encodeState(state));
        expect(decoded).toEqual({ ok: true, state });
      }),
    );
  });

  it('encodes the default layout compactly and readably', () => {
    expect(encodeState(DEFAULT_STATE)).toBe('1.L.it.h.nk.abc.arararbr.ea');
  });

  it('reads an absent parameter as the fallback layout', () => {
    expect(stateFromSearch('?other=1', DEFAULT_STATE)).toEqual({ ok: true, state: DEFAULT_STATE });
  });

  it.each([
    ['an unknown version', '2.L.it.h.nk.abc.ar.ea', /part 1 \(version\): unknown version "2"/],
    ['a missing part', '1.L.it.h.nk.abc.ar', /expected 8 parts/],
    ['a bad policy', '1.X.it.h.nk.abc.ar.ea', /part 2 \(policy\): "X" is not C \(Cluster\) or L \(Local\)/],
    ['an unknown proxy mode', '1.L.zz.h.nk.abc.ar.ea', /part 3 \(proxy mode\): unknown code "zz"/],
    ['an unknown balancing', '1.L.it.q.nk.abc.ar.ea', /part 4 \(balancing\)/],
    ['a bad balancer part', '1.L.it.h.zz.abc.ar.ea', /part 5 \(load balancer\)/],
    ['too many nodes', '1.L.it.h.nk.abcdefg.ar.ea', /part 6 \(nodes\): 7 nodes/],
    ['nodes out of order', '1.L.it.h.nk.acb.ar.ea', /part 6 \(nodes\): node 2 must be "b"/],
    ['a Pod on a missing node', '1.L.it.h.nk.ab.cr.ea', /part 7 \(pods\): Pod 1 is on "c"/],
    ['a Pod with an unknown state', '1.L.it.h.nk.ab.az.ea', /part 7 \(pods\): Pod 1 has state "z"/],
    ['an odd Pod string', '1.L.it.h.nk.ab.ara.ea', /part 7 \(pods\): each Pod is two letters/],
    ['too many Pods on one node', '1.L.it.h.nk.ab.arararararararbr.ea', /more than 6 Pods on node-a/],
    ['a bad source kind', '1.L.it.h.nk.ab.ar.xa', /part 8 \(traffic source\)/],
    ['a source on a missing node', '1.L.it.h.nk.ab.ar.ec', /part 8 \(traffic source\): node "c"/],
  ])('refuses %s, naming the part', (_name, text, message) => {
    const decoded = decodeState(text);
    expect(decoded).toEqual({ ok: false, issues: [{ path: 's', message: expect.stringMatching(message) }] });
  });
});

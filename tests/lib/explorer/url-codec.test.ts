import fc from 'fast-check';
import { BALANCING, PROXY_MODES } from '@/lib/engine';
import {
  DEFAULT_STATE,
  EXPLORER_LIMITS,
  MAX_AFFINITY_TIMEOUT,
  TRAFFIC_DISTRIBUTIONS,
  ZONES,
  decodeState,
  encodeState,
  stateFromSearch,
  type ExplorerState,
} from '@/lib/explorer';

const stateArb: fc.Arbitrary<ExplorerState> = fc
  .integer({ min: EXPLORER_LIMITS.minNodes, max: EXPLORER_LIMITS.maxNodes })
  .chain((nodeCount) =>
    fc.record(
      {
        policy: fc.constantFrom('Cluster' as const, 'Local' as const),
        proxyMode: fc.constantFrom(...PROXY_MODES),
        balancing: fc.constantFrom(...BALANCING),
        targets: fc.constantFrom('nodes' as const, 'pods' as const),
        preservesClientIP: fc.boolean(),
        nodes: fc.array(
          fc.record(
            { drained: fc.boolean(), zone: fc.constantFrom(...ZONES) },
            { requiredKeys: ['drained'] },
          ),
          {
            minLength: nodeCount,
            maxLength: nodeCount,
          },
        ),
        pods: fc
          .array(
            fc.record({
              node: fc.integer({ min: 0, max: nodeCount - 1 }),
              state: fc.constantFrom('ready' as const, 'not-ready' as const, 'terminating' as const),
            }),
            { maxLength: EXPLORER_LIMITS.maxPods },
          )
          .filter((pods) =>
            Array.from({ length: nodeCount }, (_, n) => pods.filter((p) => p.node === n).length).every(
              (c) => c <= EXPLORER_LIMITS.maxPodsPerNode,
            ),
          ),
        source: fc.record({
          kind: fc.constantFrom('external' as const, 'pod' as const, 'node' as const),
          node: fc.integer({ min: 0, max: nodeCount - 1 }),
        }),
        destination: fc.constantFrom('clusterIP' as const, 'nodePort' as const),
        internalLocal: fc.constant(true as const),
        affinity: fc.record({ timeoutSeconds: fc.integer({ min: 1, max: MAX_AFFINITY_TIMEOUT }) }),
        trafficDistribution: fc.constantFrom(...TRAFFIC_DISTRIBUTIONS),
      },
      {
        requiredKeys: [
          'policy',
          'proxyMode',
          'balancing',
          'targets',
          'preservesClientIP',
          'nodes',
          'pods',
          'source',
        ],
      },
    ),
  )
  // Outside traffic always goes to the balancer: a destination is only kept for an inside sender.
  .map((s) => {
    if (s.source.kind !== 'external' || s.destination === undefined) return s;
    const { destination: _ignored, ...rest } = s;
    return rest;
  });

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

  it('writes the inside-traffic settings as a ninth part, only when one is not the default', () => {
    const state: ExplorerState = {
      ...DEFAULT_STATE,
      source: { kind: 'pod', node: 2 },
      destination: 'clusterIP',
      internalLocal: true,
      affinity: { timeoutSeconds: 60 },
      nodes: [{ drained: false, zone: 'zone-a' }, { drained: false }, { drained: true, zone: 'zone-c' }],
      trafficDistribution: 'PreferSameNode',
    };
    expect(encodeState(state)).toBe('1.L.it.h.nk.abC.arararbr.pc.dcila60zaxctn');
    expect(encodeState({ ...DEFAULT_STATE, affinity: { timeoutSeconds: 10800 } })).toBe(
      '1.L.it.h.nk.abc.arararbr.ea.a',
    );
    expect(decodeState('1.L.it.h.nk.abc.arararbr.pb.dn')).toEqual({
      ok: true,
      state: { ...DEFAULT_STATE, source: { kind: 'pod', node: 1 }, destination: 'nodePort' },
    });
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
    [
      'ten parts',
      '1.L.it.h.nk.ab.ar.pa.dc.x',
      /expected 8 parts .*\(9 with the inside-traffic settings\), found 10/,
    ],
    ['an empty ninth part', '1.L.it.h.nk.ab.ar.pa.', /part 9 \(inside traffic and topology\): empty/],
    [
      'a destination for outside traffic',
      '1.L.it.h.nk.ab.ar.ea.dc',
      /part 9 .*only for a sender inside the cluster/,
    ],
    [
      'an unknown destination',
      '1.L.it.h.nk.ab.ar.pa.dq',
      /part 9 .*"dq" must be dc \(ClusterIP\) or dn \(NodePort\)/,
    ],
    [
      'an affinity timeout out of range',
      '1.L.it.h.nk.ab.ar.pa.a86401',
      /part 9 .*affinity timeout 86401 s is not from 1 to 86400/,
    ],
    [
      'zones for too few nodes',
      '1.L.it.h.nk.ab.ar.pa.za',
      /part 9 .*zones "a" must give one letter per node \(2\)/,
    ],
    ['an unknown zone letter', '1.L.it.h.nk.ab.ar.pa.zaq', /part 9 .*node 2's zone "q"/],
    ['an unknown trafficDistribution', '1.L.it.h.nk.ab.ar.pa.tq', /part 9 .*"tq" must be tc, tz or tn/],
    ['items out of order', '1.L.it.h.nk.ab.ar.pa.ildc', /part 9 .*cannot read "dc"/],
  ])('refuses %s, naming the part', (_name, text, message) => {
    const decoded = decodeState(text);
    expect(decoded).toEqual({ ok: false, issues: [{ path: 's', message: expect.stringMatching(message) }] });
  });
});

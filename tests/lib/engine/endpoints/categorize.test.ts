/**
 * Endpoint categorisation (R-EP-1..5), mirroring pkg/proxy/topology_test.go TestCategorizeEndpoints. Hints
 * are written by hand where the upstream case does; elsewhere they come from `assignHints` (the EndpointSlice
 * controller's trafficdist heuristic).
 */
import { assignHints, categorizeEndpoints, type HintedEndpoint } from '@/lib/engine';
import type { EndpointModel } from '@/lib/engine/model';

const NODE = 'test-node';

function ep(ip: string, o: Partial<EndpointModel> & { local?: boolean } = {}): EndpointModel {
  const ready = o.ready ?? true;
  return {
    pod: `pod-${ip}`,
    node: o.node !== undefined ? o.node : o.local ? NODE : 'other-node',
    ip,
    zone: o.zone ?? null,
    ready,
    serving: o.serving ?? ready,
    terminating: o.terminating ?? false,
  };
}
const hinted = (e: EndpointModel, forZone: string | null = null, forNode: string | null = null): HintedEndpoint => ({ endpoint: e, forZone, forNode });
const ips = (set: EndpointModel[] | null) => (set === null ? null : set.map((e) => e.ip).sort());

const CLUSTER_ONLY = { usesClusterEndpoints: true, usesLocalEndpoints: false };
const ETP_LOCAL = { usesClusterEndpoints: true, usesLocalEndpoints: true };
const ITP_LOCAL_INTERNAL = { usesClusterEndpoints: false, usesLocalEndpoints: true };

describe('categorizeEndpoints (R-EP-1..5) — topology_test.go TestCategorizeEndpoints', () => {
  const fourZones = (readyLast = true) => [
    hinted(ep('10.1.2.3', { local: true }), 'zone-a'),
    hinted(ep('10.1.2.4', { local: true }), 'zone-b'),
    hinted(ep('10.1.2.5'), 'zone-c'),
    hinted(ep('10.1.2.6', { ready: readyLast }), 'zone-a'),
  ];
  type Row = [string, HintedEndpoint[], typeof CLUSTER_ONLY, string | null, string[] | null, string[] | null, string[], boolean];
  const rows: Row[] = [
    ['R-EP-5: normal endpoint filtering (same zone only)', fourZones(), CLUSTER_ONLY, 'zone-a', ['10.1.2.3', '10.1.2.6'], null, ['10.1.2.3', '10.1.2.6'], true],
    ['R-EP-5: eTP Local, topology ignored for Local endpoints', fourZones(), ETP_LOCAL, 'zone-a', ['10.1.2.3', '10.1.2.6'], ['10.1.2.3', '10.1.2.4'], ['10.1.2.3', '10.1.2.4', '10.1.2.6'], true],
    ['R-EP-5: empty node labels: no filtering', [hinted(ep('10.1.2.3'), 'zone-a')], CLUSTER_ONLY, null, ['10.1.2.3'], null, ['10.1.2.3'], true],
    ['R-EP-5: node in different zone, no endpoint filtering', [hinted(ep('10.1.2.3'), 'zone-a')], CLUSTER_ONLY, 'zone-b', ['10.1.2.3'], null, ['10.1.2.3'], true],
    ['R-EP-5: unready endpoint neither counts nor is used', fourZones(false), CLUSTER_ONLY, 'zone-a', ['10.1.2.3'], null, ['10.1.2.3'], true],
    [
      'R-EP-5: only unready endpoints in same zone (should not filter)',
      [hinted(ep('10.1.2.3', { ready: false }), 'zone-a'), hinted(ep('10.1.2.4'), 'zone-b'), hinted(ep('10.1.2.5'), 'zone-c'), hinted(ep('10.1.2.6', { ready: false }), 'zone-a')],
      CLUSTER_ONLY, 'zone-a', ['10.1.2.4', '10.1.2.5'], null, ['10.1.2.4', '10.1.2.5'], true,
    ],
    [
      'R-EP-5: missing hints, no filtering applied',
      [hinted(ep('10.1.2.3'), 'zone-a'), hinted(ep('10.1.2.4'), 'zone-b'), hinted(ep('10.1.2.5'), null), hinted(ep('10.1.2.6'), 'zone-a')],
      CLUSTER_ONLY, 'zone-a', ['10.1.2.3', '10.1.2.4', '10.1.2.5', '10.1.2.6'], null, ['10.1.2.3', '10.1.2.4', '10.1.2.5', '10.1.2.6'], true,
    ],
    [
      'R-EP-5: conflicting topology and localness require merging allEndpoints',
      [hinted(ep('10.0.0.0', { local: true }), 'zone-a'), hinted(ep('10.0.0.1', { local: true }), 'zone-b'), hinted(ep('10.0.0.2'), 'zone-a'), hinted(ep('10.0.0.3'), 'zone-b')],
      ETP_LOCAL, 'zone-a', ['10.0.0.0', '10.0.0.2'], ['10.0.0.0', '10.0.0.1'], ['10.0.0.0', '10.0.0.1', '10.0.0.2'], true,
    ],
    ['R-EP-2: iTP Local, with empty endpoints', [], ITP_LOCAL_INTERNAL, null, null, null, [], false],
    ['R-EP-2/3: iTP Local, but all endpoints are remote', [hinted(ep('10.0.0.0')), hinted(ep('10.0.0.1'))], ITP_LOCAL_INTERNAL, null, null, [], [], true],
    ['R-EP-2: iTP Local, all endpoints are local', [hinted(ep('10.0.0.0', { local: true })), hinted(ep('10.0.0.1', { local: true }))], ITP_LOCAL_INTERNAL, null, null, ['10.0.0.0', '10.0.0.1'], ['10.0.0.0', '10.0.0.1'], true],
    ['R-EP-2: iTP Local, some endpoints are local', [hinted(ep('10.0.0.0', { local: true })), hinted(ep('10.0.0.1'))], ITP_LOCAL_INTERNAL, null, null, ['10.0.0.0'], ['10.0.0.0'], true],
    ['R-EP-4: Cluster traffic policy, endpoints not Ready', [hinted(ep('10.0.0.0', { ready: false })), hinted(ep('10.0.0.1', { ready: false }))], CLUSTER_ONLY, null, [], null, [], false],
    ['R-EP-1: Cluster traffic policy, some endpoints are Ready', [hinted(ep('10.0.0.0', { ready: false })), hinted(ep('10.0.0.1'))], CLUSTER_ONLY, null, ['10.0.0.1'], null, ['10.0.0.1'], true],
    [
      'R-EP-1: Cluster traffic policy, all endpoints are terminating (serving fallback)',
      [hinted(ep('10.0.0.0', { local: true, ready: false, serving: true, terminating: true })), hinted(ep('10.0.0.1', { ready: false, serving: true, terminating: true }))],
      CLUSTER_ONLY, null, ['10.0.0.0', '10.0.0.1'], null, ['10.0.0.0', '10.0.0.1'], true,
    ],
    ['R-EP-2: iTP Local, eTP Cluster, some endpoints local', [hinted(ep('10.0.0.0', { local: true })), hinted(ep('10.0.0.1'))], ETP_LOCAL, null, ['10.0.0.0', '10.0.0.1'], ['10.0.0.0'], ['10.0.0.0', '10.0.0.1'], true],
    ['R-EP-2: iTP Local, eTP Local, all endpoints remote', [hinted(ep('10.0.0.0')), hinted(ep('10.0.0.1'))], ETP_LOCAL, null, ['10.0.0.0', '10.0.0.1'], [], ['10.0.0.0', '10.0.0.1'], true],
    [
      'R-EP-1/2: iTP Local, eTP Local, all endpoints remote and terminating',
      [hinted(ep('10.0.0.0', { ready: false, serving: true, terminating: true })), hinted(ep('10.0.0.1', { ready: false, serving: true, terminating: true }))],
      ETP_LOCAL, null, ['10.0.0.0', '10.0.0.1'], [], ['10.0.0.0', '10.0.0.1'], true,
    ],
    [
      'R-EP-2: iTP Cluster, eTP Local, with terminating endpoints (local fallback independent of cluster)',
      [
        hinted(ep('10.0.0.0')),
        hinted(ep('10.0.0.1', { local: true, ready: false, serving: false })),
        hinted(ep('10.0.0.2', { local: true, ready: false, serving: true, terminating: true })),
        hinted(ep('10.0.0.3', { ready: false, serving: true, terminating: true })),
      ],
      ETP_LOCAL, null, ['10.0.0.0'], ['10.0.0.2'], ['10.0.0.0', '10.0.0.2'], true,
    ],
    ['no cluster endpoints for an iTP Local internal-only service', [hinted(ep('10.0.0.0')), hinted(ep('10.0.0.1', { local: true }))], ITP_LOCAL_INTERNAL, null, null, ['10.0.0.1'], ['10.0.0.1'], true],
  ];
  it.each(rows)('%s', (_name, endpoints, flags, zone, cluster, local, all, hasAny) => {
    const c = categorizeEndpoints(endpoints, flags, NODE, zone);
    expect(ips(c.cluster)).toEqual(cluster);
    expect(ips(c.local)).toEqual(local);
    expect(ips(c.allReachable)).toEqual(all);
    expect(c.hasAnyEndpoints).toBe(hasAny);
  });
});

describe('R-EP-5: hints assigned from trafficDistribution, then used by kube-proxy', () => {
  // Three nodes in two zones; endpoints on n1 (zone-a), n2 (zone-a) and n3 (zone-b).
  const eps = [
    ep('10.0.1.1', { node: 'n1', zone: 'zone-a' }),
    ep('10.0.2.1', { node: 'n2', zone: 'zone-a' }),
    ep('10.0.3.1', { node: 'n3', zone: 'zone-b' }),
  ];
  it.each([
    ['no trafficDistribution: no hints, no preference', null, 'n1', 'zone-a', '', ['10.0.1.1', '10.0.2.1', '10.0.3.1']],
    ['PreferClose: same zone', 'PreferClose', 'n1', 'zone-a', 'PreferSameZone', ['10.0.1.1', '10.0.2.1']],
    ['PreferSameZone: same zone', 'PreferSameZone', 'n3', 'zone-b', 'PreferSameZone', ['10.0.3.1']],
    ['PreferSameNode: same node', 'PreferSameNode', 'n2', 'zone-a', 'PreferSameNode', ['10.0.2.1']],
    ['PreferSameNode on a node without endpoints falls back to its zone', 'PreferSameNode', 'n4', 'zone-b', 'PreferSameZone', ['10.0.3.1']],
    ['PreferClose on a node in a zone without endpoints: no filtering', 'PreferClose', 'n5', 'zone-c', '', ['10.0.1.1', '10.0.2.1', '10.0.3.1']],
    ['an unknown value writes no hints', 'Bogus', 'n1', 'zone-a', '', ['10.0.1.1', '10.0.2.1', '10.0.3.1']],
  ] as const)('%s', (_n, td, node, zone, mode, cluster) => {
    const c = categorizeEndpoints(assignHints(eps, td), CLUSTER_ONLY, node, zone);
    expect(c.topologyMode).toBe(mode);
    expect(ips(c.cluster)).toEqual(cluster);
  });

  it('an endpoint without a zone gets no zone hint, which disables zone filtering everywhere', () => {
    const withUnzoned = [...eps, ep('10.0.9.9', { node: 'n9', zone: null })];
    const c = categorizeEndpoints(assignHints(withUnzoned, 'PreferClose'), CLUSTER_ONLY, 'n1', 'zone-a');
    expect(c.topologyMode).toBe('');
    expect(c.cluster).toHaveLength(4);
  });

  it('not-ready endpoints get no hints (the controller only hints ready ones)', () => {
    const h = assignHints([ep('10.0.1.1', { node: 'n1', zone: 'zone-a', ready: false })], 'PreferSameNode');
    expect(h[0]).toMatchObject({ forZone: null, forNode: null });
  });

  it('does not mutate its input', () => {
    const input = assignHints(eps, 'PreferClose');
    const copy = JSON.parse(JSON.stringify(input));
    categorizeEndpoints(input, ETP_LOCAL, 'n1', 'zone-a');
    expect(input).toEqual(copy);
  });
});

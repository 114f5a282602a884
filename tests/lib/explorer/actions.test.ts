import {
  DEFAULT_STATE,
  EXPLORER_LIMITS,
  applyAction,
  decodeState,
  encodeState,
  podName,
  toScenario,
  type ExplorerAction,
  type ExplorerState,
} from '@/lib/explorer';

const base: ExplorerState = DEFAULT_STATE;

describe('explorer actions', () => {
  it.each<[string, ExplorerAction, (s: ExplorerState) => unknown, unknown]>([
    ['flips the policy', { type: 'policy', policy: 'Cluster' }, (s) => s.policy, 'Cluster'],
    ['picks a proxy mode', { type: 'proxyMode', proxyMode: 'cilium-dsr' }, (s) => s.proxyMode, 'cilium-dsr'],
    ['picks a balancer model', { type: 'balancing', balancing: 'weighted' }, (s) => s.balancing, 'weighted'],
    ['adds a node', { type: 'addNode' }, (s) => s.nodes.length, 4],
    [
      'adds a ready Pod to a node',
      { type: 'addPod', node: 2 },
      (s) => s.pods.at(-1),
      { node: 2, state: 'ready' },
    ],
    ['removes a Pod', { type: 'removePod', pod: 0 }, (s) => s.pods.length, 3],
    [
      'moves a Pod to another node',
      { type: 'movePod', pod: 0, node: 2 },
      (s) => s.pods[0],
      { node: 2, state: 'ready' },
    ],
    [
      'marks a Pod not ready',
      { type: 'podState', pod: 3, state: 'not-ready' },
      (s) => s.pods[3]?.state,
      'not-ready',
    ],
    [
      'drains a node: taints it and terminates its Pods',
      { type: 'drain', node: 0, drained: true },
      (s) => [s.nodes[0]?.drained, s.pods.filter((p) => p.node === 0).map((p) => p.state)],
      [true, ['terminating', 'terminating', 'terminating']],
    ],
    [
      'sends traffic from a Pod',
      { type: 'source', source: { kind: 'pod', node: 2 } },
      (s) => s.source,
      { kind: 'pod', node: 2 },
    ],
  ])('%s', (_name, action, pick, expected) => {
    expect(pick(applyAction(base, action))).toEqual(expected);
  });

  it('removing the last node removes its Pods and moves a source that was there', () => {
    const state = applyAction(
      { ...base, source: { kind: 'node', node: 2 }, pods: [...base.pods, { node: 2, state: 'ready' }] },
      { type: 'removeNode' },
    );
    expect(state.nodes).toHaveLength(2);
    expect(state.pods.every((p) => p.node < 2)).toBe(true);
    expect(state.source).toEqual({ kind: 'node', node: 0 });
  });

  it.each<[string, ExplorerState, ExplorerAction]>([
    [
      'a seventh node',
      { ...base, nodes: Array.from({ length: EXPLORER_LIMITS.maxNodes }, () => ({ drained: false })) },
      { type: 'addNode' },
    ],
    [
      'removing the only node',
      { ...base, nodes: [{ drained: false }], pods: [], source: { kind: 'external', node: 0 } },
      { type: 'removeNode' },
    ],
    ['a Pod on a node that does not exist', base, { type: 'addPod', node: 5 }],
    ['moving a Pod that does not exist', base, { type: 'movePod', pod: 9, node: 1 }],
    [
      'a seventh Pod on one node',
      { ...base, pods: Array.from({ length: 6 }, () => ({ node: 0, state: 'ready' as const })) },
      { type: 'addPod', node: 0 },
    ],
  ])('refuses %s by returning the same state', (_name, state, action) => {
    expect(applyAction(state, action)).toBe(state);
  });
});

describe('explorer Pod names stay put', () => {
  it('removing web-1 keeps web-2, web-3 and web-4 named as they were, through the URL too', () => {
    const removed = applyAction(DEFAULT_STATE, { type: 'removePod', pod: 0 });
    const names = (s: ExplorerState) => s.pods.map((_, i) => podName(s, i));
    expect(names(removed)).toEqual(['web-2', 'web-3', 'web-4']);
    const code = encodeState(removed);
    const back = decodeState(code);
    expect(back.ok && names(back.state)).toEqual(['web-2', 'web-3', 'web-4']);
    // A new Pod takes the next free number, not a used one.
    const added = applyAction(removed, { type: 'addPod', node: 2 });
    expect(names(added)).toEqual(['web-2', 'web-3', 'web-4', 'web-5']);
    // Pod IPs follow the name, so they do not move either.
    expect((toScenario(removed).input.cluster.pods ?? []).map((p) => p.ip)).toEqual(
      (toScenario(DEFAULT_STATE).input.cluster.pods ?? []).slice(1).map((p) => p.ip),
    );
  });

  it('a layout with no gaps encodes exactly as before', () => {
    expect(encodeState(DEFAULT_STATE)).toBe('1.L.it.h.nk.abc.arararbr.ea');
    expect(decodeState('1.L.it.h.nk.abc.ar2ar2.ea')).toEqual({
      ok: false,
      issues: [{ path: 's', message: expect.stringMatching(/numbered 2, which is taken/) }],
    });
  });
});

describe('explorer actions for inside traffic', () => {
  const podSender = applyAction(base, { type: 'source', source: { kind: 'pod', node: 2 } });

  it('a sender moving inside dials the ClusterIP; moving back outside drops the destination', () => {
    expect(podSender.destination).toBe('clusterIP');
    const toNode = applyAction(applyAction(podSender, { type: 'destination', destination: 'nodePort' }), {
      type: 'source',
      source: { kind: 'node', node: 1 },
    });
    expect(toNode.destination).toBe('nodePort'); // inside to inside keeps the choice
    const outside = applyAction(toNode, { type: 'source', source: { kind: 'external', node: 0 } });
    expect(outside).not.toHaveProperty('destination');
    expect(encodeState(outside)).toBe(encodeState(base));
  });

  it('keeps no destination for outside traffic, and writes the LB address as no field (as older links)', () => {
    expect(applyAction(base, { type: 'destination', destination: 'clusterIP' })).toBe(base);
    expect(applyAction(podSender, { type: 'destination', destination: 'loadBalancer' })).not.toHaveProperty(
      'destination',
    );
  });

  it('sets internalTrafficPolicy Local and removes the field for Cluster', () => {
    const local = applyAction(base, { type: 'internalPolicy', policy: 'Local' });
    expect(local.internalLocal).toBe(true);
    expect(applyAction(local, { type: 'internalPolicy', policy: 'Cluster' })).toEqual(base);
  });

  it('turns ClientIP affinity on with the API default timeout, accepts only whole seconds 1…86400, and off again', () => {
    const on = applyAction(base, { type: 'sessionAffinity', affinity: 'ClientIP' });
    expect(on.affinity).toEqual({ timeoutSeconds: 10800 });
    expect(applyAction(on, { type: 'affinityTimeout', seconds: 60 }).affinity).toEqual({
      timeoutSeconds: 60,
    });
    for (const bad of [0, -5, 86401, 1.5, Number.NaN])
      expect(applyAction(on, { type: 'affinityTimeout', seconds: bad })).toBe(on);
    expect(applyAction(base, { type: 'affinityTimeout', seconds: 60 })).toBe(base); // no affinity, no timeout
    expect(applyAction(on, { type: 'sessionAffinity', affinity: 'None' })).toEqual(base);
  });

  it('labels a node with a zone and clears it; draining keeps the zone', () => {
    const zoned = applyAction(base, { type: 'zone', node: 1, zone: 'zone-b' });
    expect(zoned.nodes[1]).toEqual({ drained: false, zone: 'zone-b' });
    expect(applyAction(zoned, { type: 'drain', node: 1, drained: true }).nodes[1]).toEqual({
      drained: true,
      zone: 'zone-b',
    });
    expect(applyAction(zoned, { type: 'zone', node: 1, zone: null })).toEqual(base);
    expect(applyAction(base, { type: 'zone', node: 7, zone: 'zone-a' })).toBe(base);
  });

  it('sets and clears trafficDistribution', () => {
    const close = applyAction(base, { type: 'trafficDistribution', value: 'PreferClose' });
    expect(close.trafficDistribution).toBe('PreferClose');
    expect(applyAction(close, { type: 'trafficDistribution', value: null })).toEqual(base);
  });
});

/**
 * Backwards compatibility of the URL codec: these layout codes and states were captured from the codec on main
 * (commit 7580483, before the inside-traffic controls were added) as literal strings. Every one must still decode
 * to exactly the state it meant then (no new field appears), and encode back to the same code.
 */
import { decodeState, encodeState, toScenario, type ExplorerState } from '@/lib/explorer';

const CAPTURED: [string, ExplorerState][] = [
  [
    '1.L.it.h.nk.abc.arararbr.ea',
    {
      policy: 'Local',
      proxyMode: 'iptables',
      balancing: 'healthy-nodes',
      targets: 'nodes',
      preservesClientIP: true,
      nodes: [{ drained: false }, { drained: false }, { drained: false }],
      pods: [
        { node: 0, state: 'ready' },
        { node: 0, state: 'ready' },
        { node: 0, state: 'ready' },
        { node: 1, state: 'ready' },
      ],
      source: { kind: 'external', node: 0 },
    },
  ],
  [
    '1.L.it.h.nk.abc.arararbr.pc',
    {
      policy: 'Local',
      proxyMode: 'iptables',
      balancing: 'healthy-nodes',
      targets: 'nodes',
      preservesClientIP: true,
      nodes: [{ drained: false }, { drained: false }, { drained: false }],
      pods: [
        { node: 0, state: 'ready' },
        { node: 0, state: 'ready' },
        { node: 0, state: 'ready' },
        { node: 1, state: 'ready' },
      ],
      source: { kind: 'pod', node: 2 },
    },
  ],
  [
    '1.C.iv.h.nk.abc.arararbr.pc',
    {
      policy: 'Cluster',
      proxyMode: 'ipvs',
      balancing: 'healthy-nodes',
      targets: 'nodes',
      preservesClientIP: true,
      nodes: [{ drained: false }, { drained: false }, { drained: false }],
      pods: [
        { node: 0, state: 'ready' },
        { node: 0, state: 'ready' },
        { node: 0, state: 'ready' },
        { node: 1, state: 'ready' },
      ],
      source: { kind: 'pod', node: 2 },
    },
  ],
  [
    '1.C.iv.h.nk.aBc.arararbt.nb',
    {
      policy: 'Cluster',
      proxyMode: 'ipvs',
      balancing: 'healthy-nodes',
      targets: 'nodes',
      preservesClientIP: true,
      nodes: [{ drained: false }, { drained: true }, { drained: false }],
      pods: [
        { node: 0, state: 'ready' },
        { node: 0, state: 'ready' },
        { node: 0, state: 'ready' },
        { node: 1, state: 'terminating' },
      ],
      source: { kind: 'node', node: 1 },
    },
  ],
  [
    '1.C.iv.h.nk.aBcd.ar2an3bt4dr5.nb',
    {
      policy: 'Cluster',
      proxyMode: 'ipvs',
      balancing: 'healthy-nodes',
      targets: 'nodes',
      preservesClientIP: true,
      nodes: [{ drained: false }, { drained: true }, { drained: false }, { drained: false }],
      pods: [
        { node: 0, state: 'ready', id: 2 },
        { node: 0, state: 'not-ready', id: 3 },
        { node: 1, state: 'terminating', id: 4 },
        { node: 3, state: 'ready', id: 5 },
      ],
      source: { kind: 'node', node: 1 },
    },
  ],
  [
    '1.C.cd.w.px.aBcd.ar2an3bt4dr5.nb',
    {
      policy: 'Cluster',
      proxyMode: 'cilium-dsr',
      balancing: 'weighted',
      targets: 'pods',
      preservesClientIP: false,
      nodes: [{ drained: false }, { drained: true }, { drained: false }, { drained: false }],
      pods: [
        { node: 0, state: 'ready', id: 2 },
        { node: 0, state: 'not-ready', id: 3 },
        { node: 1, state: 'terminating', id: 4 },
        { node: 3, state: 'ready', id: 5 },
      ],
      source: { kind: 'node', node: 1 },
    },
  ],
];

describe('explorer URL codec: codes made by the previous version', () => {
  it.each(CAPTURED)('%s decodes to the same state and encodes back unchanged', (code, state) => {
    expect(decodeState(code)).toEqual({ ok: true, state });
    expect(encodeState(state)).toBe(code);
  });

  it('keeps an old inside sender aimed at the load balancer address (what those links meant)', () => {
    for (const [code] of CAPTURED.filter(([c]) => !c.endsWith('.ea'))) {
      const decoded = decodeState(code);
      if (!decoded.ok) throw new Error(code);
      const { input, focusFlow } = toScenario(decoded.state);
      expect(input.traffic?.[focusFlow]?.to).toBe('loadBalancer');
    }
  });
});

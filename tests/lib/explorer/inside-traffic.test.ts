/**
 * Inside traffic in the explorer: the destination, internalTrafficPolicy, session affinity, zones and
 * trafficDistribution, mapped to a scenario and answered by the engine. Every expected probability is derived by
 * hand from the rules (routing-semantics.md), in the comment beside it, not read from the engine.
 *
 * The base layout is the default one: web-1, web-2, web-3 on node-a, web-4 on node-b, nothing on node-c;
 * externalTrafficPolicy Local, iptables.
 */
import { evaluate, parseScenario } from '@/lib/engine';
import { DEFAULT_STATE, applyAction, type ExplorerAction, type ExplorerState } from '@/lib/explorer';
import { toScenario } from '@/lib/explorer';

function walk(state: ExplorerState) {
  const { input, focusFlow } = toScenario(state);
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const flow = evaluate(parsed.scenario).flows[focusFlow];
  if (!flow) throw new Error('no walked flow');
  const odds = Object.fromEntries(
    flow.backends.filter((b) => b.probability !== '0').map((b) => [b.pod, b.probability]),
  );
  return { flow, odds };
}
const edit = (...actions: ExplorerAction[]) => actions.reduce(applyAction, DEFAULT_STATE);
const podOn = (node: number): ExplorerAction => ({ type: 'source', source: { kind: 'pod', node } });
const zones = (...z: ('zone-a' | 'zone-b' | 'zone-c' | null)[]): ExplorerAction[] =>
  z.map((zone, node) => ({ type: 'zone', node, zone }));
const quarter = { 'web-1': '1/4', 'web-2': '1/4', 'web-3': '1/4', 'web-4': '1/4' };
const nodeA = { 'web-1': '1/3', 'web-2': '1/3', 'web-3': '1/3' };

describe('explorer: traffic from inside the cluster', () => {
  it('a client Pod dials the ClusterIP by default: the Cluster set, any node, unmasqueraded (R-INT-1, R-INT-2)', () => {
    const { flow, odds } = walk(edit(podOn(2)));
    expect(flow.to).toBe('clusterIP');
    // 4 ready endpoints, uniform: 1/4 each; the sender is a Pod, so no SNAT.
    expect(odds).toEqual(quarter);
    expect(flow.masquerade).toBe(false);
    expect(flow.backends.every((b) => b.sourceIpKind === 'client')).toBe(true);
  });

  it('the host network dialling the ClusterIP is masqueraded (R-INT-2)', () => {
    const { flow, odds } = walk(edit({ type: 'source', source: { kind: 'node', node: 2 } }));
    expect(flow.to).toBe('clusterIP');
    expect(odds).toEqual(quarter);
    expect(flow.masquerade).toBe(true);
  });

  it.each([
    // iTP Local: only the sender's node's endpoints (R-INT-1); none there → silent drop (R-INT-3).
    ['node-c (no Pod there): dropped', 2, 'dropped', {}],
    ['node-a: its three Pods, 1/3 each', 0, 'forwarded', nodeA],
    ['node-b: its one Pod', 1, 'forwarded', { 'web-4': '1' }],
  ])('internalTrafficPolicy Local from a Pod on %s', (_name, node, verdict, expected) => {
    const { flow, odds } = walk(edit(podOn(node), { type: 'internalPolicy', policy: 'Local' }));
    expect(flow.verdict).toBe(verdict);
    expect(odds).toEqual(expected);
  });

  it('the LB IP dialled from inside ignores internalTrafficPolicy: the Pod short-circuit takes the Cluster set (R-EXT-4)', () => {
    const state = edit(
      podOn(2),
      { type: 'internalPolicy', policy: 'Local' },
      { type: 'destination', destination: 'loadBalancer' },
    );
    const { flow, odds } = walk(state);
    expect(flow.to).toBe('loadBalancer');
    // eTP is Local and node-c has no Pod, yet a Pod source goes to the Cluster set, unmasqueraded.
    expect(odds).toEqual(quarter);
    expect(flow.masquerade).toBe(false);
  });

  it('a NodePort dialled by the node itself: masqueraded and the Cluster set although eTP is Local (R-EXT-5)', () => {
    const state = edit(
      { type: 'source', source: { kind: 'node', node: 2 } },
      { type: 'destination', destination: 'nodePort' },
    );
    const { flow, odds } = walk(state);
    expect(flow.to).toBe('nodePort');
    expect(odds).toEqual(quarter);
    expect(flow.masquerade).toBe(true);
  });

  describe('zones and trafficDistribution (R-EP-5)', () => {
    const threeZones = zones('zone-a', 'zone-b', 'zone-c');
    const close: ExplorerAction = { type: 'trafficDistribution', value: 'PreferClose' };

    it.each([
      // Every ready endpoint has a zone hint for its own zone; a node uses its zone's endpoints when any exist.
      ['node-a keeps zone-a’s three Pods', 0, nodeA],
      ['node-b keeps zone-b’s one Pod', 1, { 'web-4': '1' }],
      ['node-c has no endpoint hinted for zone-c, so it falls back to all', 2, quarter],
    ])('PreferClose, one zone per node: %s', (_name, node, expected) => {
      const { flow, odds } = walk(edit(podOn(node), ...threeZones, close));
      expect(odds).toEqual(expected);
      expect(flow.steps.some((s) => s.startsWith('R-EP-5'))).toBe(true);
    });

    it('zones without trafficDistribution change nothing: no hints are written', () => {
      const { flow, odds } = walk(edit(podOn(1), ...threeZones));
      expect(odds).toEqual(quarter);
      expect(flow.steps.some((s) => s.startsWith('R-EP-5'))).toBe(false);
    });

    it('one ready endpoint without a zone means no zone hint for it, so no node filters (all 5 Pods, 1/5 each)', () => {
      const state = edit(podOn(1), ...zones('zone-a', 'zone-b', null), close, { type: 'addPod', node: 2 });
      const { odds } = walk(state);
      expect(odds).toEqual({
        'web-1': '1/5',
        'web-2': '1/5',
        'web-3': '1/5',
        'web-4': '1/5',
        'web-5': '1/5',
      });
    });

    it('PreferSameNode keeps the node’s own endpoints, else its zone’s', () => {
      const sameNode: ExplorerAction = { type: 'trafficDistribution', value: 'PreferSameNode' };
      const twoZones = zones('zone-a', 'zone-a', 'zone-b');
      expect(walk(edit(podOn(1), ...twoZones, sameNode)).odds).toEqual({ 'web-4': '1' });
      // web-4 not ready: no hints for it and none for node-b, so node-b falls to zone-a's ready endpoints.
      const notReady: ExplorerAction = { type: 'podState', pod: 3, state: 'not-ready' };
      expect(walk(edit(podOn(1), ...twoZones, sameNode, notReady)).odds).toEqual(nodeA);
      // Under PreferClose the same layout spreads over zone-a: web-1…4 all in zone-a.
      expect(walk(edit(podOn(1), ...twoZones, close)).odds).toEqual(quarter);
    });

    it('the Local set never uses hints: iTP Local on node-a keeps its 3 Pods whatever the zones say', () => {
      const state = edit(podOn(0), ...zones('zone-b', 'zone-a', 'zone-a'), close, {
        type: 'internalPolicy',
        policy: 'Local',
      });
      expect(walk(state).odds).toEqual(nodeA);
    });
  });

  it('ClientIP affinity: first-connection odds unchanged, the walk says later connections stick for the timeout (R-LB-5)', () => {
    const state = edit(
      podOn(2),
      { type: 'sessionAffinity', affinity: 'ClientIP' },
      { type: 'affinityTimeout', seconds: 60 },
    );
    const spec = toScenario(state).input.service.spec;
    expect(spec.sessionAffinity).toBe('ClientIP');
    expect(spec.sessionAffinityConfig).toEqual({ clientIP: { timeoutSeconds: 60 } });
    const { flow, odds } = walk(state);
    expect(odds).toEqual(quarter);
    expect(flow.steps.find((s) => s.startsWith('R-LB-5'))).toMatch(/60 s/);
  });

  it('writes none of the new Service fields for a layout that does not set them', () => {
    const spec = toScenario(edit(podOn(2))).input.service.spec;
    expect(spec).not.toHaveProperty('internalTrafficPolicy');
    expect(spec).not.toHaveProperty('sessionAffinity');
    expect(spec).not.toHaveProperty('trafficDistribution');
  });
});

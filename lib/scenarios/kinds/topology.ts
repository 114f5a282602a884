/**
 * Topology (issue 13) — a Pod calls the ClusterIP of a Service with `trafficDistribution` (PreferClose,
 * PreferSameZone, PreferSameNode; Kubernetes 1.35). The EndpointSlice controller hints every ready endpoint for its
 * own zone (and, for PreferSameNode, its own node); kube-proxy on the sender's node filters the Cluster set by
 * those hints only when every ready endpoint carries them and one names its node / zone (R-EP-5), else it uses
 * the whole Cluster set (R-EP-1). Asked:
 *   uses      which endpoints kube-proxy on the sender's node picks from: `node` | `zone` | `cluster`;
 *   podShare  the probability that a named Pod serves the connection (uniform over that set, R-LB-1);
 *   sameZone  (standard on) the probability that a Pod in the sender's zone serves it.
 *
 * The key comes from `keyOf(scenario, ask)`: the engine's answer for the scenario's one flow, and the engine's own
 * topology mode (assignHints + topologyModeFromHints) for the sender's node.
 */
import { assignHints, parseScenario, topologyModeFromHints, type Answer, type ScenarioInput } from '@/lib/engine';
import { runEngine } from '../engine-run';
import { buildLayout, PROXY_TEXT, type Layout } from '../layout';
import type { MisconceptionId } from '../misconceptions';
import type { Rng } from '../random';
import type { Alternative, Difficulty, FieldKey, ResponseField } from '../types';
import { stepsOf } from '@/lib/engine';
import { choiceField } from './choice-field';
import type { Draft } from './draft';
import { distinctShares, frac, fracString, shareDisplay } from './shares';
import { drawClientPod, podToClusterIP } from './pod-client';
import { counted } from './wording';

export interface TopologyAsk {
  /** The Pod whose probability of serving the connection is asked. */
  pod: string;
  /** Ask the probability that a Pod in the sender's zone serves it. */
  sameZone: boolean;
}

const MODE_VALUE = { PreferSameNode: 'node', PreferSameZone: 'zone', '': 'cluster' } as const;

/** The key: `uses` (node | zone | cluster), `podShare` (exact) and, when asked, `sameZone` (exact). */
export function keyOf(scenario: ScenarioInput, ask: TopologyAsk, answer: Answer = runEngine(scenario)): Record<string, string> {
  const flow = answer.flows[0];
  if (!flow || answer.flows.length !== 1) throw new Error('topology: the scenario must have exactly one flow');
  if (flow.verdict !== 'forwarded') throw new Error(`topology: the flow is ${flow.verdict}`);
  const parsed = parseScenario(scenario);
  if (!parsed.ok) throw new Error('topology: unreadable scenario');
  const s = parsed.scenario;
  const from = s.traffic[0]?.from ?? '';
  const sender = s.cluster.pods.find((p) => `pod/${p.pod}` === from);
  if (!sender) throw new Error('topology: the flow must come from a Pod');
  const node = s.cluster.nodes.find((n) => n.name === sender.node);
  if (!node) throw new Error(`topology: no node ${sender.node}`);
  // internalTrafficPolicy: Local takes the Local set, which topology never filters (R-INT-1, R-EP-2, R-EP-5).
  const local = s.service.internalTrafficPolicy === 'Local';
  const mode = topologyModeFromHints(assignHints(s.endpoints, s.service.trafficDistribution), node.name, node.zone);
  const key: Record<string, string> = {
    uses: local ? 'node' : MODE_VALUE[mode],
    podShare: flow.backends.find((b) => b.pod === ask.pod)?.probability ?? '0',
  };
  if (ask.sameZone) {
    if (node.zone === null) throw new Error('topology: the sender has no zone');
    const zoneOf = new Map(s.endpoints.map((e) => [e.pod, e.zone]));
    key.sameZone = fracString(
      flow.backends.filter((b) => zoneOf.get(b.pod) === node.zone).reduce((sum, b) => sum.add(frac(b.probability)), frac(0)),
    );
  }
  return key;
}

type Dist = 'PreferClose' | 'PreferSameZone' | 'PreferSameNode';

const ZONE_FAMILIES = [
  ['us-east-1a', 'us-east-1b', 'us-east-1c'],
  ['europe-west1-b', 'europe-west1-c', 'europe-west1-d'],
  ['eastus2-1', 'eastus2-2', 'eastus2-3'],
] as const;

function state(p: Layout['pods'][number]): string {
  return p.ready ? 'ready' : p.terminating ? (p.serving ? 'terminating, still serving' : 'terminating, not serving') : 'not ready';
}

function alt(value: string | null, expected: string, m: MisconceptionId): Alternative | null {
  return value !== null && distinctShares(value, expected) ? { value, misconception: m } : null;
}

function dedupe(alts: (Alternative | null)[]): Alternative[] {
  const out: Alternative[] = [];
  for (const a of alts) if (a && !out.some((o) => o.value === a.value)) out.push(a);
  return out;
}

/** The generator and the ask it built the key from (the consistency test replays both). */
export function buildTopology(rng: Rng, difficulty: Difficulty): { draft: Draft; ask: TopologyAsk } | null {
  const expert = difficulty === 'expert';
  const layout = buildLayout(rng, difficulty, { policy: 'Cluster', conditions: difficulty !== 'intro', pods: difficulty === 'intro' ? [3, 6] : [3, 9] });
  if (!expert) for (const p of layout.pods) if (p.terminating) Object.assign(p, { terminating: false, ready: false, serving: false });
  layout.proxyMode = expert ? rng.pick(['iptables', 'nftables', 'ipvs'] as const) : rng.pick(['iptables', 'nftables'] as const);
  const family = rng.pick(ZONE_FAMILIES);
  const zoneCount = Math.min(layout.nodes.length, difficulty === 'intro' ? 2 + (layout.nodes.length > 2 && rng.chance(0.5) ? 1 : 0) : rng.int(2, 3));
  const zones = family.slice(0, zoneCount);
  const zoneOf = new Map<string, string | null>(layout.nodes.map((n, i) => [n.name, zones[i % zoneCount]!]));
  const dist: Dist =
    difficulty === 'intro'
      ? 'PreferClose'
      : expert
        ? rng.pick(['PreferClose', 'PreferSameZone', 'PreferSameNode', 'PreferSameNode'] as const)
        : rng.pick(['PreferClose', 'PreferSameZone'] as const);
  const readyIn = (z: string | null) => layout.pods.filter((p) => p.ready && zoneOf.get(p.node) === z);
  let clientNode = rng.pick(layout.nodes);
  const clientZone = zoneOf.get(clientNode.name)!;
  if (difficulty === 'intro') {
    if (zones.some((z) => readyIn(z).length === 0)) return null;
  } else if (rng.chance(0.5)) {
    // The sender's zone loses every ready endpoint (failing readiness): hints cannot name it (R-EP-5 fallback).
    for (const p of layout.pods) if (zoneOf.get(p.node) === clientZone && p.ready) Object.assign(p, { ready: false, serving: false, terminating: false });
  }
  if (expert && rng.chance(0.3)) {
    // One node without a zone label: its ready endpoints get no zone hint, so no node filters by zone.
    const other = layout.nodes.filter((n) => n.name !== clientNode.name && layout.pods.some((p) => p.ready && p.node === n.name));
    if (other.length > 0) zoneOf.set(rng.pick(other).name, null);
  }
  if (!layout.pods.some((p) => p.ready)) return null;
  clientNode = layout.nodes.find((n) => n.name === clientNode.name)!;

  const client = drawClientPod(rng, layout, clientNode, ['frontend', 'toolbox', 'api-gateway', 'checkout']);
  // Expert, now and then: internalTrafficPolicy: Local beside trafficDistribution, from a node with a ready Pod.
  const itpLocal = expert && rng.chance(0.2) && layout.pods.some((p) => p.ready && p.node === clientNode.name);
  const scenario = podToClusterIP(layout, client, { trafficDistribution: dist, ...(itpLocal ? { internalTrafficPolicy: 'Local' as const } : {}) }, (n) => {
    const z = zoneOf.get(n.name);
    return z ? { ...n, zone: z } : n;
  });
  const answer = runEngine(scenario);
  if (!answer.validation.valid) return null;
  const flow = answer.flows[0];
  if (!flow || flow.verdict !== 'forwarded') return null;
  const reachable = flow.backends.map((b) => b.pod);
  const pod = rng.chance(0.75) ? rng.pick(reachable) : rng.pick(layout.pods).name;
  const ask: TopologyAsk = { pod, sameZone: difficulty !== 'intro' };
  const expected = keyOf(scenario, ask, answer);

  // What the learner needs, and what each misconception predicts.
  const ready = layout.pods.filter((p) => p.ready);
  const zoneReady = readyIn(clientZone);
  const nodeReady = ready.filter((p) => p.node === clientNode.name);
  const unzoned = layout.nodes.filter((n) => zoneOf.get(n.name) === null);
  const uses = expected.uses!;
  const usesChoice = choiceField(
    rng,
    'uses',
    `Which endpoints does kube-proxy on ${clientNode.name} pick from for this connection?`,
    [
      {
        value: 'node',
        label: `Only the Service's ready Pods on ${clientNode.name}`,
        correct: uses === 'node',
        misconception: uses === 'node' ? null : dist === 'PreferSameNode' ? 'topology-strict' : null,
      },
      {
        value: 'zone',
        label: `Only the Service's ready Pods in ${clientZone}`,
        correct: uses === 'zone',
        misconception: uses === 'zone' ? null : unzoned.length > 0 ? 'partial-hints-still-filter' : null,
      },
      {
        value: 'cluster',
        label: 'Every usable Pod of the Service, in any zone (no topology filtering)',
        correct: uses === 'cluster',
        misconception: uses === 'cluster' ? null : itpLocal ? 'itp-local-ignored' : uses === 'zone' && dist === 'PreferSameNode' ? 'same-node-skips-zone' : 'topology-ignored',
      },
      {
        value: 'none',
        label: `None: the connection is dropped, because ${clientZone} has no ready Pod of the Service`,
        correct: false,
        misconception: zoneReady.length === 0 ? 'topology-strict' : null,
      },
    ],
    { shuffle: false },
  );
  const podShare = expected.podShare!;
  const asked = layout.pods.find((p) => p.name === pod)!;
  const zonesWithReady = [...new Set(ready.map((p) => zoneOf.get(p.node) ?? null))];
  const podAlts = dedupe([
    uses !== 'cluster' && asked.ready ? alt(fracString(frac(1).div(ready.length)), podShare, 'topology-ignored') : null,
    uses === 'cluster' && zoneReady.length === 0 ? alt('0', podShare, 'topology-strict') : null,
    uses === 'cluster' && asked.ready && zonesWithReady.length > 1
      ? alt(fracString(frac(1).div(zonesWithReady.length * readyIn(zoneOf.get(asked.node) ?? null).length)), podShare, 'hints-per-pod-count')
      : null,
    uses === 'zone' && dist === 'PreferSameNode' && asked.ready && zoneOf.get(asked.node) !== clientZone ? alt(fracString(frac(1).div(ready.length)), podShare, 'same-node-skips-zone') : null,
    layout.pods.some((p) => !p.ready) ? alt(fracString(frac(1).div(layout.pods.length)), podShare, 'not-ready-counted') : null,
  ]);
  const fields: ResponseField[] = [usesChoice.field, { type: 'share', name: 'podShare', label: `Probability that ${pod} serves it (0 if it cannot)` }];
  const keys: FieldKey[] = [usesChoice.key, { field: 'podShare', expected: podShare, display: shareDisplay(podShare), alternatives: podAlts }];
  if (ask.sameZone) {
    const v = expected.sameZone!;
    const zoneAlts = dedupe([
      uses !== 'cluster' ? alt(fracString(frac(zoneReady.length).div(ready.length)), v, 'topology-ignored') : null,
      uses === 'cluster' && zoneReady.length === 0 ? null : uses === 'cluster' ? alt('1', v, 'partial-hints-still-filter') : null,
      uses === 'cluster' && zonesWithReady.length > 1 && zoneReady.length > 0 ? alt(fracString(frac(1).div(zonesWithReady.length)), v, 'hints-per-pod-count') : null,
    ]);
    fields.push({ type: 'share', name: 'sameZone', label: `Probability that a Pod in ${clientZone} serves it` });
    keys.push({ field: 'sameZone', expected: v, display: shareDisplay(v), alternatives: zoneAlts });
  }

  const svc = `${layout.naming.namespace}/${layout.naming.serviceName}`;
  const nodesText = layout.nodes.map((n) => `${n.name} (${zoneOf.get(n.name) ?? 'no topology.kubernetes.io/zone label'})`).join(', ');
  const podsText = layout.pods.map((p) => `${p.name} on ${p.node} (${state(p)})`).join('; ');
  const n = flow.backends.length;
  const each = n === 1 ? 'the only one, with probability 1' : `each with probability 1/${n}`;
  const hintsText =
    dist === 'PreferSameNode'
      ? 'The EndpointSlice controller hints every ready endpoint for its own node and its own zone (R-EP-5).'
      : 'The EndpointSlice controller hints every ready endpoint for its own zone (R-EP-5).';
  const unzonedText = unzoned.length > 0 ? ` ${unzoned.map((x) => x.name).join(', ')} has no zone label, so its ready endpoints carry no zone hint: not every ready endpoint is hinted.` : '';
  const whyUses = itpLocal
    ? `internalTrafficPolicy: Local restricts ClusterIP traffic to ${clientNode.name}'s own ready endpoints (R-INT-1, R-EP-2); the Local set is never filtered by topology hints (R-EP-5), so trafficDistribution changes nothing here.`
    : uses === 'node'
      ? `Every ready endpoint has a node hint and ${counted(nodeReady.length, 'ready endpoint is', 'ready endpoints are')} hinted for ${clientNode.name}, so kube-proxy there uses only those (R-EP-5, PreferSameNode).`
      : uses === 'zone'
        ? `${dist === 'PreferSameNode' ? `${clientNode.name} has no ready endpoint of its own, so the node hints do not apply there; every` : 'Every'} ready endpoint has a zone hint and ${counted(zoneReady.length, 'ready endpoint is', 'ready endpoints are')} hinted for ${clientZone}, so kube-proxy on ${clientNode.name} uses only those (R-EP-5).`
        : unzoned.length > 0
          ? `Not every ready endpoint carries a zone hint, so kube-proxy ignores the hints and uses the whole Cluster set (R-EP-5, R-EP-1): nothing is dropped.`
          : `No ready endpoint is hinted for ${clientZone}${dist === 'PreferSameNode' ? ` or for ${clientNode.name}` : ''}, so kube-proxy falls back to the whole Cluster set (R-EP-5, R-EP-1): the connection is not dropped, it crosses zones.`;
  const where = `on ${asked.node}, ${zoneOf.get(asked.node) ?? 'no zone'}`;
  const shareWhy = podShare === '0' ? `${pod} (${where}) is not in that set, so its probability is 0.` : `${pod} (${where}) is in it: ${podShare}.`;
  const zoneWhy = ask.sameZone ? ` A Pod in ${clientZone} serves it with probability ${expected.sameZone}.` : '';
  return {
    ask,
    draft: {
      title: 'Topology: which zone serves the connection?',
      prompt: `Kubernetes 1.35. Service ${svc} is type ClusterIP (${layout.naming.clusterIP}:80) with trafficDistribution: ${dist}${itpLocal ? ' and internalTrafficPolicy: Local' : ''}. ${PROXY_TEXT[layout.proxyMode]} Its nodes and zones: ${nodesText}. Its Pods: ${podsText}. Pod ${client.name} (${client.ip}, on ${clientNode.name} in ${clientZone}) opens a new connection to the ClusterIP. Which endpoints does kube-proxy on ${clientNode.name} pick from? Give the probability that ${pod} serves it${ask.sameZone ? ` and that a Pod in ${clientZone} serves it` : ''}. Answer probabilities as a fraction (1/3), a percentage (33.3%) or a decimal (0.3333).`,
      scenario,
      response: { fields },
      key: {
        fields: keys,
        steps: [`R-EP-5: ${hintsText}${unzonedText}`, `R-EP-5: ${whyUses}`, ...stepsOf([flow]), `R-LB-1: ${shareWhy}`],
        explanation: `${hintsText}${unzonedText} ${whyUses} The pick is uniform over ${n === 1 ? 'the one endpoint' : `the ${n} endpoints`} in that set, ${each} (R-LB-1); ${shareWhy}${zoneWhy}`,
        fixIt: null,
      },
    },
  };
}

export function generateTopology(rng: Rng, difficulty: Difficulty): Draft | null {
  return buildTopology(rng, difficulty)?.draft ?? null;
}

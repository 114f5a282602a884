/**
 * In-cluster routing (issue 13) — a Pod or a node (host network) calls the Service's ClusterIP, or from expert
 * on the load balancer's IP from inside: is it served, timed out or refused (R-INT-3, R-DROP-1/2), and if served,
 * the probability that a named Pod serves it (R-INT-1, R-EP-1/2, R-LB-1..3), the probability that it crosses
 * nodes (R-X-2/3) and the source address a named Pod sees (R-INT-2, R-EXT-1/4/5, R-SRC-1/2, R-HP-1).
 *
 * The key comes from `keyOf(scenario, ask)`: the engine's answer for the scenario's one flow. Every field is asked
 * whatever the outcome (a connection that is not served reaches no Pod: probabilities 0, source "none"), so the
 * fields do not give the outcome away. The prompt states what the answer depends on: the data plane and the Pod
 * network.
 */
import type { Answer, BackendAnswer, FlowAnswer, ScenarioInput } from '@/lib/engine';
import { runEngine } from '../engine-run';
import { bridgeIPOf, buildLayout, cniShape, cniText, nodeOf, PROXY_TEXT, tunnelIPOf, toScenarioInput, type Layout, type LayoutNode } from '../layout';
import type { MisconceptionId } from '../misconceptions';
import { podName, replicaSetHash } from '../names';
import type { Rng } from '../random';
import type { Alternative, Difficulty, FieldKey, ResponseField } from '../types';
import { stepsOf } from '@/lib/engine';
import { choiceField } from './choice-field';
import type { Draft } from './draft';
import { distinctShares, frac, fracString, shareDisplay } from './shares';
import { counted } from './wording';

/** What an in-cluster question asks about the scenario's one flow. */
export interface InClusterAsk {
  /** The Pod whose probability of serving the connection is asked. */
  sharePod: string;
  /** Ask the probability that the connection crosses nodes. */
  crossNode: boolean;
  /** The Pod whose view of the source address is asked (one the flow reaches when it is served), or null. */
  sourcePod: string | null;
}

/** The source-IP value when no Pod receives the connection. */
export const NO_SOURCE = 'none';

const OUTCOME: Record<string, string> = { forwarded: 'served', dropped: 'timeout', rejected: 'refused' };
const OUTCOME_LABEL: Record<string, string> = {
  served: 'Served by one of the Pods',
  timeout: 'Timeout: the packet is dropped silently',
  refused: 'Connection refused at once (rejected)',
};

function onlyFlow(answer: Answer): FlowAnswer {
  const flow = answer.flows[0];
  if (!flow || answer.flows.length !== 1) throw new Error('in-cluster: the scenario must have exactly one flow');
  return flow;
}

/**
 * The key: `outcome` (served | timeout | refused), `podShare` (exact probability that `sharePod` serves this
 * connection), and as asked `crossNode` (probability that it reaches a Pod on another node) and `sourceIp` (the
 * source `sourcePod` sees; `none` when the connection is not served). `answer` is the engine's answer for
 * `scenario`; the generator passes the one it has.
 */
export function keyOf(
  scenario: ScenarioInput,
  ask: InClusterAsk,
  answer: Answer = runEngine(scenario),
): Record<string, string> {
  const flow = onlyFlow(answer);
  const outcome = OUTCOME[flow.verdict];
  if (!outcome) throw new Error(`in-cluster: no option for verdict ${flow.verdict}`);
  const key: Record<string, string> = { outcome };
  key.podShare = flow.backends.find((b) => b.pod === ask.sharePod)?.probability ?? '0';
  if (ask.crossNode) {
    key.crossNode = fracString(
      flow.backends.filter((b) => b.crossesNodes).reduce((sum, b) => sum.add(frac(b.probability)), frac(0)),
    );
  }
  if (ask.sourcePod) {
    const b = flow.backends.find((x) => x.pod === ask.sourcePod);
    if (!b && outcome === 'served') throw new Error(`in-cluster: the flow cannot reach Pod ${ask.sourcePod}`);
    key.sourceIp = b ? b.sourceIp : NO_SOURCE;
  }
  return key;
}

type Sender = { kind: 'client'; node: LayoutNode } | { kind: 'backend'; pod: string } | { kind: 'node'; node: LayoutNode };
type Destination = 'clusterIP' | 'loadBalancer';
type Shape = 'normal' | 'no-endpoints' | 'terminating-only';

interface Setup {
  layout: Layout;
  serviceType: 'ClusterIP' | 'LoadBalancer';
  itp: 'Cluster' | 'Local';
  to: Destination;
  sender: Sender;
  client: { name: string; ip: string; app: string } | null;
}

const CLIENT_APPS = ['frontend', 'toolbox', 'api-gateway', 'batch-worker', 'reports'] as const;

/** The engine scenario: the layout's cluster, the Service as the setup types it, one flow from the sender. */
function scenarioOf(s: Setup): ScenarioInput {
  const base = toScenarioInput(s.layout);
  const { naming } = s.layout;
  const spec: ScenarioInput['service']['spec'] =
    s.serviceType === 'ClusterIP'
      ? {
          type: 'ClusterIP',
          selector: { app: naming.serviceName },
          clusterIP: naming.clusterIP,
          ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }],
        }
      : { ...base.service.spec };
  if (s.itp === 'Local') spec.internalTrafficPolicy = 'Local';
  const pods = [...(base.cluster.pods ?? [])];
  if (s.client && s.sender.kind === 'client') {
    pods.push({ name: s.client.name, node: s.sender.node.name, ip: s.client.ip, labels: { app: s.client.app, role: 'client' } });
  }
  const from =
    s.sender.kind === 'node' ? `node/${s.sender.node.name}` : s.sender.kind === 'backend' ? `pod/${s.sender.pod}` : `pod/${s.client?.name ?? ''}`;
  const scenario: ScenarioInput = {
    cluster: { ...base.cluster, pods },
    service: {
      metadata: base.service.metadata,
      spec,
      ...(s.serviceType === 'LoadBalancer' ? { status: base.service.status } : {}),
    },
    client: base.client,
    traffic: [{ from, to: s.to }],
  };
  return scenario;
}

function shapeLayout(rng: Rng, layout: Layout, shape: Shape): void {
  if (shape === 'no-endpoints') {
    for (const p of layout.pods) Object.assign(p, { ready: false, terminating: false, serving: false });
    // Now and then a terminating Pod that no longer passes readiness: still not usable (R-EP-4).
    const p = rng.chance(0.4) ? layout.pods[0] : undefined;
    if (p) Object.assign(p, { terminating: true, serving: false });
  } else if (shape === 'terminating-only') {
    for (const p of layout.pods) {
      if (p.ready) Object.assign(p, { ready: false, terminating: true, serving: true });
    }
    if (!layout.pods.some((p) => p.serving)) Object.assign(layout.pods[0]!, { terminating: true, serving: true });
  }
}

function drawSetup(rng: Rng, difficulty: Difficulty): Setup {
  const layout = buildLayout(rng, difficulty, { policy: rng.chance(0.5) ? 'Local' : 'Cluster' });
  const expert = difficulty === 'expert';
  layout.proxyMode =
    difficulty === 'intro' ? 'iptables' : rng.pick(expert ? (['iptables', 'nftables', 'ipvs'] as const) : (['iptables', 'iptables', 'nftables'] as const));
  const r = rng.int(0, 99);
  const shape: Shape = difficulty === 'intro' ? 'normal' : r < 14 ? 'no-endpoints' : expert && r < 28 ? 'terminating-only' : 'normal';
  shapeLayout(rng, layout, shape);
  const to: Destination = expert && layout.proxyMode !== 'ipvs' && rng.chance(0.3) ? 'loadBalancer' : 'clusterIP';
  // A LoadBalancer Service also has a ClusterIP: asking for the ClusterIP of one tests that eTP never applies.
  const serviceType = to === 'loadBalancer' || (expert && rng.chance(0.3)) ? 'LoadBalancer' : 'ClusterIP';
  const itp: 'Cluster' | 'Local' = rng.chance(difficulty === 'intro' ? 0.4 : 0.45) ? 'Local' : 'Cluster';
  const roll = rng.int(0, 99);
  let sender: Sender;
  let client: Setup['client'] = null;
  if (difficulty !== 'intro' && roll < 25) sender = { kind: 'node', node: rng.pick(layout.nodes) };
  else if (roll < 55 && layout.pods.some((p) => p.ready)) sender = { kind: 'backend', pod: rng.pick(layout.pods.filter((p) => p.ready)).name };
  else {
    const node = rng.pick(layout.nodes);
    const app = rng.pick(CLIENT_APPS.filter((a) => a !== layout.naming.serviceName));
    client = { app, name: podName(rng, app, replicaSetHash(rng)), ip: `10.${layout.naming.podOctet}.${node.index + 1}.250` };
    sender = { kind: 'client', node };
  }
  return { layout, serviceType, itp, to, sender, client };
}

function senderNode(s: Setup): LayoutNode {
  if (s.sender.kind !== 'backend') return s.sender.node;
  const name = s.sender.pod;
  return nodeOf(s.layout, s.layout.pods.find((p) => p.name === name)!.node);
}

function senderText(s: Setup): string {
  const node = senderNode(s);
  if (s.sender.kind === 'node') return `A host-network process on node ${node.name} (${node.ip})`;
  if (s.sender.kind === 'backend') {
    const pod = s.layout.pods.find((p) => p.name === (s.sender as { pod: string }).pod)!;
    return `Pod ${pod.name} (${pod.ip}, on ${node.name}), itself one of the Service's Pods,`;
  }
  return `Pod ${s.client?.name} (${s.client?.ip}, on ${node.name}), which is not selected by the Service,`;
}

function setupText(s: Setup): string {
  const { layout } = s;
  const svc = `${layout.naming.namespace}/${layout.naming.serviceName}`;
  const policies =
    s.serviceType === 'ClusterIP'
      ? `internalTrafficPolicy: ${s.itp}`
      : `externalTrafficPolicy: ${layout.policy} and internalTrafficPolicy: ${s.itp}`;
  const type =
    s.serviceType === 'ClusterIP'
      ? `type ClusterIP (${layout.naming.clusterIP}:80)`
      : `type LoadBalancer (ClusterIP ${layout.naming.clusterIP}, load balancer IP ${layout.naming.lbIP})`;
  return `Service ${svc} is ${type} with ${policies}. ${[PROXY_TEXT[layout.proxyMode], cniText(layout)].filter(Boolean).join(' ')}`;
}

/** The Pods the learner reads about, with their conditions, in one sentence. */
function podsText(layout: Layout): string {
  const one = (p: Layout['pods'][number]) => {
    const state = p.ready ? 'ready' : p.terminating ? (p.serving ? 'terminating, still serving' : 'terminating, not serving') : 'not ready';
    return `${p.name} on ${p.node} (${state})`;
  };
  return `Its Pods: ${layout.pods.map(one).join('; ')}.`;
}

function alt(value: string | null, expected: string, misconception: MisconceptionId): Alternative | null {
  if (value === null) return null;
  return distinctShares(value, expected) ? { value, misconception } : null;
}

function dedupe(alts: (Alternative | null)[]): Alternative[] {
  const out: Alternative[] = [];
  for (const a of alts) if (a && !out.some((o) => o.value === a.value)) out.push(a);
  return out;
}

/** The generator and the ask it built the key from (the consistency test replays both). */
export function buildInCluster(rng: Rng, difficulty: Difficulty): { draft: Draft; ask: InClusterAsk } | null {
  const s = drawSetup(rng, difficulty);
  const { layout } = s;
  const scenario = scenarioOf(s);
  const answer = runEngine(scenario);
  if (!answer.validation.valid) return null;
  const flow = onlyFlow(answer);
  if (!OUTCOME[flow.verdict]) return null;
  const served = flow.verdict === 'forwarded';
  const from = senderNode(s);
  // Prefer a Pod the connection can reach; now and then one it cannot (its probability is 0).
  const reachable = flow.backends.map((b) => b.pod);
  const sharePod =
    served && reachable.length > 0 && rng.chance(0.8) ? rng.pick(reachable) : rng.pick(layout.pods).name;
  const sourcePodName = difficulty !== 'intro' ? (served ? rng.pick(reachable) : rng.pick(layout.pods).name) : null;
  const ask: InClusterAsk = {
    sharePod,
    crossNode: difficulty !== 'intro',
    sourcePod: sourcePodName,
  };
  const expected = keyOf(scenario, ask, answer);
  const outcome = expected.outcome!;

  // Outcome options and the misconception each wrong one reveals here.
  const fromLocalSet = s.to === 'clusterIP' && s.itp === 'Local';
  const onlyTerminating = !layout.pods.some((p) => p.ready) && layout.pods.some((p) => p.terminating && p.serving);
  const etpLocalService = s.serviceType === 'LoadBalancer' && layout.policy === 'Local';
  const outcomeMis: Record<string, MisconceptionId | null> = {
    served:
      outcome === 'timeout' ? 'itp-local-falls-back' : outcome === 'refused' ? 'not-ready-counted' : null,
    timeout:
      outcome === 'refused'
        ? 'refusal-is-drop'
        : outcome === 'served' && etpLocalService
          ? s.to === 'loadBalancer'
            ? 'local-restricts-in-cluster'
            : 'etp-applies-to-clusterip'
          : outcome === 'served' && onlyTerminating
            ? 'terminating-never-used'
            : null,
    refused:
      outcome === 'timeout'
        ? 'drop-is-refusal'
        : outcome === 'served' && onlyTerminating
          ? 'terminating-never-used'
          : null,
  };
  const outcomeChoice = choiceField(
    rng,
    'outcome',
    'What happens to the connection?',
    (['served', 'timeout', 'refused'] as const).map((v) => ({
      value: v,
      label: OUTCOME_LABEL[v]!,
      correct: v === outcome,
      misconception: v === outcome ? null : outcomeMis[v] ?? null,
    })),
    { shuffle: false },
  );
  const fields: ResponseField[] = [
    outcomeChoice.field,
    { type: 'share', name: 'podShare', label: `Probability that ${sharePod} serves it (0 if it cannot)` },
  ];
  if (ask.crossNode)
    fields.push({ type: 'share', name: 'crossNode', label: 'Probability that a Pod on another node serves it' });
  const keys: FieldKey[] = [outcomeChoice.key];
  const ready = layout.pods.filter((p) => p.ready);
  const localReady = ready.filter((p) => p.node === from.name);
  const podShare = expected.podShare!;
  const asked = layout.pods.find((p) => p.name === sharePod)!;
  const isSender = s.sender.kind === 'backend' && s.sender.pod === sharePod;
  const anyUp = !served && ready.length > 0;
  // Wrong shares a misconception predicts.
  const podAlts = dedupe([
    served && fromLocalSet && ready.length > 0 && asked.ready ? alt(fracString(frac(1).div(ready.length)), podShare, 'itp-local-ignored') : null,
    served && !fromLocalSet && asked.node === from.name && localReady.length > 0 && asked.ready
      ? alt(fracString(frac(1).div(localReady.length)), podShare, 'cluster-prefers-local')
      : null,
    layout.pods.some((p) => !p.ready) ? alt(fracString(frac(1).div(layout.pods.length)), podShare, 'not-ready-counted') : null,
    anyUp && flow.verdict === 'dropped' && asked.ready ? alt(fracString(frac(1).div(ready.length)), podShare, 'itp-local-falls-back') : null,
    isSender ? alt('0', podShare, 'pod-skips-itself') : null,
  ]);
  keys.push({ field: 'podShare', expected: podShare, display: shareDisplay(podShare), alternatives: podAlts });
  if (ask.crossNode) {
    const cross = expected.crossNode!;
    const crossAlts = dedupe([
      served ? alt('1', cross, 'cluster-always-crosses') : null,
      served && !fromLocalSet && localReady.length > 0 ? alt('0', cross, 'cluster-prefers-local') : null,
      served && fromLocalSet && ready.length > 0
        ? alt(fracString(frac(ready.length - localReady.length).div(ready.length)), cross, 'itp-local-ignored')
        : null,
      anyUp && flow.verdict === 'dropped' ? alt('1', cross, 'itp-local-falls-back') : null,
    ]);
    keys.push({ field: 'crossNode', expected: cross, display: shareDisplay(cross), alternatives: crossAlts });
  }
  if (sourcePodName) {
    const b = flow.backends.find((x) => x.pod === sourcePodName) ?? null;
    const src = sourceChoice(rng, s, sourcePodName, b, from, expected.sourceIp!, outcomeMis.served ?? null);
    fields.push(src.field);
    keys.push(src.key);
  }

  const destText =
    s.to === 'clusterIP'
      ? `the Service's ClusterIP ${layout.naming.clusterIP}:80`
      : `the load balancer IP ${layout.naming.lbIP}:80`;
  const why = whyText(s, ask, flow, expected, from);
  return {
    ask,
    draft: {
      title: 'Calling the Service from inside the cluster',
      prompt: `${setupText(s)} ${podsText(layout)} ${senderText(s)} opens a new connection to ${destText}. What happens to it? Give the probability that ${sharePod} serves it${ask.crossNode ? ' and that a Pod on another node serves it' : ''}${sourcePodName ? `, and the source IP ${sourcePodName} sees if it serves it` : ''}. Answer probabilities as a fraction (1/3), a percentage (33.3%) or a decimal (0.3333).`,
      scenario,
      response: { fields },
      key: {
        fields: keys,
        steps: [senderStep(layout, from), ...stepsOf([flow]), askedStep(layout, sharePod, podShare)],
        explanation: why,
        fixIt: null,
      },
    },
  };
}

/** §1: the sender's own node evaluates the Service address, wherever the Pods run. */
function senderStep(layout: Layout, from: LayoutNode): string {
  const who = layout.proxyMode === 'cilium-snat' ? 'Cilium' : 'kube-proxy';
  return `§1: the connection is handled by ${who}'s rules on ${from.name}, the sender's node: they match the Service address there, wherever the Pods run.`;
}

/** A closing step about the Pod the question names, so the steps speak of it (R-LB-1). */
function askedStep(layout: Layout, pod: string, share: string): string {
  const node = layout.pods.find((p) => p.name === pod)?.node ?? '';
  return share === '0'
    ? `R-LB-1: ${pod} (on ${node}) is not among the endpoints this connection can reach, so it serves it with probability 0.`
    : `R-LB-1: ${pod} (on ${node}) is one of them, so it serves this connection with probability ${share}.`;
}

function sourceKindText(b: BackendAnswer, from: LayoutNode): string {
  switch (b.sourceIpKind) {
    case 'client':
      return "the sender's own address: nothing masqueraded the packet";
    case 'node':
      return b.crossesNodes
        ? `masqueraded to ${from.name}'s node IP, because ${b.pod} runs on another node reached by a direct route (R-CNI-3)`
        : `masqueraded to ${from.name}'s node IP: ${b.pod} runs on ${from.name} itself, but its host-side veth has no address (R-CNI-2)`;
    case 'bridge':
      return `masqueraded to ${from.name}'s Pod gateway (the first address of its podCIDR), because ${b.pod} runs on ${from.name} itself (R-CNI-2)`;
    case 'tunnel':
      return `masqueraded to ${from.name}'s tunnel address, because ${b.pod} runs on another node reached through the overlay (R-CNI-3)`;
    default:
      return 'another address';
  }
}

/**
 * The source-IP choice: the addresses in play (the sender's, its node's IP and Pod bridge, the serving Pod's
 * node) and "none"; each wrong one tagged with the misconception that predicts it here, if any.
 */
function sourceChoice(
  rng: Rng,
  s: Setup,
  podName: string,
  b: BackendAnswer | null,
  from: LayoutNode,
  correct: string,
  notServedMis: MisconceptionId | null,
): { field: ResponseField; key: FieldKey } {
  const senderIp = senderIpOf(s, from);
  const podNode = nodeOf(s.layout, s.layout.pods.find((p) => p.name === podName)!.node);
  const mis = new Map(b ? sourceAlts(s, b, from).map((a) => [a.value, a.misconception]) : []);
  const cands: [string, string][] = [
    [senderIp, `${senderIp} (the sender${s.sender.kind === 'node' ? `, node ${from.name}` : ''})`],
    [from.ip, `${from.ip} (node ${from.name}, the sender's node)`],
    [bridgeIPOf(from), `${bridgeIPOf(from)} (${cniShape(s.layout.cni).podInterface === 'bridge' ? 'Pod bridge' : 'Pod gateway, the first address of the podCIDR'} of ${from.name})`],
    ...(s.layout.proxyMode !== 'cilium-snat' && cniShape(s.layout.cni).tunnel
      ? [[tunnelIPOf(from), `${tunnelIPOf(from)} (tunnel address of ${from.name})`] as [string, string]]
      : []),
    [podNode.ip, `${podNode.ip} (node ${podNode.name}, where ${podName} runs)`],
    [NO_SOURCE, `None: no Pod receives the connection`],
  ];
  const seen = new Set<string>();
  const options = cands
    .filter(([v]) => (seen.has(v) ? false : (seen.add(v), true)))
    .map(([value, label]) => ({ value, label, correct: value === correct, misconception: value === correct ? null : (mis.get(value) ?? (correct === NO_SOURCE ? notServedMis : null)) }));
  const c = choiceField(rng, 'sourceIp', `Source IP that ${podName} sees if it serves the connection`, options);
  return { field: c.field, key: c.key };
}

function senderIpOf(s: Setup, from: LayoutNode): string {
  if (s.sender.kind === 'node') return from.ip;
  if (s.sender.kind === 'client') return s.client!.ip;
  const name = s.sender.pod;
  return s.layout.pods.find((p) => p.name === name)!.ip;
}

function sourceAlts(s: Setup, b: BackendAnswer, from: LayoutNode): Alternative[] {
  const senderIp = senderIpOf(s, from);
  const out: Alternative[] = [];
  const add = (value: string, m: MisconceptionId) => {
    if (value !== b.sourceIp && !out.some((o) => o.value === value)) out.push({ value, misconception: m });
  };
  if (b.sourceIpKind === 'client') {
    add(b.crossesNodes ? from.ip : bridgeIPOf(from), 'clusterip-always-snat');
  } else if (b.sourceIpKind === 'bridge') {
    if (s.sender.kind === 'backend' && b.pod === s.sender.pod) add(senderIp, 'hairpin-keeps-ip');
    else if (s.sender.kind === 'node') add(from.ip, 'bridge-vs-node-ip');
    else add(senderIp, 'cluster-keeps-client-ip');
  } else if (b.sourceIpKind === 'tunnel') {
    if (s.sender.kind !== 'node') add(senderIp, 'cluster-keeps-client-ip');
    add(from.ip, 'tunnel-vs-node');
  } else if (b.sourceIpKind === 'node') {
    if (s.sender.kind === 'backend' && b.pod === s.sender.pod) add(senderIp, 'hairpin-keeps-ip');
    if (s.sender.kind !== 'node') add(senderIp, 'cluster-keeps-client-ip');
    if (!b.crossesNodes) add(bridgeIPOf(from), 'source-always-bridge');
    const podNode = s.layout.pods.find((p) => p.name === b.pod)?.node;
    if (podNode && podNode !== from.name) add(nodeOf(s.layout, podNode).ip, 'snat-on-backend-node');
  }
  return out;
}

function whyText(s: Setup, ask: InClusterAsk, flow: FlowAnswer, expected: Record<string, string>, from: LayoutNode): string {
  const { layout } = s;
  if (flow.verdict === 'rejected')
    return `No Pod of ${layout.naming.serviceName} is ready or serving-and-terminating, so the Service has no endpoints at all and kube-proxy on ${from.name} REJECTs the connection: it is refused at once (R-DROP-1), not dropped.`;
  if (flow.verdict === 'dropped')
    return `internalTrafficPolicy: Local restricts ClusterIP traffic to the endpoints on the sender's node (R-INT-1), and ${from.name} has no usable one while others exist elsewhere, so the packet is dropped silently and the client times out (R-INT-3). It is never sent to another node.`;
  const n = flow.backends.length;
  const set =
    s.to === 'clusterIP'
      ? s.itp === 'Local'
        ? `internalTrafficPolicy: Local keeps only ${from.name}'s own endpoints (R-INT-1)`
        : `traffic to the ClusterIP uses the Cluster set on any node, whatever externalTrafficPolicy says (R-INT-1)`
      : layout.policy === 'Local'
        ? `an in-cluster sender reaching the load balancer IP of an externalTrafficPolicy: Local Service is short-circuited to the Cluster set (${s.sender.kind === 'node' ? 'R-EXT-5' : 'R-EXT-4'})`
        : 'externalTrafficPolicy: Cluster sends the load balancer IP to the Cluster set and masquerades (R-EXT-1, R-EXT-2)';
  const fallback = flow.steps.some((x) => x.startsWith('R-EP-1') || x.startsWith('R-EP-2'))
    ? ' No ready endpoint is usable there, so serving-and-terminating ones take the traffic as a fallback (R-EP-1/2).'
    : '';
  const each = n === 1 ? 'the only one, with probability 1' : `each chosen with probability 1/${n}`;
  const parts = [
    `The connection is served: ${set}: ${counted(n, 'eligible endpoint', 'eligible endpoints')}, ${each}.${fallback}`,
    expected.podShare === '0'
      ? `${ask.sharePod} is not among them, so its probability is 0.`
      : `${ask.sharePod} serves it with probability ${expected.podShare}.`,
  ];
  if (expected.crossNode !== undefined) parts.push(`It crosses to another node with probability ${expected.crossNode} (R-X-2).`);
  const src = flow.backends.find((b) => b.pod === ask.sourcePod);
  if (expected.sourceIp && src) parts.push(`${src.pod} sees ${expected.sourceIp}: ${sourceKindText(src, from)} (R-INT-2, R-SRC-1/2${src.sourceIpKind === 'bridge' && s.sender.kind === 'backend' ? ', R-HP-1' : ''}).`);
  return parts.join(' ');
}

export function generateInCluster(rng: Rng, difficulty: Difficulty): Draft | null {
  return buildInCluster(rng, difficulty)?.draft ?? null;
}

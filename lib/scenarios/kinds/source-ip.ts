/**
 * Kind 1 — the source IP a given Pod sees (R-EXT-1, R-EXT-4..6, R-SRC-1..3). Multiple choice over the
 * addresses in play, each wrong one labelled with the misconception that predicts it.
 *
 * The key comes from `keyOf(scenario, ask)`: the engine's answer for the scenario's one flow, read at the Pod
 * the question names. The prompt states what the answer depends on: the data plane (kube-proxy's mode or
 * Cilium), the balancer (passthrough or proxy) and, for kube-proxy, the Pod network (a bridge plugin, whose
 * bridge address is what a same-node Pod sees after SNAT, R-SRC-2).
 */
import type { Answer, BackendAnswer, FlowAnswer, ScenarioInput } from '@/lib/engine';
import { runEngine } from '../engine-run';
import {
  bridgeIPOf,
  buildLayout,
  cniShape,
  tunnelIPOf,
  describeSetup,
  nodeOf,
  toScenarioInput,
  type Layout,
  type TrafficSpec,
} from '../layout';
import type { MisconceptionId } from '../misconceptions';
import type { Rng } from '../random';
import type { Difficulty } from '../types';
import { stepsOf } from '@/lib/engine';
import { choiceField, type OptionDraft } from './choice-field';
import type { Draft } from './draft';

/** What a source-ip question asks: the source seen by `pod` for the scenario's (only) flow. */
export interface SourceIpAsk {
  pod: string;
}

function askedBackend(flow: FlowAnswer | undefined, pod: string): BackendAnswer {
  const backend = flow?.backends.find((b) => b.pod === pod);
  if (!flow || flow.verdict !== 'forwarded' || !backend)
    throw new Error(`source-ip: the flow does not reach Pod ${pod}`);
  return backend;
}

/** The key: field → canonical value. Throws when the flow is not forwarded to `ask.pod` (no fair question). `answer` is the engine's answer for `scenario`; the generator passes the one it already has. */
export function keyOf(
  scenario: ScenarioInput,
  ask: SourceIpAsk,
  answer: Answer = runEngine(scenario),
): Record<string, string> {
  const flow = answer.flows[0];
  return { sourceIp: askedBackend(flow, ask.pod).sourceIp };
}

function pickTraffic(rng: Rng, layout: Layout, difficulty: Difficulty): TrafficSpec {
  // Under Local, external traffic to a node without a usable Pod is dropped: no source IP to ask about.
  const usable = layout.nodes.filter((n) =>
    layout.pods.some((p) => p.node === n.name && (p.ready || (p.terminating && p.serving))),
  );
  const node = rng.pick(layout.policy === 'Local' && usable.length > 0 ? usable : layout.nodes).name;
  const roll = rng.int(0, 99);
  if (difficulty === 'intro' || roll < 40)
    return { from: 'external', to: 'loadBalancer', node: balancerPick(layout, node) };
  if (difficulty === 'standard' || roll < 60) return { from: 'external', to: 'nodePort', node };
  if (roll < 80) {
    const pod = rng.pick(layout.pods);
    return { from: `pod/${pod.name}`, to: 'loadBalancer' };
  }
  return { from: `node/${node}`, to: 'loadBalancer' };
}

/**
 * The node a settled balancer may pick: under Local only nodes whose health check answers 200 (a ready local
 * Pod, R-HC-3) receive connections, so a node holding only serving-terminating Pods is swapped for one that
 * passes, unless the balancer has not yet noticed failing checks (R-LB-7).
 */
function balancerPick(layout: Layout, node: string): string {
  if (layout.policy !== 'Local' || layout.balancing === 'all-nodes') return node;
  const passes = (n: string) => layout.pods.some((p) => p.node === n && p.ready);
  return passes(node) ? node : (layout.nodes.find((n) => passes(n.name))?.name ?? node);
}

function describeTraffic(layout: Layout, t: TrafficSpec): string {
  const client = layout.naming.clientIP;
  if (t.from === 'external' && t.to === 'loadBalancer')
    return `A client at ${client} connects to the load balancer (${layout.naming.lbIP}:80), which forwards the connection to node ${t.node}.`;
  if (t.from === 'external')
    return `A client at ${client} connects directly to the NodePort on node ${t.node} (${nodeOf(layout, t.node ?? '').ip}:${layout.nodePort}).`;
  if (t.from.startsWith('pod/')) {
    const pod = layout.pods.find((p) => `pod/${p.name}` === t.from);
    if (!pod) throw new Error(`source-ip: no sender ${t.from}`);
    return `Pod ${pod.name} (${pod.ip}, on ${pod.node}) connects to the load balancer IP ${layout.naming.lbIP}:80.`;
  }
  const node = t.from.slice('node/'.length);
  return `A host-network process on node ${node} (${nodeOf(layout, node).ip}) connects to the load balancer IP ${layout.naming.lbIP}:80.`;
}

/** The node whose data plane chose the Pod: the entry node, or the sender's own node for in-cluster clients. */
function decidingNode(layout: Layout, flow: FlowAnswer): string {
  if (flow.node) return flow.node;
  const pod = layout.pods.find((p) => `pod/${p.name}` === flow.from);
  return pod?.node ?? flow.from.slice('node/'.length);
}

function kindText(b: BackendAnswer, entry: string, podNode: string): string {
  switch (b.sourceIpKind) {
    case 'client':
      return "the sender's own address: nothing masqueraded the packet";
    case 'node':
      return podNode === entry
        ? `SNAT to ${entry}'s node address: ${b.pod} runs on ${entry} itself, but its host-side veth has no address, so MASQUERADE takes the node's (R-CNI-2)`
        : `SNAT to ${entry}'s node address, because ${b.pod} runs on another node (${podNode}) reached by a direct route (R-CNI-3)`;
    case 'bridge':
      return `SNAT to ${entry}'s Pod gateway address (the first address of its podCIDR), because ${b.pod} runs on ${entry} itself (R-CNI-2)`;
    case 'tunnel':
      return `SNAT to ${entry}'s tunnel address, because ${b.pod} runs on another node (${podNode}) reached through the overlay (R-CNI-3)`;
    default:
      return "the proxying balancer's own address: it opened a new connection to the node";
  }
}

/** The generator and the ask it built the key from (the consistency test replays both). */
export function buildSourceIp(rng: Rng, difficulty: Difficulty): { draft: Draft; ask: SourceIpAsk } | null {
  const layout = buildLayout(rng, difficulty);
  if (difficulty === 'expert' && rng.chance(0.15)) layout.preservesClientIP = false;
  const traffic = pickTraffic(rng, layout, difficulty);
  layout.traffic = [traffic];
  const scenario = toScenarioInput(layout);
  const answer = runEngine(scenario);
  const flow = answer.flows[0];
  if (!flow || flow.verdict !== 'forwarded' || flow.backends.length === 0) return null;
  const chosen = rng.pick(flow.backends);
  const pod = layout.pods.find((p) => p.name === chosen.pod);
  if (!pod) return null;
  const ask: SourceIpAsk = { pod: pod.name };
  const expected = keyOf(scenario, ask, answer);
  const backend = askedBackend(flow, pod.name);
  const options = sourceOptions(layout, flow, backend, expected.sourceIp ?? backend.sourceIp);
  const { field, key } = choiceField(rng, 'sourceIp', `Source IP seen by ${pod.name}`, options);
  const entry = decidingNode(layout, flow);
  const picker = layout.proxyMode === 'cilium-snat' ? `Cilium on ${entry}` : `kube-proxy on ${entry}`;
  const setup = describeSetup(layout);
  const why = kindText(backend, entry, pod.node);
  return {
    ask,
    draft: {
      title: 'Which source IP does the Pod see?',
      prompt: `${setup} ${describeTraffic(layout, traffic)} ${picker} sends it to Pod ${pod.name} (${pod.ip}, on ${pod.node}). Which source IP does ${pod.name} see?`,
      scenario,
      response: { fields: [field] },
      key: {
        fields: [key],
        steps: [
          ...stepsOf([flow]),
          `R-SRC-${backend.sourceIpKind === 'client' ? '1' : backend.sourceIpKind === 'loadBalancer' ? '3' : '2'}: ${pod.name} (on ${pod.node}) sees ${backend.sourceIp} (${why}).`,
        ],
        explanation: `${pod.name} sees ${backend.sourceIp}, ${why}.`,
        fixIt: null,
      },
    },
  };
}

export function generateSourceIp(rng: Rng, difficulty: Difficulty): Draft | null {
  return buildSourceIp(rng, difficulty)?.draft ?? null;
}

function sourceOptions(
  layout: Layout,
  flow: FlowAnswer,
  backend: BackendAnswer,
  correctIp: string,
): OptionDraft[] {
  const entryName = flow.node;
  const entry = entryName ? layout.nodes.find((n) => n.name === entryName) : undefined;
  const backendPod = layout.pods.find((p) => p.name === backend.pod);
  const backendNode = backendPod ? layout.nodes.find((n) => n.name === backendPod.node) : undefined;
  const policy = layout.policy;
  const kubeProxy = layout.proxyMode !== 'cilium-snat';
  const fromPod = flow.from.startsWith('pod/')
    ? layout.pods.find((p) => `pod/${p.name}` === flow.from)
    : undefined;
  const fromNode = flow.from.startsWith('node/');
  const external = flow.from === 'external';
  const senderIp = external ? layout.naming.clientIP : fromPod ? fromPod.ip : entry?.ip;
  const senderLabel = external
    ? 'the client'
    : fromPod
      ? `Pod ${fromPod.name}, the sender`
      : `node ${entryName}, the sender`;
  const kind = backend.sourceIpKind;

  // Each wrong address is tagged with the misconception that predicts it here, or with none when no listed
  // misconception explains it in this layout (issue 12: labels must fit the scenario).
  const keptMis: MisconceptionId | null =
    kind === 'loadBalancer'
      ? 'proxy-balancer-keeps-ip'
      : fromNode && policy === 'Local'
        ? 'local-keeps-ip-in-cluster'
        : policy === 'Cluster' && kubeProxy && (kind === 'bridge' || (kind === 'node' && backendNode?.name === entryName))
          ? 'snat-only-when-crossing'
          : policy === 'Cluster' && external
            ? 'cluster-keeps-client-ip'
            : null;
  const entryMis: MisconceptionId | null =
    kind === 'client'
      ? policy === 'Local'
        ? 'local-still-snats'
        : null
      : kind === 'bridge'
        ? 'bridge-vs-node-ip'
        : kind === 'tunnel'
          ? 'tunnel-vs-node'
          : null;
  const candidates: { ip: string | undefined; label: string; mis: MisconceptionId | null }[] = [];
  candidates.push({ ip: senderIp, label: `${senderIp} (${senderLabel})`, mis: keptMis });
  if (entry) {
    candidates.push({
      ip: entry.ip,
      label: `${entry.ip} (node ${entry.name}, which received the packet)`,
      mis: entryMis,
    });
    const shape = cniShape(layout.cni);
    const sameNode = backendNode?.name === entry.name;
    candidates.push({
      ip: bridgeIPOf(entry),
      label: `${bridgeIPOf(entry)} (${shape.podInterface === 'bridge' ? 'Pod bridge' : 'Pod gateway, the first address of the podCIDR'} of ${entry.name})`,
      mis:
        kind === 'client' && policy === 'Local'
          ? 'local-still-snats'
          : kind === 'node' && sameNode && kubeProxy
            ? 'source-always-bridge'
            : null,
    });
    // Under an overlay the remote path leaves by the tunnel device: its address is in play (R-CNI-3).
    if (kubeProxy && shape.tunnel)
      candidates.push({
        ip: tunnelIPOf(entry),
        label: `${tunnelIPOf(entry)} (tunnel address of ${entry.name})`,
        mis: null,
      });
  }
  if (backendNode && backendNode.name !== entryName) {
    candidates.push({
      ip: backendNode.ip,
      label: `${backendNode.ip} (node ${backendNode.name}, where the Pod runs)`,
      mis: kind === 'node' ? 'snat-on-backend-node' : null,
    });
  }
  if (!layout.preservesClientIP || kind === 'loadBalancer') {
    candidates.push({ ip: '10.0.0.250', label: "10.0.0.250 (the load balancer's own address)", mis: null });
  }
  const options: OptionDraft[] = [];
  let haveCorrect = false;
  for (const c of candidates) {
    if (!c.ip) continue;
    const correct = c.ip === correctIp;
    haveCorrect ||= correct;
    options.push({ value: c.ip, label: c.label, correct, misconception: correct ? null : c.mis });
  }
  if (!haveCorrect) options.push({ value: correctIp, label: correctIp, correct: true, misconception: null });
  return options;
}

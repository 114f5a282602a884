/**
 * Kind 1 — the source IP a given Pod sees (R-EXT-1, R-EXT-4..6, R-SRC-1..3). Multiple choice over the
 * addresses in play, each wrong one labelled with the misconception that predicts it.
 */
import type { BackendAnswer, FlowAnswer } from '@/lib/engine';
import { runEngine } from '../engine-run';
import { bridgeIPOf, buildLayout, describeSetup, nodeOf, toScenarioInput, type Layout, type TrafficSpec } from '../layout';
import type { MisconceptionId } from '../misconceptions';
import type { Rng } from '../random';
import type { Difficulty } from '../types';
import { choiceField, stepsOf, type Draft, type OptionDraft } from './draft';

function pickTraffic(rng: Rng, layout: Layout, difficulty: Difficulty): TrafficSpec {
  // Under Local, external traffic to a node without a usable Pod is dropped: no source IP to ask about.
  const usable = layout.nodes.filter((n) => layout.pods.some((p) => p.node === n.name && (p.ready || (p.terminating && p.serving))));
  const node = rng.pick(layout.policy === 'Local' && usable.length > 0 ? usable : layout.nodes).name;
  const roll = rng.int(0, 99);
  if (difficulty === 'intro' || roll < 40) return { from: 'external', to: 'loadBalancer', node };
  if (difficulty === 'standard' || roll < 60) return { from: 'external', to: 'nodePort', node };
  if (roll < 80) {
    const pod = rng.pick(layout.pods);
    return { from: `pod/${pod.name}`, to: 'loadBalancer' };
  }
  return { from: `node/${node}`, to: 'loadBalancer' };
}

function describeTraffic(layout: Layout, t: TrafficSpec): string {
  const client = layout.naming.clientIP;
  if (t.from === 'external' && t.to === 'loadBalancer')
    return `A client at ${client} connects to the load balancer (${layout.naming.lbIP}:80), which forwards the connection to node ${t.node}.`;
  if (t.from === 'external')
    return `A client at ${client} connects directly to the NodePort on node ${t.node} (${nodeOf(layout, t.node ?? '').ip}:${layout.nodePort}).`;
  if (t.from.startsWith('pod/')) {
    const pod = layout.pods.find((p) => `pod/${p.name}` === t.from);
    return `Pod ${pod?.name} (${pod?.ip}, on ${pod?.node}) connects to the load balancer IP ${layout.naming.lbIP}:80.`;
  }
  const node = t.from.slice('node/'.length);
  return `A host-network process on node ${node} (${nodeOf(layout, node).ip}) connects to the load balancer IP ${layout.naming.lbIP}:80.`;
}

export function generateSourceIp(rng: Rng, difficulty: Difficulty): Draft | null {
  const layout = buildLayout(rng, difficulty);
  if (difficulty === 'expert' && rng.chance(0.15)) layout.preservesClientIP = false;
  const traffic = pickTraffic(rng, layout, difficulty);
  layout.traffic = [traffic];
  const scenario = toScenarioInput(layout);
  const answer = runEngine(scenario);
  const flow = answer.flows[0];
  if (!flow || flow.verdict !== 'forwarded' || flow.backends.length === 0) return null;
  const backend = rng.pick(flow.backends);
  const pod = layout.pods.find((p) => p.name === backend.pod);
  if (!pod) return null;
  const options = sourceOptions(layout, flow, backend);
  const { field, key } = choiceField(rng, 'sourceIp', `Source IP seen by ${backend.pod}`, options);
  return {
    title: 'Which source IP does the Pod see?',
    prompt: `${describeSetup(layout)} ${describeTraffic(layout, traffic)} kube-proxy picks Pod ${backend.pod} (on ${pod.node}). Which source IP does ${backend.pod} see?`,
    scenario,
    response: { fields: [field] },
    key: {
      fields: [key],
      steps: stepsOf([flow]),
      explanation: `${backend.pod} sees ${backend.sourceIp} (${backend.sourceIpKind === 'client' ? 'the sender\'s own address, not masqueraded' : backend.sourceIpKind === 'node' ? 'SNAT to the receiving node\'s address, because the Pod is on another node' : backend.sourceIpKind === 'bridge' ? 'SNAT to the receiving node\'s Pod bridge, because the Pod is on the same node' : 'the proxying balancer\'s own address'}).`,
      fixIt: null,
    },
  };
}

function sourceOptions(layout: Layout, flow: FlowAnswer, backend: BackendAnswer): OptionDraft[] {
  const entryName = flow.node;
  const entry = entryName ? layout.nodes.find((n) => n.name === entryName) : undefined;
  const backendPod = layout.pods.find((p) => p.name === backend.pod);
  const backendNode = backendPod ? layout.nodes.find((n) => n.name === backendPod.node) : undefined;
  const policy = layout.policy;
  const correctIp = backend.sourceIp;
  const fromPod = flow.from.startsWith('pod/') ? layout.pods.find((p) => `pod/${p.name}` === flow.from) : undefined;
  const fromNode = flow.from.startsWith('node/');
  const senderIp = flow.from === 'external' ? layout.naming.clientIP : fromPod ? fromPod.ip : entry?.ip;
  const senderLabel = flow.from === 'external' ? 'the client' : fromPod ? `Pod ${fromPod.name}, the sender` : `node ${entryName}, the sender`;

  const candidates: { ip: string | undefined; label: string; mis: MisconceptionId | null }[] = [];
  // The sender's own address: right when nothing masquerades.
  const keptMis: MisconceptionId =
    !layout.preservesClientIP
      ? 'proxy-balancer-keeps-ip'
      : fromNode && policy === 'Local'
        ? 'local-keeps-ip-in-cluster'
        : policy === 'Cluster' && !backend.crossesNodes
          ? 'snat-only-when-crossing'
          : 'cluster-keeps-client-ip';
  candidates.push({ ip: senderIp, label: `${senderIp} (${senderLabel})`, mis: keptMis });
  if (entry) {
    candidates.push({
      ip: entry.ip,
      label: `${entry.ip} (node ${entry.name}, which received the packet)`,
      mis: backend.sourceIpKind === 'client' ? 'local-still-snats' : 'bridge-vs-node-ip',
    });
    candidates.push({
      ip: bridgeIPOf(entry),
      label: `${bridgeIPOf(entry)} (Pod bridge of ${entry.name})`,
      mis: backend.sourceIpKind === 'client' ? 'local-still-snats' : null,
    });
  }
  if (backendNode && backendNode.name !== entryName) {
    candidates.push({
      ip: backendNode.ip,
      label: `${backendNode.ip} (node ${backendNode.name}, where the Pod runs)`,
      mis: 'snat-on-backend-node',
    });
  }
  if (!layout.preservesClientIP || backend.sourceIpKind === 'loadBalancer') {
    candidates.push({ ip: '10.0.0.250', label: '10.0.0.250 (the load balancer\'s own address)', mis: null });
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

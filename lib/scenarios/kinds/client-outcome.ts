/**
 * Kind 5 — what the client sees: served, a timeout (silent DROP) or connection refused (REJECT)
 * (R-EXT-7, R-DROP-1/2, R-FW-1, R-EXT-4/5, R-X-4).
 */
import { runEngine } from '../engine-run';
import { buildLayout, describeSetup, nodeOf, podsOn, toScenarioInput, type Layout, type TrafficSpec } from '../layout';
import type { MisconceptionId } from '../misconceptions';
import type { Rng } from '../random';
import type { Difficulty } from '../types';
import { choiceField, stepsOf, type Draft, type OptionDraft } from './draft';

const VERDICT_OPTION: Record<string, string> = {
  forwarded: 'served',
  dropped: 'timeout',
  rejected: 'refused',
  asymmetric: 'asymmetric',
};

export function generateClientOutcome(rng: Rng, difficulty: Difficulty): Draft | null {
  const layout = buildLayout(rng, difficulty, { emptyNode: rng.chance(0.7) });
  const roll = rng.int(0, 99);
  let traffic: TrafficSpec;
  let story: string;
  const node = rng.pick(layout.nodes);
  if (roll < 15) {
    // Nothing ready anywhere: every destination REJECTs (R-DROP-1).
    for (const p of layout.pods) Object.assign(p, { ready: false, serving: false, terminating: false });
  }
  if (difficulty === 'expert' && roll >= 60 && roll < 80) {
    const pod = rng.pick(layout.pods);
    traffic = { from: `pod/${pod.name}`, to: 'loadBalancer' };
    story = `Pod ${pod.name} (on ${pod.node}) connects to the load balancer IP ${layout.naming.lbIP}:80.`;
  } else if (difficulty === 'expert' && roll >= 80) {
    layout.sourceRanges = ['192.0.2.0/24'];
    const viaLb = rng.chance(0.5);
    traffic = viaLb ? { from: 'external', to: 'loadBalancer', node: node.name } : { from: 'external', to: 'nodePort', node: node.name };
    story = viaLb
      ? `A client at ${layout.naming.clientIP} connects to ${layout.naming.lbIP}:80; the packet reaches node ${node.name}.`
      : `A client at ${layout.naming.clientIP} connects directly to ${node.ip}:${layout.nodePort} (the NodePort on ${node.name}).`;
  } else if (difficulty === 'intro' || rng.chance(0.5)) {
    traffic = { from: 'external', to: 'nodePort', node: node.name };
    story = `A client at ${layout.naming.clientIP} connects directly to ${node.ip}:${layout.nodePort} (the NodePort on ${node.name}).`;
  } else {
    layout.balancing = 'all-nodes';
    traffic = { from: 'external', to: 'loadBalancer', node: node.name };
    story = `Right after a change, before the balancer notices any failing check, it forwards a new connection to node ${node.name}.`;
  }
  layout.traffic = [traffic];
  const scenario = toScenarioInput(layout);
  const answer = runEngine(scenario);
  const flow = answer.flows[0];
  if (!flow) return null;
  const correct = VERDICT_OPTION[flow.verdict];
  if (!correct) return null;
  const mis = wrongMisconceptions(layout, traffic, correct);
  const options: OptionDraft[] = [
    { value: 'served', label: 'A Pod serves it', correct: correct === 'served', misconception: mis.served },
    { value: 'timeout', label: 'It times out (packets silently dropped)', correct: correct === 'timeout', misconception: mis.timeout },
    { value: 'refused', label: 'Connection refused at once', correct: correct === 'refused', misconception: mis.refused },
  ];
  if (difficulty === 'expert' || correct === 'asymmetric') {
    options.push({
      value: 'asymmetric',
      label: 'Forwarded, but the reply bypasses the NAT and the connection fails',
      correct: correct === 'asymmetric',
      misconception: null,
    });
  }
  const { field, key } = choiceField(rng, 'outcome', 'What does the client see?', options, { shuffle: false });
  const entry = traffic.node ? nodeOf(layout, traffic.node) : null;
  return {
    title: 'What does the client see?',
    prompt: `${describeSetup(layout)} ${story} What happens to the connection?`,
    scenario,
    response: { fields: [field] },
    key: {
      fields: [key],
      steps: stepsOf([flow]),
      explanation: `The engine's verdict is "${flow.verdict}"${entry ? ` on ${entry.name}` : ''}: forwarded → served, dropped → the client times out, rejected → connection refused (R-DROP-2).`,
      fixIt: null,
    },
  };
}

function wrongMisconceptions(
  layout: Layout,
  traffic: TrafficSpec,
  correct: string,
): Record<'served' | 'timeout' | 'refused', MisconceptionId | null> {
  const inCluster = traffic.from !== 'external';
  const nodePods = traffic.node ? podsOn(layout, traffic.node) : [];
  if (correct === 'timeout') {
    return {
      served: layout.sourceRanges.length > 0 && traffic.to === 'loadBalancer' ? null : 'local-forwards-elsewhere',
      timeout: null,
      refused: 'drop-is-refusal',
    };
  }
  if (correct === 'refused') return { served: null, timeout: 'refusal-is-drop', refused: null };
  if (correct === 'served') {
    const timeoutMis: MisconceptionId | null = inCluster
      ? 'local-restricts-in-cluster'
      : layout.sourceRanges.length > 0 && traffic.to === 'nodePort'
        ? 'source-ranges-on-nodeport'
        : nodePods.every((p) => !p.ready)
          ? 'node-without-pods-fails'
          : null;
    return { served: null, timeout: timeoutMis, refused: !inCluster && nodePods.every((p) => !p.ready) ? 'node-without-pods-fails' : null };
  }
  return { served: null, timeout: null, refused: null };
}

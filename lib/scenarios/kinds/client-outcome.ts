/**
 * Kind 5 — what the client sees: served, a timeout (silent DROP) or connection refused (REJECT)
 * (R-EXT-7, R-DROP-1/2, R-FW-1, R-EXT-4/5, R-X-4).
 *
 * The key comes from `keyOf(scenario, ask)` (the engine's verdict for the scenario's one flow). To keep the
 * outcomes balanced (issue 12 item 12), the generator first draws the outcome it aims for and shapes the
 * layout and the flow toward it; the key is still whatever the engine answers for the result.
 */
import type { Answer, FlowAnswer, ScenarioInput } from '@/lib/engine';
import { runEngine } from '../engine-run';
import {
  buildLayout,
  describeSetup,
  familyOf,
  podsOn,
  toScenarioInput,
  type Layout,
  type LayoutNode,
  type TrafficSpec,
} from '../layout';
import type { MisconceptionId } from '../misconceptions';
import type { Rng } from '../random';
import type { Difficulty } from '../types';
import { stepsOf } from '@/lib/engine';
import { choiceField, type OptionDraft } from './choice-field';
import type { Draft } from './draft';

const VERDICT_OPTION: Record<string, string> = {
  forwarded: 'served',
  dropped: 'timeout',
  rejected: 'refused',
  asymmetric: 'asymmetric',
  // R-LBK-6/7/8: no node receives the packet (Azure with every probe down, MetalLB with nobody announcing).
  unanswered: 'timeout',
};

/** A client-outcome question asks about the scenario's one flow: nothing to choose. */
export type ClientOutcomeAsk = Record<string, never>;

/** The key: `outcome` → served | timeout | refused | asymmetric. Throws for a flow no option describes. `answer` is the engine's answer for `scenario`; the generator passes the one it already has. */
export function keyOf(
  scenario: ScenarioInput,
  _ask: ClientOutcomeAsk,
  answer: Answer = runEngine(scenario),
): Record<string, string> {
  const flow = answer.flows[0];
  const outcome = flow ? VERDICT_OPTION[flow.verdict] : undefined;
  if (!outcome) throw new Error(`client-outcome: no option for verdict ${flow?.verdict ?? '(no flow)'}`);
  return { outcome };
}

type Target = 'served' | 'timeout' | 'refused' | 'asymmetric';

function pickTarget(rng: Rng, difficulty: Difficulty): Target {
  const r = rng.int(0, 99);
  if (difficulty === 'expert')
    return r < 35 ? 'served' : r < 65 ? 'timeout' : r < 85 ? 'refused' : 'asymmetric';
  return r < 40 ? 'served' : r < 72 ? 'timeout' : 'refused';
}

function usable(layout: Layout, node: LayoutNode): boolean {
  return podsOn(layout, node.name).some((p) => p.ready || (p.terminating && p.serving));
}

/** Whether the settled balancer sends to `node` (R-HC-3 under Local; every node under Cluster). */
function passesCheck(layout: Layout, node: LayoutNode): boolean {
  return layout.policy === 'Cluster' || podsOn(layout, node.name).some((p) => p.ready);
}

interface Shaped {
  traffic: TrafficSpec;
  story: string;
}

function nodePortStory(layout: Layout, node: LayoutNode): Shaped {
  return {
    traffic: { from: 'external', to: 'nodePort', node: node.name },
    story: `A client at ${layout.naming.clientIP} connects directly to ${node.ip}:${layout.nodePort} (the NodePort on ${node.name}).`,
  };
}

/** Through the balancer to `node`: a settled balancer only picks a node passing its check, else the moment before. */
function balancerStory(layout: Layout, node: LayoutNode): Shaped {
  const traffic: TrafficSpec = { from: 'external', to: 'loadBalancer', node: node.name };
  if (passesCheck(layout, node) && layout.balancing !== 'all-nodes') {
    return {
      traffic,
      story: `A client at ${layout.naming.clientIP} connects to ${layout.naming.lbIP}:80, and the load balancer forwards the connection to node ${node.name}.`,
    };
  }
  layout.balancing = 'all-nodes';
  return {
    traffic,
    story: `Right after a change, before the balancer notices any failing check, it forwards a new connection from ${layout.naming.clientIP} to node ${node.name}.`,
  };
}

function shape(rng: Rng, layout: Layout, difficulty: Difficulty, target: Target): Shaped {
  const expert = difficulty === 'expert';
  if (target === 'refused') {
    // Nothing ready anywhere: every destination REJECTs (R-DROP-1).
    for (const p of layout.pods) Object.assign(p, { ready: false, serving: false, terminating: false });
    if (expert && rng.chance(0.3)) return podStory(layout, rng.pick(layout.pods));
    const node = rng.pick(layout.nodes);
    return rng.chance(0.5) ? nodePortStory(layout, node) : balancerStory(layout, node);
  }
  if (target === 'timeout' && expert && rng.chance(0.3)) {
    // The balancer's firewall (R-FW-1): a client outside loadBalancerSourceRanges.
    layout.sourceRanges = [
      layout.naming.clientIP.startsWith('192.0.2.') ? '198.51.100.0/24' : '192.0.2.0/24',
    ];
    return balancerStory(layout, rng.pick(layout.nodes.filter((n) => passesCheck(layout, n))));
  }
  if (target === 'timeout' || target === 'asymmetric') {
    // Local, external traffic to a node with no usable local endpoint (R-EXT-7; IPVS: R-X-4).
    const empty = layout.nodes.filter((n) => !usable(layout, n));
    const node = empty.length > 0 ? rng.pick(empty) : rng.pick(layout.nodes);
    return rng.chance(0.5) ? nodePortStory(layout, node) : balancerStory(layout, node);
  }
  // served (unless the layout says otherwise): an in-cluster client, a client inside the source ranges, or
  // a node that can serve (under Cluster, any node).
  if (expert && rng.chance(0.25)) return podStory(layout, rng.pick(layout.pods));
  const good = layout.nodes.filter((n) => (layout.policy === 'Cluster' ? true : usable(layout, n)));
  const node = rng.pick(good.length > 0 ? good : layout.nodes);
  if (expert && rng.chance(0.3)) {
    const viaNodePort = rng.chance(0.5);
    layout.sourceRanges = viaNodePort
      ? [layout.naming.clientIP.startsWith('192.0.2.') ? '198.51.100.0/24' : '192.0.2.0/24']
      : [`${layout.naming.clientIP.replace(/\.\d+$/, '')}.0/24`];
    return viaNodePort ? nodePortStory(layout, node) : balancerStory(layout, node);
  }
  return rng.chance(0.5) ? nodePortStory(layout, node) : balancerStory(layout, node);
}

/**
 * Under a family balancer (balancer-family.ts) the node a connection enters is the family's to choose: the story
 * names a node it actually sends to, or none when it sends nowhere (the connection attempt goes unanswered).
 */
function familyStory(rng: Rng, layout: Layout, shaped: Shaped): Shaped {
  const { traffic } = shaped;
  if (!familyOf(layout) || traffic.from !== 'external' || traffic.to !== 'loadBalancer') return shaped;
  const split = runEngine(toScenarioInput(layout)).loadBalancer ?? {};
  const receiving = layout.nodes.filter((n) => (split[n.name] ?? '0') !== '0');
  const client = layout.naming.clientIP;
  if (receiving.length === 0)
    return { traffic, story: `A client at ${client} opens a new connection to ${layout.naming.lbIP}:80.` };
  const node = receiving.some((n) => n.name === traffic.node) ? (traffic.node as string) : rng.pick(receiving).name;
  return {
    traffic: { ...traffic, node },
    story: `A client at ${client} connects to ${layout.naming.lbIP}:80, and the balancer delivers the connection to node ${node}.`,
  };
}

function podStory(layout: Layout, pod: { name: string; node: string; ip: string }): Shaped {
  return {
    traffic: { from: `pod/${pod.name}`, to: 'loadBalancer' },
    story: `Pod ${pod.name} (${pod.ip}, on ${pod.node}) connects to the load balancer IP ${layout.naming.lbIP}:80.`,
  };
}

const OUTCOME_TEXT: Record<string, string> = {
  served: 'A Pod serves the connection',
  timeout: 'The client times out',
  refused: 'The client gets "connection refused" at once',
  asymmetric: 'The connection fails: the reply bypasses the NAT',
};

/** The sentence that decided the outcome: the data plane's (or firewall's) last decision on the flow. */
function decidingStep(flow: FlowAnswer): string {
  const decisive = flow.steps.filter((s) => /^(R-EXT-|R-X-4|R-DROP-|R-FW-|R-INT-|§11)/.test(s));
  return decisive[decisive.length - 1] ?? flow.steps[flow.steps.length - 1] ?? '';
}

/** The steps always name the node that handles the connection (issue 12 item 13). */
function withNode(steps: string[], traffic: TrafficSpec, layout: Layout): string[] {
  const node = traffic.node ?? layout.pods.find((p) => `pod/${p.name}` === traffic.from)?.node;
  if (!node || steps.some((s) => s.includes(node))) return steps;
  return [`§1: the connection reaches ${node}, whose rules decide what happens to it.`, ...steps];
}

/** The generator and the ask it built the key from (the consistency test replays both). */
export function buildClientOutcome(
  rng: Rng,
  difficulty: Difficulty,
): { draft: Draft; ask: ClientOutcomeAsk } | null {
  const target = pickTarget(rng, difficulty);
  const local = target === 'timeout' || target === 'asymmetric';
  const layout = buildLayout(rng, difficulty, {
    emptyNode: local || rng.chance(0.5),
    ...(local ? { policy: 'Local' as const } : {}),
    families: true,
  });
  if (target === 'asymmetric') layout.proxyMode = 'ipvs';
  const shaped = shape(rng, layout, difficulty, target);
  const { traffic, story } = familyStory(rng, layout, shaped);
  layout.traffic = [traffic];
  const scenario = toScenarioInput(layout);
  const answer = runEngine(scenario);
  const flow = answer.flows[0];
  if (!flow || !VERDICT_OPTION[flow.verdict]) return null;
  const ask: ClientOutcomeAsk = {};
  const correct = keyOf(scenario, ask, answer).outcome ?? '';
  const mis = flow.verdict === 'unanswered' ? { served: null, timeout: null, refused: 'balancer-fails-open' as const } : wrongMisconceptions(layout, traffic, correct);
  const options: OptionDraft[] = [
    { value: 'served', label: 'A Pod serves it', correct: correct === 'served', misconception: mis.served },
    {
      value: 'timeout',
      label: 'It times out (packets silently dropped)',
      correct: correct === 'timeout',
      misconception: mis.timeout,
    },
    {
      value: 'refused',
      label: 'Connection refused at once',
      correct: correct === 'refused',
      misconception: mis.refused,
    },
  ];
  if (difficulty === 'expert' || correct === 'asymmetric') {
    options.push({
      value: 'asymmetric',
      label: 'Forwarded, but the reply bypasses the NAT and the connection fails',
      correct: correct === 'asymmetric',
      misconception: null,
    });
  }
  const { field, key } = choiceField(rng, 'outcome', 'What does the client see?', options, {
    shuffle: false,
  });
  return {
    ask,
    draft: {
      title: 'What does the client see?',
      prompt: `${describeSetup(layout)} ${story} What happens to the connection?`,
      scenario,
      response: { fields: [field] },
      key: {
        fields: [key],
        steps: withNode(stepsOf([flow]), traffic, layout),
        explanation: `${OUTCOME_TEXT[correct] ?? correct}. ${decidingStep(flow)}`,
        fixIt: null,
      },
    },
  };
}

export function generateClientOutcome(rng: Rng, difficulty: Difficulty): Draft | null {
  return buildClientOutcome(rng, difficulty)?.draft ?? null;
}

function wrongMisconceptions(
  layout: Layout,
  traffic: TrafficSpec,
  correct: string,
): Record<'served' | 'timeout' | 'refused', MisconceptionId | null> {
  const inCluster = traffic.from !== 'external';
  const nodePods = traffic.node ? podsOn(layout, traffic.node) : [];
  const firewalled = layout.sourceRanges.length > 0 && traffic.to === 'loadBalancer';
  if (correct === 'timeout') {
    return {
      served: !firewalled && layout.policy === 'Local' ? 'local-forwards-elsewhere' : null,
      timeout: null,
      refused: firewalled ? null : 'drop-is-refusal',
    };
  }
  if (correct === 'refused') return { served: null, timeout: 'refusal-is-drop', refused: null };
  if (correct === 'served') {
    const emptyEntry = !inCluster && layout.policy === 'Cluster' && nodePods.every((p) => !p.ready);
    const timeoutMis: MisconceptionId | null = inCluster
      ? layout.policy === 'Local'
        ? 'local-restricts-in-cluster'
        : null
      : layout.sourceRanges.length > 0 && traffic.to === 'nodePort'
        ? 'source-ranges-on-nodeport'
        : emptyEntry
          ? 'node-without-pods-fails'
          : null;
    return { served: null, timeout: timeoutMis, refused: emptyEntry ? 'node-without-pods-fails' : null };
  }
  return { served: null, timeout: null, refused: null };
}

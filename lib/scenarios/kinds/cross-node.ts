/**
 * Kind 6 — whether a connection entering a node through the balancer crosses to another node, and what
 * fraction of all the balancer's new connections do (R-X-1, R-X-2, R-X-4, R-LB-6).
 *
 * The key is `keyOf(scenario, {node})`: read from the engine's flows, counting a connection as crossing when it
 * is sent to a Pod on another node — including IPVS's eTP=Local virtual server on a node without a local
 * endpoint, which forwards to a remote Pod unmasqueraded (R-X-4: it crosses, then fails).
 */
import type { Answer, FlowAnswer, ScenarioInput } from '@/lib/engine';
import Fraction from 'fraction.js';
import { runEngine } from '../engine-run';
import { buildLayout, cloneLayout, describeSetup, familyOf, toScenarioInput, type Layout } from '../layout';
import type { MisconceptionId } from '../misconceptions';
import type { Rng } from '../random';
import type { Alternative, Difficulty } from '../types';
import { crossingShare, entryShare, flowCrossing, receivingFlows, stepsOf } from '@/lib/engine';
import { choiceField } from './choice-field';
import type { Draft } from './draft';
import { distinctShares, fracString, shareDisplay } from './shares';
import { count, dataPlaneSentence, listText } from './stated';

export interface CrossNodeAsk {
  /** The node the balancer sends the connection to. */
  node: string;
}

export type CrossVerdict = 'never' | 'sometimes' | 'always';

function verdictOf(p: Fraction): CrossVerdict {
  return p.equals(0) ? 'never' : p.equals(1) ? 'always' : 'sometimes';
}

function lbFlowOf(answer: Answer, node: string): FlowAnswer | undefined {
  return answer.flows.find((f) => f.from === 'external' && f.to === 'loadBalancer' && f.node === node);
}

function keyFromAnswer(answer: Answer, ask: CrossNodeAsk): { crosses: CrossVerdict; crossFraction: string } {
  const flow = lbFlowOf(answer, ask.node);
  if (!flow) throw new Error(`cross-node: no balancer flow enters node ${ask.node}`);
  return { crosses: verdictOf(flowCrossing(flow)), crossFraction: fracString(crossingShare(answer)) };
}

/** The answer key: does a connection entering `ask.node` cross, and the crossing share of all balancer traffic. */
export function keyOf(scenario: ScenarioInput, ask: CrossNodeAsk): Record<string, string> {
  return keyFromAnswer(runEngine(scenario), ask);
}

/** One sentence on what node `flow.node` does with a connection, naming its endpoints and the rule. */
function nodeSentence(layout: Layout, flow: FlowAnswer): string {
  const node = flow.node ?? '';
  const total = flow.backends.length;
  const remote = flow.backends.filter((b) => b.crossesNodes).length;
  const local = total - remote;
  const p = fracString(flowCrossing(flow));
  if (flow.verdict === 'asymmetric')
    return `${node} has no local endpoint, so IPVS fills its eTP=Local virtual server with the Cluster set (${count(total, 'Pod')}, all on other nodes) and sends the connection there unmasqueraded: it always crosses, and then fails because the reply bypasses ${node}'s NAT (R-X-4).`;
  if (layout.policy === 'Local')
    return `Under Local, ${node} sends external traffic only to its own ${count(total, 'endpoint')} (the Local set), so the connection never leaves ${node} (R-EXT-6, R-X-1).`;
  if (remote === 0)
    return `Under Cluster, ${node} picks uniformly among all ${count(total, 'eligible endpoint')}, and every one of them is on ${node}, so the connection never crosses (R-X-2).`;
  return `Under Cluster, ${node} picks uniformly among all ${count(total, 'eligible endpoint')} (R-EXT-2, no preference for its own); ${local === 0 ? 'none is' : `${local} ${local === 1 ? 'is' : 'are'}`} on ${node}, so a connection entering it crosses with probability ${p} (R-X-2).`;
}

function misconceptionFor(layout: Layout, flow: FlowAnswer, right: CrossVerdict, option: CrossVerdict): MisconceptionId | null {
  if (option === right) return null;
  if (flow.verdict === 'asymmetric') return option === 'never' ? 'ipvs-local-stays-local' : null;
  if (layout.policy === 'Local') return 'local-may-cross';
  if (right === 'sometimes') return option === 'never' ? 'cluster-prefers-local' : 'cluster-always-crosses';
  if (right === 'never') return option === 'always' ? 'cluster-always-crosses' : null;
  return null; // right === 'always': the node has no eligible endpoint of its own; no catalogued belief predicts the others
}

export function generateCrossNode(rng: Rng, difficulty: Difficulty): Draft | null {
  const layout = buildLayout(rng, difficulty, { families: true });
  const scenario = toScenarioInput(layout);
  const answer = runEngine(scenario);
  if (!answer.shares) return null;
  const receiving = receivingFlows(answer);
  const askable = receiving.filter((f) => (f.verdict === 'forwarded' || f.verdict === 'asymmetric') && f.backends.length > 0);
  if (askable.length === 0) return null;
  const flow = rng.pick(askable);
  const node = flow.node ?? '';
  const key = keyOf(scenario, { node });
  const right = key.crosses as CrossVerdict;
  const crossFraction = key.crossFraction as string;
  const choice = choiceField(
    rng,
    'crosses',
    `Does a connection entering ${node} cross to another node?`,
    (['never', 'sometimes', 'always'] as const).map((v) => ({
      value: v,
      label: v[0]?.toUpperCase() + v.slice(1),
      correct: v === right,
      misconception: misconceptionFor(layout, flow, right, v),
    })),
    { shuffle: false, display: `${right} (${right === 'always' ? 'every one' : right === 'never' ? 'none' : fracString(flowCrossing(flow))} of its connections)` },
  );
  const alternatives: Alternative[] = [];
  const add = (value: string, m: MisconceptionId) => {
    if (distinctShares(value, crossFraction) && !alternatives.some((a) => !distinctShares(a.value, value))) alternatives.push({ value, misconception: m });
  };
  const ipvsCrossing = receiving.some((f) => f.verdict === 'asymmetric');
  if (ipvsCrossing) {
    add('0', 'ipvs-local-stays-local');
  } else {
    // What the other policy would give: the answer of someone who mixed them up.
    const other = cloneLayout(layout);
    other.policy = layout.policy === 'Cluster' ? 'Local' : 'Cluster';
    const otherAnswer = runEngine(toScenarioInput(other));
    if (otherAnswer.shares) add(fracString(crossingShare(otherAnswer)), layout.policy === 'Cluster' ? 'cluster-prefers-local' : 'local-may-cross');
  }
  if (layout.policy === 'Cluster') {
    // "Only nodes without Pods forward elsewhere": the balancer share of receiving nodes with no eligible Pod.
    const emptyShare = receiving
      .filter((f) => f.backends.length > 0 && f.backends.every((b) => b.crossesNodes))
      .reduce((acc, f) => acc.add(entryShare(answer, f.node)), new Fraction(0));
    add(fracString(emptyShare), 'crossing-counts-empty-only');
  }
  const breakdown = receiving
    .filter((f) => !flowCrossing(f).equals(0))
    .map((f) => `${f.node} ${fracString(entryShare(answer, f.node))} × ${fracString(flowCrossing(f))}`);
  const total =
    breakdown.length === 0
      ? `No node the balancer sends to forwards elsewhere, so 0 of all its new connections cross nodes.`
      : `Over all nodes (balancer share × crossing probability): ${listText(breakdown)} = ${crossFraction} of all new connections cross nodes (R-LB-6).`;
  const ipvsNote =
    layout.proxyMode === 'ipvs' && layout.policy === 'Local'
      ? ' Count a connection as crossing when it is sent to a Pod on another node, even if it then fails.'
      : '';
  const skipped = answer.flows.filter((f) => f.from === 'external' && f.to === 'loadBalancer' && entryShare(answer, f.node).equals(0)).map((f) => f.node ?? '');
  const family = familyOf(layout);
  const why =
    family === 'metallb-l2'
      ? 'only the layer-2 leader receives connections, R-LBK-7'
      : family === 'metallb-bgp'
        ? `${skipped.length === 1 ? 'it announces' : 'they announce'} no route, R-LBK-8`
        : `${skipped.length === 1 ? 'it fails' : 'they fail'} its health check, R-LB-6`;
  const skippedStep = skipped.length > 0 ? [`The balancer sends nothing to ${listText(skipped)} (${why}).`] : [];
  return {
    title: 'Does it cross nodes?',
    prompt: `${describeSetup(layout)}${dataPlaneSentence(layout)} A new connection from outside reaches node ${node} through the balancer. Does it cross to another node? And what fraction of all the balancer's new connections cross nodes?${ipvsNote} Answer the fraction as 1/6, 16.7% or 0.1667.`,
    scenario,
    response: { fields: [choice.field, { type: 'share', name: 'crossFraction', label: 'Fraction of all new connections that cross nodes' }] },
    key: {
      fields: [choice.key, { field: 'crossFraction', expected: crossFraction, display: shareDisplay(crossFraction), alternatives }],
      steps: [...stepsOf([flow, ...receiving]).slice(0, 14), ...skippedStep],
      explanation: `${nodeSentence(layout, flow)} ${total}`,
      fixIt: null,
    },
  };
}


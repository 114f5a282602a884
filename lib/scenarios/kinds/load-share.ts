/**
 * Kind 3 — a Pod's (and, from standard on, a node's) share of all load-balancer traffic (R-LB-6).
 * Typed answers: `1/6`, `16.7%`, `0.1667`. Wrong values that a misconception predicts are computed
 * from the layout so the grader can name them.
 */
import type Fraction from 'fraction.js';
import { runEngine } from '../engine-run';
import { buildLayout, describeSetup, podsOn, toScenarioInput } from '../layout';
import type { MisconceptionId } from '../misconceptions';
import type { Rng } from '../random';
import type { Alternative, Difficulty, FieldKey, ResponseField } from '../types';
import { distinctShares, frac, fracString, lbFlows, shareDisplay, stepsOf, type Draft } from './draft';

function alt(expected: string, value: Fraction | null, misconception: MisconceptionId): Alternative | null {
  if (!value) return null;
  const v = fracString(value);
  return distinctShares(v, expected) ? { value: v, misconception } : null;
}

export function generateLoadShare(rng: Rng, difficulty: Difficulty): Draft | null {
  const layout = buildLayout(rng, difficulty, { policy: rng.chance(0.65) ? 'Local' : 'Cluster' });
  const scenario = toScenarioInput(layout);
  const answer = runEngine(scenario);
  const shares = answer.shares;
  if (!shares) return null;
  const ready = layout.pods.filter((p) => p.ready);
  if (ready.length === 0) return null;
  // Prefer a Pod that takes traffic; a not-ready one now and then (its answer is 0).
  const candidates = rng.chance(0.85) ? layout.pods.filter((p) => (shares.pods[p.name] ?? '0') !== '0') : layout.pods;
  if (candidates.length === 0) return null;
  const pod = rng.pick(candidates);
  const podShare = shares.pods[pod.name] ?? '0';
  const local = layout.policy === 'Local';
  const nodesWithReady = layout.nodes.filter((n) => podsOn(layout, n.name).some((p) => p.ready));
  const kOnNode = podsOn(layout, pod.node).filter((p) => p.ready).length;
  const podAlts = [
    local ? alt(podShare, frac(1).div(ready.length), 'even-per-pod-under-local') : null,
    local && kOnNode > 0 ? alt(podShare, frac(1).div(kOnNode), 'share-of-node-not-total') : null,
    !local && kOnNode > 0 ? alt(podShare, frac(1).div(nodesWithReady.length * kOnNode), 'cluster-prefers-local') : null,
    alt(podShare, frac(1).div(layout.pods.length), 'not-ready-counted'),
  ].filter((a): a is Alternative => a !== null);

  const fields: ResponseField[] = [{ type: 'share', name: 'podShare', label: `Share of all new connections served by ${pod.name}` }];
  const keys: FieldKey[] = [{ field: 'podShare', expected: podShare, display: shareDisplay(podShare), alternatives: dedupe(podAlts) }];
  let nodeName: string | null = null;
  if (difficulty !== 'intro') {
    const node = rng.pick(layout.nodes.filter((n) => n.name !== pod.node).concat(layout.nodes));
    nodeName = node.name;
    const nodeShare = shares.nodes[node.name] ?? '0';
    const k = podsOn(layout, node.name).filter((p) => p.ready).length;
    const nodeAlts = [
      local ? alt(nodeShare, frac(k).div(ready.length), 'even-per-pod-under-local') : null,
      local ? alt(nodeShare, frac(1).div(layout.nodes.length), 'counts-empty-nodes') : null,
      !local && k > 0 ? alt(nodeShare, frac(1).div(nodesWithReady.length), 'cluster-prefers-local') : null,
    ].filter((a): a is Alternative => a !== null);
    fields.push({ type: 'share', name: 'nodeShare', label: `Share of all new connections served by Pods on ${node.name}` });
    keys.push({ field: 'nodeShare', expected: nodeShare, display: shareDisplay(nodeShare), alternatives: dedupe(nodeAlts) });
  }
  const lbLine = answer.loadBalancer
    ? `The balancer's split: ${Object.entries(answer.loadBalancer).map(([n, s]) => `${n} ${s}`).join(', ')}.`
    : '';
  return {
    title: 'What share of the load does it take?',
    prompt: `${describeSetup(layout)} Over many new connections from outside, what share of all of them does Pod ${pod.name} (on ${pod.node}) serve?${nodeName ? ` And the Pods on ${nodeName} together?` : ''} Answer as a fraction (1/6), a percentage (16.7%) or a decimal (0.1667).`,
    scenario,
    response: { fields },
    key: {
      fields: keys,
      steps: [...(lbLine ? [`${lbLine} (R-LB-6)`] : []), ...stepsOf(lbFlows(answer)).slice(0, 12)],
      explanation: local
        ? 'Under Local the balancer splits per node and each node only among its own ready Pods: a Pod gets (node share) ÷ (ready Pods on its node) (R-LB-6).'
        : 'Under Cluster every node picks uniformly over all ready endpoints, so each ready Pod gets 1/N whatever node the connection entered (R-LB-1, R-LB-4).',
      fixIt: null,
    },
  };
}

function dedupe(alts: Alternative[]): Alternative[] {
  const out: Alternative[] = [];
  for (const a of alts) if (!out.some((o) => !distinctShares(o.value, a.value))) out.push(a);
  return out;
}

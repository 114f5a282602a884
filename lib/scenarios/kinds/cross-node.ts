/**
 * Kind 6 — whether a connection crosses nodes, and what fraction of all balancer traffic does
 * (R-X-1, R-X-2, R-LB-6). The fraction a Local-thinker would give is the one the engine computes for
 * the same cluster under the other policy.
 */
import Fraction from 'fraction.js';
import { runEngine } from '../engine-run';
import { buildLayout, cloneLayout, describeSetup, podsOn, toScenarioInput } from '../layout';
import type { MisconceptionId } from '../misconceptions';
import type { Rng } from '../random';
import type { Alternative, Difficulty } from '../types';
import { choiceField, distinctShares, frac, fracString, lbFlows, shareDisplay, stepsOf, type Draft } from './draft';

export function generateCrossNode(rng: Rng, difficulty: Difficulty): Draft | null {
  const layout = buildLayout(rng, difficulty);
  const scenario = toScenarioInput(layout);
  const answer = runEngine(scenario);
  const shares = answer.shares;
  if (!shares) return null;
  const flows = lbFlows(answer).filter((f) => f.verdict === 'forwarded' && f.backends.length > 0);
  if (flows.length === 0) return null;
  const flow = rng.pick(flows);
  const crossing = flow.backends.filter((b) => b.crossesNodes).reduce((acc, b) => acc.add(frac(b.probability)), new Fraction(0));
  const verdict = crossing.equals(0) ? 'never' : crossing.equals(1) ? 'always' : 'sometimes';
  const cluster = layout.policy === 'Cluster';
  const hasLocal = podsOn(layout, flow.node ?? '').some((p) => p.ready);
  const mis = (v: string): MisconceptionId | null => {
    if (v === verdict) return null;
    if (!cluster) return 'local-may-cross';
    if (v === 'always') return 'cluster-always-crosses';
    if (v === 'never') return hasLocal ? 'cluster-prefers-local' : null;
    return 'cluster-always-crosses';
  };
  const choice = choiceField(
    rng,
    'crosses',
    `Does a connection entering ${flow.node} cross to another node?`,
    [
      { value: 'never', label: 'Never', correct: verdict === 'never', misconception: mis('never') },
      { value: 'sometimes', label: 'Sometimes', correct: verdict === 'sometimes', misconception: mis('sometimes') },
      { value: 'always', label: 'Always', correct: verdict === 'always', misconception: mis('always') },
    ],
    { shuffle: false, display: `${verdict} (${fracString(crossing)} of its connections)` },
  );
  // What the other policy would give: the answer of someone who mixed them up.
  const other = cloneLayout(layout);
  other.policy = cluster ? 'Local' : 'Cluster';
  const otherShares = runEngine(toScenarioInput(other)).shares;
  const alternatives: Alternative[] = [];
  if (otherShares && distinctShares(otherShares.crossNode, shares.crossNode)) {
    alternatives.push({ value: otherShares.crossNode, misconception: cluster ? 'cluster-prefers-local' : 'local-may-cross' });
  }
  if (cluster && answer.loadBalancer) {
    // "Only nodes without Pods forward elsewhere": the balancer share of nodes with no ready Pod.
    const emptyShare = Object.entries(answer.loadBalancer)
      .filter(([n]) => !podsOn(layout, n).some((p) => p.ready))
      .reduce((acc, [, s]) => acc.add(frac(s)), new Fraction(0));
    const v = fracString(emptyShare);
    if (distinctShares(v, shares.crossNode) && !alternatives.some((a) => !distinctShares(a.value, v)))
      alternatives.push({ value: v, misconception: 'crossing-counts-empty-only' });
  }
  return {
    title: 'Does it cross nodes?',
    prompt: `${describeSetup(layout)} A new connection from outside enters node ${flow.node}. Does it cross to another node? And what fraction of all the balancer's new connections cross nodes? Answer the fraction as 1/6, 16.7% or 0.1667.`,
    scenario,
    response: { fields: [choice.field, { type: 'share', name: 'crossFraction', label: 'Fraction of all new connections that cross nodes' }] },
    key: {
      fields: [
        choice.key,
        { field: 'crossFraction', expected: shares.crossNode, display: shareDisplay(shares.crossNode), alternatives },
      ],
      steps: stepsOf([flow, ...lbFlows(answer)]).slice(0, 14),
      explanation: cluster
        ? 'Under Cluster the endpoint is chosen uniformly over all ready endpoints: a connection entering node n crosses with probability 1 − kₙ/N (R-X-2).'
        : 'Under Local external traffic only reaches local endpoints, so it never crosses nodes (R-X-1).',
      fixIt: null,
    },
  };
}

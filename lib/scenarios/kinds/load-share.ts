/**
 * Kind 3 — a Pod's (and, from standard on, a node's) share of all load-balancer traffic (R-LB-6).
 * Typed answers: `1/6`, `16.7%`, `0.1667`. Wrong values that a misconception predicts are computed
 * from the layout so the grader can name them.
 *
 * The key comes from `keyOf(scenario, ask)` (the engine's two-stage shares). The prompt states the balancer's
 * behaviour (even over healthy nodes, weighted by the health check's header, or before it notices failing
 * checks) and the data plane, on which the shares depend.
 */
import type Fraction from 'fraction.js';
import type { Answer, ScenarioInput } from '@/lib/engine';
import { runEngine } from '../engine-run';
import { buildLayout, describeSetup, familyOf, podsOn, toScenarioInput } from '../layout';
import type { MisconceptionId } from '../misconceptions';
import type { Rng } from '../random';
import type { Alternative, Difficulty, FieldKey, ResponseField } from '../types';
import { lbFlows, stepsOf } from '@/lib/engine';
import type { Draft } from './draft';
import { distinctShares, frac, fracString, shareDisplay } from './shares';
import { counted } from './wording';

/** What a load-share question asks: one Pod's share and, from standard on, one node's. */
export interface LoadShareAsk {
  pod: string;
  node: string | null;
}

/** The key: `podShare` (and `nodeShare`) as exact fractions of all new connections through the balancer. `answer` is the engine's answer for `scenario`; the generator passes the one it already has. */
export function keyOf(
  scenario: ScenarioInput,
  ask: LoadShareAsk,
  answer: Answer = runEngine(scenario),
): Record<string, string> {
  const shares = answer.shares;
  if (!shares) throw new Error('load-share: the Service has no load balancer');
  const key: Record<string, string> = { podShare: shares.pods[ask.pod] ?? '0' };
  if (ask.node) key.nodeShare = shares.nodes[ask.node] ?? '0';
  return key;
}

function alt(expected: string, value: Fraction | null, misconception: MisconceptionId): Alternative | null {
  if (!value) return null;
  const v = fracString(value);
  return distinctShares(v, expected) ? { value: v, misconception } : null;
}

/** The generator and the ask it built the key from (the consistency test replays both). */
export function buildLoadShare(rng: Rng, difficulty: Difficulty): { draft: Draft; ask: LoadShareAsk } | null {
  const layout = buildLayout(rng, difficulty, { policy: rng.chance(0.65) ? 'Local' : 'Cluster', families: true });
  const scenario = toScenarioInput(layout);
  const answer = runEngine(scenario);
  const shares = answer.shares;
  if (!shares) return null;
  const ready = layout.pods.filter((p) => p.ready);
  if (ready.length === 0) return null;
  // Prefer a Pod that takes traffic; a not-ready one now and then (its answer is 0).
  const candidates = rng.chance(0.85)
    ? layout.pods.filter((p) => (shares.pods[p.name] ?? '0') !== '0')
    : layout.pods;
  if (candidates.length === 0) return null;
  const pod = rng.pick(candidates);
  const local = layout.policy === 'Local';
  const nodeName =
    difficulty !== 'intro'
      ? rng.pick(layout.nodes.filter((n) => n.name !== pod.node).concat(layout.nodes)).name
      : null;
  const ask: LoadShareAsk = { pod: pod.name, node: nodeName };
  const expected = keyOf(scenario, ask, answer);
  const podShare = expected.podShare ?? '0';
  const nodesWithReady = layout.nodes.filter((n) => podsOn(layout, n.name).some((p) => p.ready));
  const kOnNode = podsOn(layout, pod.node).filter((p) => p.ready).length;
  const someNotReady = layout.pods.some((p) => !p.ready);
  // Under a family balancer, the share an even split over the nodes passing a check would give: the value a
  // learner who ignores the family (per-zone split, one layer-2 leader, ECMP) computes.
  const family = familyOf(layout);
  const familyMis: MisconceptionId | null =
    family === 'metallb-l2' ? 'metallb-l2-spreads' : family === 'aws-nlb' ? 'cross-zone-assumed' : null;
  const even = familyMis ? keyOf(withoutFamily(scenario), ask) : null;
  const podAlts = [
    even && familyMis ? alt(podShare, frac(even.podShare ?? '0'), familyMis) : null,
    local ? alt(podShare, frac(1).div(ready.length), 'even-per-pod-under-local') : null,
    local && kOnNode > 0 ? alt(podShare, frac(1).div(kOnNode), 'share-of-node-not-total') : null,
    !local && kOnNode > 0
      ? alt(podShare, frac(1).div(nodesWithReady.length * kOnNode), 'cluster-prefers-local')
      : null,
    someNotReady ? alt(podShare, frac(1).div(layout.pods.length), 'not-ready-counted') : null,
  ].filter((a): a is Alternative => a !== null);

  const fields: ResponseField[] = [
    { type: 'share', name: 'podShare', label: `Share of all new connections served by ${pod.name}` },
  ];
  const keys: FieldKey[] = [
    { field: 'podShare', expected: podShare, display: shareDisplay(podShare), alternatives: dedupe(podAlts) },
  ];
  if (nodeName) {
    const nodeShare = expected.nodeShare ?? '0';
    const k = podsOn(layout, nodeName).filter((p) => p.ready).length;
    const someNodeEmpty = nodesWithReady.length < layout.nodes.length;
    const nodeAlts = [
      even && familyMis ? alt(nodeShare, frac(even.nodeShare ?? '0'), familyMis) : null,
      local ? alt(nodeShare, frac(k).div(ready.length), 'even-per-pod-under-local') : null,
      local && someNodeEmpty ? alt(nodeShare, frac(1).div(layout.nodes.length), 'counts-empty-nodes') : null,
      !local && k > 0 ? alt(nodeShare, frac(1).div(nodesWithReady.length), 'cluster-prefers-local') : null,
    ].filter((a): a is Alternative => a !== null);
    fields.push({
      type: 'share',
      name: 'nodeShare',
      label: `Share of all new connections served by Pods on ${nodeName}`,
    });
    keys.push({
      field: 'nodeShare',
      expected: nodeShare,
      display: shareDisplay(nodeShare),
      alternatives: dedupe(nodeAlts),
    });
  }
  const split = answer.loadBalancer ?? {};
  const lbLine = `R-LB-6: the balancer's split of new connections: ${Object.entries(split)
    .map(([n, s]) => `${n} ${s}`)
    .join(', ')}.`;
  const podNodeShare = split[pod.node] ?? '0';
  const podFlow = answer.flows.find(
    (f) => f.from === 'external' && f.to === 'loadBalancer' && f.node === pod.node,
  );
  const eligibleHere = podFlow?.verdict === 'forwarded' ? podFlow.backends.length : 0;
  const clusterSet = local
    ? 0
    : (lbFlows(answer).find((f) => f.verdict === 'forwarded')?.backends.length ?? 0);
  const why =
    podShare === '0'
      ? `${pod.name} takes no new connection: ${pod.ready ? `its node ${pod.node} receives none from the balancer` : 'it is not ready, so no node chooses it (R-EP-4)'}`
      : local
        ? `${pod.node} receives ${podNodeShare === '1' ? 'all' : podNodeShare} of new connections and shares them among its ${counted(eligibleHere, 'eligible local Pod', 'eligible local Pods')}, so ${pod.name} serves ${podShare} (R-LB-6)`
        : `every node that receives a connection picks uniformly from the same ${counted(clusterSet, 'ready endpoint', 'ready endpoints')}, so ${pod.name} serves ${podShare} whichever node the connection entered (R-LB-1, R-LB-4)`;
  const nodeWhy = nodeName
    ? ` The Pods on ${nodeName} together serve ${expected.nodeShare}: the sum of their shares.`
    : '';
  return {
    ask,
    draft: {
      title: 'What share of the load does it take?',
      prompt: `${describeSetup(layout)} Over many new connections from outside, what share of all of them does Pod ${pod.name} (on ${pod.node}) serve?${nodeName ? ` And the Pods on ${nodeName} together?` : ''} Answer as a fraction (1/6), a percentage (16.7%) or a decimal (0.1667).`,
      scenario,
      response: { fields },
      key: {
        fields: keys,
        steps: [
          lbLine,
          ...stepsOf(lbFlows(answer).filter((f) => f.node === pod.node || f.node === nodeName)),
          `R-LB-6: ${why}.`,
        ],
        explanation: `Pod ${pod.name} serves ${podShare} of all new connections: ${why}.${nodeWhy}`,
        fixIt: null,
      },
    },
  };
}

export function generateLoadShare(rng: Rng, difficulty: Difficulty): Draft | null {
  return buildLoadShare(rng, difficulty)?.draft ?? null;
}

/** The same scenario behind the generic even balancer (for the misconception values only). */
function withoutFamily(scenario: ScenarioInput): ScenarioInput {
  const { loadBalancer: _family, ...rest } = scenario;
  return { ...rest, cluster: { ...rest.cluster, nodes: rest.cluster.nodes.map(({ zone: _zone, ...n }) => n) } };
}

function dedupe(alts: Alternative[]): Alternative[] {
  const out: Alternative[] = [];
  for (const a of alts) if (!out.some((o) => !distinctShares(o.value, a.value))) out.push(a);
  return out;
}

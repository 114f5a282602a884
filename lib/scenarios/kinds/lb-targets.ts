/**
 * Kind 4 — which nodes the cloud balancer sends new connections to once its health checks have settled
 * (R-LB-6, R-HC-3). One two-option field per node, so partial credit is per node.
 *
 * The key comes from `keyOf(scenario, ask)` (the engine's per-node split). The question is about the settled
 * state, so a balancer that has not yet noticed failing checks (R-LB-7, `all-nodes`) is never drawn here: that
 * prompt would contradict itself. The prompt says what the balancer checks under the Service's policy.
 */
import { lbFlows, type Answer, type ScenarioInput } from '@/lib/engine';
import { runEngine } from '../engine-run';
import { buildLayout, describeSetup, familyOf, podsOn, providerOf, toScenarioInput, type Layout } from '../layout';
import type { MisconceptionId } from '../misconceptions';
import type { Rng } from '../random';
import type { Difficulty, FieldKey, ResponseField } from '../types';
import { choiceField } from './choice-field';
import type { Draft } from './draft';

/** An lb-targets question asks about every node of the scenario: nothing to choose. */
export type LbTargetsAsk = Record<string, never>;

/** The key: `target:<node>` → `yes` when the balancer sends that node a share of new connections, else `no`. `answer` is the engine's answer for `scenario`; the generator passes the one it already has. */
export function keyOf(
  scenario: ScenarioInput,
  _ask: LbTargetsAsk,
  answer: Answer = runEngine(scenario),
): Record<string, string> {
  const split = answer.loadBalancer;
  if (!split) throw new Error('lb-targets: the Service has no load balancer');
  const key: Record<string, string> = {};
  for (const node of scenario.cluster.nodes)
    key[`target:${node.name}`] = (split[node.name] ?? '0') !== '0' ? 'yes' : 'no';
  return key;
}

function checkText(layout: Layout, hcPort: number | null): string {
  const family = familyOf(layout);
  // A family's own sentence (describeSetup) already says what it checks, or that it checks nothing (MetalLB).
  if (family) return family.startsWith('metallb') || layout.proxyMode === 'cilium-snat' ? '' : 'kube-proxy is healthy on every node and no node is being deleted.';
  if (layout.policy === 'Local') {
    return `It probes /healthz on every node's health-check node port ${hcPort ?? layout.healthCheckNodePort} and stops sending to a node that answers 503; ${layout.proxyMode === 'cilium-snat' ? 'Cilium runs' : 'kube-proxy is healthy'} on every node.`;
  }
  return layout.proxyMode === 'cilium-snat'
    ? 'It health-checks every node; Cilium runs on every node and no node is being deleted.'
    : providerOf(layout) === 'aws-nlb'
      ? `It health-checks every node with a TCP connection to the traffic port (NodePort ${layout.nodePort}, R-LBK-1); kube-proxy is healthy on every node and no node is being deleted.`
      : "It health-checks every node's kube-proxy (/healthz on port 10256); kube-proxy is healthy on every node and no node is being deleted.";
}

/** Why a node does or does not receive connections, naming its Pods (R-HC-2/3, R-LB-6). */
function nodeReason(layout: Layout, node: string, share: string, status: number | null): string {
  const pods = podsOn(layout, node);
  const ready = pods.filter((p) => p.ready);
  if (layout.policy === 'Cluster') {
    return `${node} ${ready.length > 0 ? `holds ${ready.map((p) => p.name).join(', ')}` : 'holds no ready Pod'}, but under Cluster it forwards to any ready endpoint and passes the check: share ${share}`;
  }
  const what =
    ready.length > 0
      ? `has ${ready.length} ready local Pod${ready.length === 1 ? '' : 's'} (${ready.map((p) => p.name).join(', ')})`
      : pods.length === 0
        ? 'has no Pod of the Service'
        : `has no ready local Pod (${pods.map((p) => `${p.name} ${p.terminating ? 'terminating' : 'not ready'}`).join(', ')})`;
  return `${node} ${what}, so its health check answers ${status ?? '?'}: share ${share}`;
}

function emptyText(layout: Layout): string {
  const empty = layout.nodes.filter((n) => !podsOn(layout, n.name).some((p) => p.ready)).map((n) => n.name);
  if (empty.length === 0) return '';
  return `, even ${empty.join(' and ')}, which ${empty.length === 1 ? 'holds' : 'hold'} no ready Pod`;
}

/** The generator and the ask it built the key from (the consistency test replays both). */
export function buildLbTargets(rng: Rng, difficulty: Difficulty): { draft: Draft; ask: LbTargetsAsk } | null {
  const layout = buildLayout(rng, difficulty, {
    policy: rng.chance(0.7) ? 'Local' : 'Cluster',
    emptyNode: rng.chance(0.75),
    families: true,
  });
  // "Once its checks have settled": the transient model (R-LB-7) would contradict the question.
  if (layout.balancing === 'all-nodes') layout.balancing = 'healthy-nodes';
  const scenario = toScenarioInput(layout);
  const answer = runEngine(scenario);
  const split = answer.loadBalancer;
  if (!split) return null;
  const ask: LbTargetsAsk = {};
  const expected = keyOf(scenario, ask, answer);
  const fields: ResponseField[] = [];
  const keys: FieldKey[] = [];
  for (const node of layout.nodes) {
    const share = split[node.name] ?? '0';
    const receives = expected[`target:${node.name}`] === 'yes';
    const pods = podsOn(layout, node.name);
    const noReady = !pods.some((p) => p.ready);
    const family = familyOf(layout);
    const wrongMis: MisconceptionId | null = family
      ? familyMisconception(layout, family, receives, pods)
      : receives
      ? layout.policy === 'Cluster' && noReady
        ? 'skips-empty-nodes-under-cluster'
        : null
      : pods.length === 0
        ? 'counts-empty-nodes'
        : pods.some((p) => p.terminating)
          ? 'terminating-counted'
          : 'not-ready-counted';
    const c = choiceField(
      rng,
      `target:${node.name}`,
      `Does the balancer send new connections to ${node.name}?`,
      [
        {
          value: 'yes',
          label: 'Yes, it receives connections',
          correct: receives,
          misconception: receives ? null : wrongMis,
        },
        {
          value: 'no',
          label: 'No, it receives none',
          correct: !receives,
          misconception: receives ? wrongMis : null,
        },
      ],
      {
        shuffle: false,
        display: receives ? `yes (${share === '1' ? 'all' : share} of new connections)` : 'no',
      },
    );
    fields.push(c.field);
    keys.push(c.key);
  }
  const hcPort = answer.healthChecks?.port ?? null;
  const family = familyOf(layout);
  // A family's split is the engine's own balancer step for each node (R-LBK-*), which names the node.
  const familySteps = family ? balancerSteps(answer, layout) : null;
  const reasons =
    familySteps ??
    layout.nodes.map((n) =>
      nodeReason(layout, n.name, split[n.name] ?? '0', answer.healthChecks?.nodes[n.name]?.status ?? null),
    );
  return {
    ask,
    draft: {
      title: 'Which nodes does the balancer send to?',
      prompt: [
        describeSetup(layout),
        checkText(layout, hcPort),
        family?.startsWith('metallb')
          ? 'Once MetalLB has seen the current EndpointSlices, which nodes receive new connections sent to the address?'
          : 'Once its health checks have settled, which nodes does the balancer send new connections to?',
      ]
        .filter(Boolean)
        .join(' '),
      scenario,
      response: { fields },
      key: {
        fields: keys,
        steps:
          familySteps ??
          reasons.map((r) => `${layout.policy === 'Local' ? 'R-HC-2, R-HC-3, R-LB-6' : 'R-EXT-2, R-LB-6'}: ${r}.`),
        explanation: familySteps
          ? `${familyGist(familySteps[layout.nodes.findIndex((n) => (split[n.name] ?? '0') !== '0')] ?? familySteps[0] ?? '')} Here: ${layout.nodes.map((n) => `${n.name} ${(split[n.name] ?? '0') === '0' ? 'receives none' : `receives ${split[n.name] === '1' ? 'all' : split[n.name]}`}`).join(', ')}.`
          : layout.policy === 'Local'
            ? `Under Local the balancer probes the health-check node port; a node with no local ready endpoint answers 503 and is taken out of rotation (R-HC-3, R-LB-6). Here: ${reasons.join('; ')}.`
            : `Under Cluster every node can forward to any ready endpoint, so the balancer keeps every node in rotation (R-LB-6)${emptyText(layout)}.`,
        fixIt: null,
      },
    },
  };
}

/** The engine's balancer sentence for each node (the first step of the node's flow from the balancer). */
function balancerSteps(answer: Answer, layout: Layout): string[] {
  const flows = lbFlows(answer);
  const unanswered = flows.find((f) => f.verdict === 'unanswered');
  if (unanswered) return [unanswered.steps.find((s) => s.startsWith('R-LBK')) ?? unanswered.steps[0] ?? ''];
  return layout.nodes.map((n) => flows.find((f) => f.node === n.name)?.steps.find((s) => /^R-LBK-\d/.test(s)) ?? `${n.name}: no step`);
}

/** A balancer step as one general sentence: without its rule id and its closing "X receives …" clause. */
function familyGist(step: string): string {
  const body = step.replace(/^R-[A-Z0-9-]+: /, '').replace(/(, so [^,]* receives none|: [^:]* receives [\d/]+)?\.$/, '');
  return `${body.charAt(0).toUpperCase()}${body.slice(1)}.`;
}

/** The misconception behind the wrong yes/no for a node under a family balancer. */
function familyMisconception(
  layout: Layout,
  family: string,
  receives: boolean,
  pods: ReturnType<typeof podsOn>,
): MisconceptionId | null {
  const ready = pods.some((p) => p.ready);
  const servable = pods.some((p) => p.ready || (p.terminating && p.serving));
  // Why a learner would wrongly say "yes" for a node without a usable local Pod: the Pods it does hold.
  const emptyMis: MisconceptionId | null =
    pods.length === 0
      ? 'counts-empty-nodes'
      : pods.some((p) => !p.ready && !p.terminating)
        ? 'not-ready-counted'
        : pods.some((p) => p.terminating) && family !== 'metallb-l2' && family !== 'metallb-bgp'
          ? 'terminating-counted'
          : null;
  if (family === 'metallb-l2') {
    if (receives) return null;
    return layout.policy === 'Local' && !servable ? emptyMis : 'metallb-l2-spreads';
  }
  if (family === 'metallb-bgp') {
    // Saying "no" for a node announcing only for a terminating-but-serving Pod: MetalLB counts serving endpoints.
    if (receives) return servable && !ready ? 'terminating-never-used' : layout.policy === 'Cluster' && !ready ? 'skips-empty-nodes-under-cluster' : null;
    return emptyMis;
  }
  // azure, aws-nlb per zone: the same health checks as the even balancers.
  if (receives) return layout.policy === 'Cluster' && !ready ? 'skips-empty-nodes-under-cluster' : null;
  return emptyMis;
}

export function generateLbTargets(rng: Rng, difficulty: Difficulty): Draft | null {
  return buildLbTargets(rng, difficulty)?.draft ?? null;
}

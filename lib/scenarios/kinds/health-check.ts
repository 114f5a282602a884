/**
 * Kind 2 — each node's health-check node port answer (R-HC-1..5): the status per node and, at expert,
 * `localEndpoints` per node and one node's exact body.
 *
 * The key comes from `keyOf(scenario, ask)` (the engine's health-check answers). Cilium's kube-proxy
 * replacement runs its own health-check server with another body (R-HC-CIL-6), which the engine on this
 * branch does not model yet, so these questions are only asked of kube-proxy (iptables, nftables, IPVS); the
 * prompt names the mode and that kube-proxy is healthy (the body's serviceProxyHealthy, R-PH-2).
 */
import { serviceHealthBody, type Answer, type ScenarioInput } from '@/lib/engine';
import { runEngine } from '../engine-run';
import { buildLayout, describeSetup, podsOn, toScenarioInput, type Layout, type LayoutPod } from '../layout';
import type { MisconceptionId } from '../misconceptions';
import type { Rng } from '../random';
import type { Difficulty, FieldKey, ResponseField } from '../types';
import { choiceField, type OptionDraft } from './choice-field';
import type { Draft } from './draft';

/** What a health-check question asks: every node's status, optionally each count, and one node's body. */
export interface HealthCheckAsk {
  localEndpoints: boolean;
  bodyNode: string | null;
}

/**
 * The key: `status:<node>` (200/503) for every node, `localEndpoints:<node>` when asked, and `body:<node>`
 * holding the exact body (the generator turns it into the matching option's value). `answer` is the engine's answer for `scenario`; the generator passes the one it already has. */
export function keyOf(
  scenario: ScenarioInput,
  ask: HealthCheckAsk,
  answer: Answer = runEngine(scenario),
): Record<string, string> {
  const hc = answer.healthChecks;
  if (!hc) throw new Error('health-check: the Service has no health-check node port');
  const key: Record<string, string> = {};
  for (const node of scenario.cluster.nodes) {
    const res = hc.nodes[node.name];
    if (!res) throw new Error(`health-check: no answer for ${node.name}`);
    key[`status:${node.name}`] = String(res.status);
    if (ask.localEndpoints)
      key[`localEndpoints:${node.name}`] = res.headers['X-Load-Balancing-Endpoint-Weight'] ?? '0';
  }
  if (ask.bodyNode) {
    const res = hc.nodes[ask.bodyNode];
    if (!res) throw new Error(`health-check: no node ${ask.bodyNode}`);
    key[`body:${ask.bodyNode}`] = res.body;
  }
  return key;
}

function podList(pods: LayoutPod[]): string {
  return pods.map((p) => p.name).join(', ');
}

/** One sentence per node: which of its Pods count and why (R-HC-2), and the status that follows (R-HC-3). */
function nodeReason(layout: Layout, node: string, status: string, count: string): string {
  const pods = podsOn(layout, node);
  const ready = pods.filter((p) => p.ready);
  const terminating = pods.filter((p) => p.terminating);
  const notReady = pods.filter((p) => !p.ready && !p.terminating);
  const parts: string[] = [];
  if (pods.length === 0) parts.push('has no Pod of the Service');
  if (ready.length > 0) parts.push(`counts ${podList(ready)} (ready)`);
  if (notReady.length > 0) parts.push(`ignores ${podList(notReady)} (not ready)`);
  if (terminating.length > 0) parts.push(`ignores ${podList(terminating)} (terminating)`);
  return `${node} ${parts.join(', ')}: localEndpoints ${count} → ${status}`;
}

/** The generator and the ask it built the key from (the consistency test replays both). */
export function buildHealthCheck(
  rng: Rng,
  difficulty: Difficulty,
): { draft: Draft; ask: HealthCheckAsk } | null {
  const layout = buildLayout(rng, difficulty, { policy: 'Local', emptyNode: rng.chance(0.7) });
  // Cilium answers with its own body (R-HC-CIL-6), not modelled by this engine: ask kube-proxy instead.
  if (layout.proxyMode === 'cilium-snat') layout.proxyMode = 'iptables';
  const scenario = toScenarioInput(layout);
  const answer = runEngine(scenario);
  const hc = answer.healthChecks;
  if (!hc) return null;
  const expert = difficulty === 'expert';
  const bodyNode = expert ? rng.pick(layout.nodes).name : null;
  const ask: HealthCheckAsk = { localEndpoints: expert, bodyNode };
  const expected = keyOf(scenario, ask, answer);
  const fields: ResponseField[] = [];
  const keys: FieldKey[] = [];
  const { namespace, serviceName } = layout.naming;
  for (const node of layout.nodes) {
    const pods = podsOn(layout, node.name);
    const status = expected[`status:${node.name}`];
    const count = Number(
      expected[`localEndpoints:${node.name}`] ??
        hc.nodes[node.name]?.headers['X-Load-Balancing-Endpoint-Weight'],
    );
    const withNotReady = pods.filter((p) => !p.terminating).length;
    const withTerminating = pods.filter((p) => p.ready || (p.terminating && p.serving)).length;
    const wrongStatusMis: MisconceptionId | null =
      status === '503'
        ? pods.length === 0
          ? 'empty-node-200'
          : pods.some((p) => p.terminating)
            ? 'terminating-counted'
            : 'not-ready-counted'
        : null;
    const statusField = choiceField(
      rng,
      `status:${node.name}`,
      `Health check status of ${node.name}`,
      [
        {
          value: '200',
          label: '200 OK',
          correct: status === '200',
          misconception: status === '200' ? null : wrongStatusMis,
        },
        { value: '503', label: '503 Service Unavailable', correct: status === '503', misconception: null },
      ],
      { shuffle: false },
    );
    fields.push(statusField.field);
    keys.push(statusField.key);
    if (ask.localEndpoints) {
      const alternatives: FieldKey['alternatives'] = [];
      if (withNotReady !== count && pods.some((p) => !p.ready && !p.terminating))
        alternatives.push({ value: String(withNotReady), misconception: 'not-ready-counted' });
      if (withTerminating !== count)
        alternatives.push({ value: String(withTerminating), misconception: 'terminating-counted' });
      fields.push({
        type: 'integer',
        name: `localEndpoints:${node.name}`,
        label: `localEndpoints reported by ${node.name}`,
        min: 0,
        max: 50,
      });
      keys.push({
        field: `localEndpoints:${node.name}`,
        expected: String(count),
        display: String(count),
        alternatives,
      });
    }
  }
  if (bodyNode) {
    const rightBody = expected[`body:${bodyNode}`] ?? '';
    const count = Number(expected[`localEndpoints:${bodyNode}`]);
    const pods = podsOn(layout, bodyNode);
    const options: OptionDraft[] = [
      { value: 'engine', label: rightBody, correct: true, misconception: null },
      {
        value: 'all-pods',
        label: serviceHealthBody(namespace, serviceName, pods.length, true),
        correct: false,
        misconception: pods.some((p) => p.terminating) ? 'terminating-counted' : 'not-ready-counted',
      },
      {
        value: 'unhealthy',
        label: serviceHealthBody(namespace, serviceName, count, false),
        correct: false,
        misconception: 'proxy-health-ignored',
      },
      {
        value: 'tutorial',
        label: count > 0 ? `${count} Service Endpoints found` : 'No Service Endpoints Found',
        correct: false,
        misconception: 'tutorial-body',
      },
    ];
    // Drop a wrong body that happens to equal the right one.
    const distinct = options.filter(
      (o, i) => o.correct || options.findIndex((x) => x.label === o.label) === i,
    );
    const body = choiceField(
      rng,
      `body:${bodyNode}`,
      `Body returned by ${bodyNode}`,
      distinct.filter((o) => o.correct || o.label !== rightBody),
    );
    // Option values must not say which body is right: rename them by display order.
    const rename = new Map(
      body.field.options.map((o, i) => [o.value, `body-${String.fromCharCode(97 + i)}`]),
    );
    body.field.options = body.field.options.map((o) => ({ ...o, value: rename.get(o.value) ?? o.value }));
    body.key.expected = rename.get(body.key.expected) ?? body.key.expected;
    body.key.display = rightBody;
    body.key.alternatives = body.key.alternatives.map((a) => ({
      ...a,
      value: rename.get(a.value) ?? a.value,
    }));
    fields.push(body.field);
    keys.push(body.key);
  }
  const reasons = layout.nodes.map((n) =>
    nodeReason(
      layout,
      n.name,
      expected[`status:${n.name}`] ?? '?',
      hc.nodes[n.name]?.headers['X-Load-Balancing-Endpoint-Weight'] ?? '0',
    ),
  );
  return {
    ask,
    draft: {
      title: "What does each node's health check answer?",
      prompt: `${describeSetup(layout)} kube-proxy is healthy on every node (it applies its updates in time). The cloud load balancer probes /healthz on port ${hc.port} of every node. What does each node answer?${expert ? ' Give the localEndpoints each reports, and pick the exact body one node returns.' : ''}`,
      scenario,
      response: { fields },
      key: {
        fields: keys,
        steps: layout.nodes.map((n, i) => {
          const c = hc.nodes[n.name]?.headers['X-Load-Balancing-Endpoint-Weight'] ?? '0';
          return `R-HC-2, R-HC-3: ${reasons[i]}; header X-Load-Balancing-Endpoint-Weight: ${c} (R-HC-4).`;
        }),
        explanation: `A node answers 200 only when it has a local ready endpoint (R-HC-3); localEndpoints counts its ready Pods, never terminating or not-ready ones (R-HC-2). Here: ${reasons.join('; ')}.`,
        fixIt: null,
      },
    },
  };
}

export function generateHealthCheck(rng: Rng, difficulty: Difficulty): Draft | null {
  return buildHealthCheck(rng, difficulty)?.draft ?? null;
}

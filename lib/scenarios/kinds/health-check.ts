/**
 * Kind 2 — each node's health-check node port answer (R-HC-1..5): the status per node and, at expert,
 * `localEndpoints` per node and one node's exact body.
 */
import { runEngine } from '../engine-run';
import { buildLayout, describeSetup, podsOn, toScenarioInput } from '../layout';
import type { MisconceptionId } from '../misconceptions';
import type { Rng } from '../random';
import type { Difficulty, FieldKey, ResponseField } from '../types';
import { choiceField, type Draft, type OptionDraft } from './draft';

/** The exact body kube-proxy writes (R-HC-5), for building wrong bodies the same way. */
export function healthCheckBody(ns: string, name: string, n: number, healthy: boolean): string {
  return `{\n\t"service": {\n\t\t"namespace": "${ns}",\n\t\t"name": "${name}"\n\t},\n\t"localEndpoints": ${n},\n\t"serviceProxyHealthy": ${healthy}\n}`;
}

export function generateHealthCheck(rng: Rng, difficulty: Difficulty): Draft | null {
  const layout = buildLayout(rng, difficulty, { policy: 'Local', emptyNode: rng.chance(0.7) });
  const scenario = toScenarioInput(layout);
  const answer = runEngine(scenario);
  const hc = answer.healthChecks;
  if (!hc) return null;
  const fields: ResponseField[] = [];
  const keys: FieldKey[] = [];
  const expert = difficulty === 'expert';
  const { namespace, serviceName } = layout.naming;
  for (const node of layout.nodes) {
    const res = hc.nodes[node.name];
    if (!res) return null;
    const pods = podsOn(layout, node.name);
    const count = Number(res.headers['X-Load-Balancing-Endpoint-Weight']);
    const withNotReady = pods.filter((p) => !p.terminating).length;
    const withTerminating = pods.filter((p) => p.ready || (p.terminating && p.serving)).length;
    const wrongStatusMis: MisconceptionId | null =
      res.status === 503
        ? pods.length === 0
          ? 'empty-node-200'
          : pods.some((p) => p.terminating && p.serving)
            ? 'terminating-counted'
            : 'not-ready-counted'
        : null;
    const status = choiceField(
      rng,
      `status:${node.name}`,
      `Health check status of ${node.name}`,
      [
        { value: '200', label: '200 OK', correct: res.status === 200, misconception: res.status === 200 ? null : wrongStatusMis },
        { value: '503', label: '503 Service Unavailable', correct: res.status === 503, misconception: null },
      ],
      { shuffle: false },
    );
    fields.push(status.field);
    keys.push(status.key);
    if (expert) {
      const alternatives: FieldKey['alternatives'] = [];
      if (withNotReady !== count) alternatives.push({ value: String(withNotReady), misconception: 'not-ready-counted' });
      if (withTerminating !== count) alternatives.push({ value: String(withTerminating), misconception: 'terminating-counted' });
      fields.push({ type: 'integer', name: `localEndpoints:${node.name}`, label: `localEndpoints reported by ${node.name}`, min: 0, max: 50 });
      keys.push({ field: `localEndpoints:${node.name}`, expected: String(count), display: String(count), alternatives });
    }
  }
  if (expert) {
    const node = rng.pick(layout.nodes);
    const res = hc.nodes[node.name];
    if (!res) return null;
    const count = Number(res.headers['X-Load-Balancing-Endpoint-Weight']);
    const pods = podsOn(layout, node.name);
    const options: OptionDraft[] = [
      { value: 'engine', label: res.body, correct: true, misconception: null },
      {
        value: 'all-pods',
        label: healthCheckBody(namespace, serviceName, pods.length, true),
        correct: false,
        misconception: pods.some((p) => p.terminating) ? 'terminating-counted' : 'not-ready-counted',
      },
      {
        value: 'unhealthy',
        label: healthCheckBody(namespace, serviceName, count, false),
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
    const distinct = options.filter((o, i) => o.correct || options.findIndex((x) => x.label === o.label) === i);
    const body = choiceField(rng, `body:${node.name}`, `Body returned by ${node.name}`, distinct.filter((o) => o.correct || o.label !== res.body));
    // Option values must not say which body is right: rename them by display order.
    const rename = new Map(body.field.options.map((o, i) => [o.value, `body-${String.fromCharCode(97 + i)}`]));
    body.field.options = body.field.options.map((o) => ({ ...o, value: rename.get(o.value) ?? o.value }));
    body.key.expected = rename.get(body.key.expected) ?? body.key.expected;
    body.key.display = res.body;
    body.key.alternatives = body.key.alternatives.map((a) => ({ ...a, value: rename.get(a.value) ?? a.value }));
    fields.push(body.field);
    keys.push(body.key);
  }
  return {
    title: 'What does each node\'s health check answer?',
    prompt: `${describeSetup(layout)} The cloud load balancer probes http://<node>:${hc.port}/healthz on every node. What does each node answer?${expert ? ' Give the localEndpoints each reports, and pick the exact body one node returns.' : ''}`,
    scenario,
    response: { fields },
    key: {
      fields: keys,
      steps: layout.nodes.map((n) => {
        const r = hc.nodes[n.name];
        const c = r?.headers['X-Load-Balancing-Endpoint-Weight'] ?? '0';
        return `${n.name}: ${c} local ready endpoint${c === '1' ? '' : 's'} → ${r?.status ?? '?'} (R-HC-2, R-HC-3); header X-Load-Balancing-Endpoint-Weight: ${c} (R-HC-4).`;
      }),
      explanation: `Each node answers 200 only when it has a local ready endpoint (R-HC-3); localEndpoints counts distinct ready local endpoints, never terminating or not-ready ones (R-HC-2).`,
      fixIt: null,
    },
  };
}

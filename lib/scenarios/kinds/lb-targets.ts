/**
 * Kind 4 — which nodes the cloud balancer sends new connections to (R-LB-6, R-LB-7, R-HC-3).
 * One two-option field per node, so partial credit is per node.
 */
import { runEngine } from '../engine-run';
import { buildLayout, describeSetup, podsOn, toScenarioInput } from '../layout';
import type { MisconceptionId } from '../misconceptions';
import type { Rng } from '../random';
import type { Difficulty, FieldKey, ResponseField } from '../types';
import { choiceField, type Draft } from './draft';

export function generateLbTargets(rng: Rng, difficulty: Difficulty): Draft | null {
  const layout = buildLayout(rng, difficulty, { policy: rng.chance(0.7) ? 'Local' : 'Cluster', emptyNode: rng.chance(0.75) });
  const scenario = toScenarioInput(layout);
  const answer = runEngine(scenario);
  const split = answer.loadBalancer;
  if (!split) return null;
  const fields: ResponseField[] = [];
  const keys: FieldKey[] = [];
  for (const node of layout.nodes) {
    const share = split[node.name] ?? '0';
    const receives = share !== '0';
    const pods = podsOn(layout, node.name);
    const wrongMis: MisconceptionId | null = receives
      ? layout.policy === 'Cluster'
        ? 'skips-empty-nodes-under-cluster'
        : null
      : pods.length === 0
        ? 'counts-empty-nodes'
        : 'not-ready-counted';
    const c = choiceField(
      rng,
      `target:${node.name}`,
      `Does the balancer send new connections to ${node.name}?`,
      [
        { value: 'yes', label: 'Yes, it receives connections', correct: receives, misconception: receives ? null : wrongMis },
        { value: 'no', label: 'No, it receives none', correct: !receives, misconception: receives ? wrongMis : null },
      ],
      { shuffle: false, display: receives ? `yes (${share} of new connections)` : 'no' },
    );
    fields.push(c.field);
    keys.push(c.key);
  }
  return {
    title: 'Which nodes does the balancer send to?',
    prompt: `${describeSetup(layout)} Once its health checks have settled, which nodes does the balancer send new connections to?`,
    scenario,
    response: { fields },
    key: {
      fields: keys,
      steps: layout.nodes.map((n) => {
        const s = split[n.name] ?? '0';
        const hc = answer.healthChecks?.nodes[n.name];
        return `${n.name}: ${hc ? `health check ${hc.status}, ` : ''}balancer share ${s} (R-LB-6${hc ? ', R-HC-3' : ''}).`;
      }),
      explanation:
        layout.policy === 'Local'
          ? 'Under Local the balancer probes healthCheckNodePort; a node with no local ready endpoint answers 503 and is taken out of rotation (R-HC-3, R-LB-6).'
          : 'Under Cluster every node can forward to any ready endpoint, so the balancer keeps every node in rotation (R-LB-6).',
      fixIt: null,
    },
  };
}

/**
 * Kind 7 — which policy meets stated requirements. The engine evaluates the same cluster under Cluster
 * and under Local; the options (Cluster / Local / either / neither) are mutually exclusive, so exactly
 * one is correct by construction.
 */
import { runEngine } from '../engine-run';
import { buildLayout, cloneLayout, describeSetup, toScenarioInput } from '../layout';
import type { MisconceptionId } from '../misconceptions';
import { hasProperty, PROPERTIES, PROPERTY_TEXT, type Property } from '../properties';
import type { Rng } from '../random';
import type { Difficulty } from '../types';
import { choiceField, type Draft } from './draft';

const FAIL_MISCONCEPTION: Record<'Cluster' | 'Local', Record<Property, MisconceptionId>> = {
  Cluster: {
    'client-ip': 'cluster-keeps-client-ip',
    'even-pods': 'cluster-prefers-local',
    'no-drops': 'node-without-pods-fails',
    'no-cross-node': 'cluster-prefers-local',
  },
  Local: {
    'client-ip': 'proxy-balancer-keeps-ip',
    'even-pods': 'even-per-pod-under-local',
    'no-drops': 'counts-empty-nodes',
    'no-cross-node': 'local-may-cross',
  },
};

export function generatePolicyChoice(rng: Rng, difficulty: Difficulty): Draft | null {
  const layout = buildLayout(rng, difficulty, { policy: 'Cluster' });
  const local = cloneLayout(layout);
  local.policy = 'Local';
  const answers = { Cluster: runEngine(toScenarioInput(layout)), Local: runEngine(toScenarioInput(local)) };
  const required = rng.sample(PROPERTIES, rng.int(1, difficulty === 'intro' ? 2 : 3));
  const meets = (p: 'Cluster' | 'Local') => required.every((r) => hasProperty(answers[p], r));
  const c = meets('Cluster');
  const l = meets('Local');
  const correct = c && l ? 'either' : c ? 'Cluster' : l ? 'Local' : 'neither';
  const failing = (p: 'Cluster' | 'Local'): MisconceptionId | null => {
    const r = required.find((x) => !hasProperty(answers[p], x));
    return r ? FAIL_MISCONCEPTION[p][r] : null;
  };
  const choice = choiceField(
    rng,
    'policy',
    'Which externalTrafficPolicy meets every requirement?',
    [
      { value: 'Cluster', label: 'externalTrafficPolicy: Cluster', correct: correct === 'Cluster', misconception: failing('Cluster') },
      { value: 'Local', label: 'externalTrafficPolicy: Local', correct: correct === 'Local', misconception: failing('Local') },
      { value: 'either', label: 'Either policy', correct: correct === 'either', misconception: failing('Cluster') ?? failing('Local') },
      { value: 'neither', label: 'Neither policy meets all of them', correct: correct === 'neither', misconception: 'policy-ignores-trade-off' },
    ],
    { shuffle: false },
  );
  const setup = describeSetup(layout);
  const lines = (['Cluster', 'Local'] as const).map(
    (p) =>
      `Under ${p}: ${PROPERTIES.filter((x) => required.includes(x))
        .map((x) => `${PROPERTY_TEXT[x]} — ${hasProperty(answers[p], x) ? 'yes' : 'no'}`)
        .join('; ')}.`,
  );
  return {
    title: 'Which policy meets the requirements?',
    prompt: `${setup} The team requires that ${required.map((r) => PROPERTY_TEXT[r]).join(', and that ')}. Which externalTrafficPolicy meets every requirement for this cluster (whatever it uses today)?`,
    scenario: toScenarioInput(layout),
    response: { fields: [choice.field] },
    key: {
      fields: [choice.key],
      steps: [...lines, 'Each line is the engine\'s answer for this cluster under that policy (R-EXT-1, R-EXT-6, R-LB-6, R-X-1, R-X-2).'],
      explanation:
        'Local keeps the client IP and never adds a hop, but splits load per node and needs a local ready Pod on every node the balancer uses; Cluster spreads load evenly and survives empty nodes, but masquerades and often crosses nodes.',
      fixIt: null,
    },
  };
}

/**
 * The generators build their keys from the kinds' exported key functions: over 100 seeds per difficulty, each
 * question's key equals keyOf (or judge, for fix-it) run on the question's own scenario and ask, recovered from
 * what the learner is shown.
 */
import type { ScenarioInput } from '@/lib/engine';
import { DIFFICULTIES, generateQuestion, judge, type Question } from '@/lib/scenarios';
import { keyOf as apiKey } from '@/lib/scenarios/kinds/api-validation';
import { keyOf as crossKey } from '@/lib/scenarios/kinds/cross-node';
import { keyOf as policyKey } from '@/lib/scenarios/kinds/policy-choice';
import { PROPERTIES, PROPERTY_TEXT } from '@/lib/scenarios/properties';

const SEEDS = 100;

function questions(kind: Question['spec']['kind']): Question[] {
  return DIFFICULTIES.flatMap((difficulty) => Array.from({ length: SEEDS }, (_, i) => generateQuestion({ kind, difficulty, seed: `consistency-${i}` })));
}

const expected = (q: Question, field: string) => q.key.fields.find((f) => f.field === field)?.expected;

it('cross-node: the key is keyOf for the node the prompt names', () => {
  const bad: string[] = [];
  for (const q of questions('cross-node')) {
    const node = /reaches node (\S+) through the balancer/.exec(q.prompt)?.[1];
    if (!node) {
      bad.push(`${q.id}: no node in the prompt`);
      continue;
    }
    const key = crossKey(q.scenario, { node });
    if (key.crosses !== expected(q, 'crosses') || key.crossFraction !== expected(q, 'crossFraction')) bad.push(`${q.id}: ${JSON.stringify(key)}`);
  }
  expect(bad).toEqual([]);
});

it('policy-choice: the key is keyOf for the requirements the prompt states', () => {
  const bad: string[] = [];
  for (const q of questions('policy-choice')) {
    const required = PROPERTIES.filter((p) => q.prompt.includes(PROPERTY_TEXT[p]));
    if (required.length === 0) bad.push(`${q.id}: no requirement in the prompt`);
    else if (policyKey(q.scenario, { required }).policy !== expected(q, 'policy')) bad.push(q.id);
  }
  expect(bad).toEqual([]);
});

it('api-validation: the correct option is the message keyOf gives, and the prompt shows the manifest', () => {
  const bad: string[] = [];
  for (const q of questions('api-validation')) {
    const field = q.response.fields[0];
    const right = field?.type === 'choice' ? field.options.find((o) => o.value === expected(q, 'validation')) : undefined;
    const key = apiKey(q.scenario, {}).validation;
    const shown = right?.value === 'accepted' ? 'accepted' : right?.label;
    if (shown !== key) bad.push(`${q.id}: option ${shown} vs key ${key}`);
    const spec = q.scenario.service.spec;
    if (!q.prompt.includes('kind: Service') || !q.prompt.includes(`type: ${spec.type}`)) bad.push(`${q.id}: manifest not shown`);
  }
  expect(bad).toEqual([]);
});

it('fix-it: the witness reaches the goal and the counterexample does not', () => {
  const bad: string[] = [];
  for (const q of questions('fix-it')) {
    const fix = q.key.fixIt;
    if (!fix) bad.push(`${q.id}: no fix-it key`);
    else if (!judge(q.scenario as ScenarioInput, fix.goal, fix.witness) || judge(q.scenario, fix.goal, fix.counterexample)) bad.push(q.id);
  }
  expect(bad).toEqual([]);
});

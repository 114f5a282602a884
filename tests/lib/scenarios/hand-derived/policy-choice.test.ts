/** policy-choice keys against hand-derived cases (cases/policy-choice.yaml): keyOf must give exactly the data. */
import type { ScenarioInput } from '@/lib/engine';
import { keyOf, type PolicyChoiceAsk } from '@/lib/scenarios/kinds/policy-choice';
import { loadCases } from './support';

const cases = loadCases('policy-choice');

it('has at least 25 hand-derived cases', () => {
  expect(cases.length).toBeGreaterThanOrEqual(25);
});

it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
  expect(keyOf(c.scenario as ScenarioInput, c.ask as PolicyChoiceAsk)).toEqual(c.expected);
});

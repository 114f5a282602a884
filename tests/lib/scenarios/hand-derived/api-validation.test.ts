/** api-validation keys against hand-derived cases (cases/api-validation.yaml): keyOf must give exactly the data. */
import type { ScenarioInput } from '@/lib/engine';
import { keyOf, type ApiValidationAsk } from '@/lib/scenarios/kinds/api-validation';
import { loadCases } from './support';

const cases = loadCases('api-validation');

it('has at least 25 hand-derived cases', () => {
  expect(cases.length).toBeGreaterThanOrEqual(25);
});

it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
  expect(keyOf(c.scenario as ScenarioInput, c.ask as ApiValidationAsk)).toEqual(c.expected);
});

/** Hand-derived health-check keys (cases/health-check.yaml): keyOf must give exactly what the rules say. */
import type { ScenarioInput } from '@/lib/engine';
import { keyOf, type HealthCheckAsk } from '@/lib/scenarios/kinds/health-check';
import { loadCases } from './support';

const cases = loadCases('health-check');

it('has at least 25 hand-derived cases', () => {
  expect(cases.length).toBeGreaterThanOrEqual(25);
});

it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
  expect(keyOf(c.scenario as ScenarioInput, c.ask as HealthCheckAsk)).toEqual(c.expected);
});

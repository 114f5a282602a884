/** Hand-derived client-outcome keys (cases/client-outcome.yaml): keyOf must give exactly what the rules say. */
import type { ScenarioInput } from '@/lib/engine';
import { keyOf, type ClientOutcomeAsk } from '@/lib/scenarios/kinds/client-outcome';
import { loadCases } from './support';

const cases = loadCases('client-outcome');

it('has at least 25 hand-derived cases', () => {
  expect(cases.length).toBeGreaterThanOrEqual(25);
});

it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
  expect(keyOf(c.scenario as ScenarioInput, c.ask as ClientOutcomeAsk)).toEqual(c.expected);
});

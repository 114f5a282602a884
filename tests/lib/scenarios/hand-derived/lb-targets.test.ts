/** Hand-derived lb-targets keys (cases/lb-targets.yaml): keyOf must give exactly what the rules say. */
import type { ScenarioInput } from '@/lib/engine';
import { keyOf, type LbTargetsAsk } from '@/lib/scenarios/kinds/lb-targets';
import { loadCases } from './support';

const cases = loadCases('lb-targets');

it('has at least 25 hand-derived cases', () => {
  expect(cases.length).toBeGreaterThanOrEqual(25);
});

it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
  expect(keyOf(c.scenario as ScenarioInput, c.ask as LbTargetsAsk)).toEqual(c.expected);
});

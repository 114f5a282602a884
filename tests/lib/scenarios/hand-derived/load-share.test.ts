/** Hand-derived load-share keys (cases/load-share.yaml): keyOf must give exactly what the rules say. */
import type { ScenarioInput } from '@/lib/engine';
import { keyOf, type LoadShareAsk } from '@/lib/scenarios/kinds/load-share';
import { loadCases } from './support';

const cases = loadCases('load-share');

it('has at least 25 hand-derived cases', () => {
  expect(cases.length).toBeGreaterThanOrEqual(25);
});

it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
  expect(keyOf(c.scenario as ScenarioInput, c.ask as LoadShareAsk)).toEqual(c.expected);
});

/** fix-it judgements against hand-derived cases (cases/fix-it.yaml): keyOf (judge) must give exactly the data. */
import type { ScenarioInput } from '@/lib/engine';
import { keyOf, type FixItAsk } from '@/lib/scenarios/kinds/fix-it';
import { loadCases } from './support';

const cases = loadCases('fix-it');

it('has at least 25 hand-derived cases', () => {
  expect(cases.length).toBeGreaterThanOrEqual(25);
});

it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
  expect(keyOf(c.scenario as ScenarioInput, c.ask as FixItAsk)).toEqual(c.expected);
});

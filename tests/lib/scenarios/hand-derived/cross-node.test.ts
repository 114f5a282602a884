/** cross-node keys against hand-derived cases (cases/cross-node.yaml): keyOf must give exactly the data. */
import type { ScenarioInput } from '@/lib/engine';
import { keyOf, type CrossNodeAsk } from '@/lib/scenarios/kinds/cross-node';
import { loadCases } from './support';

const cases = loadCases('cross-node');

it('has at least 25 hand-derived cases', () => {
  expect(cases.length).toBeGreaterThanOrEqual(25);
});

it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
  expect(keyOf(c.scenario as ScenarioInput, c.ask as CrossNodeAsk)).toEqual(c.expected);
});

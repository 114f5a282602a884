/** Hand-derived topology keys (cases/topology.yaml): keyOf must give exactly what the rules say. */
import type { ScenarioInput } from '@/lib/engine';
import { keyOf, type TopologyAsk } from '@/lib/scenarios/kinds/topology';
import { loadCases } from './support';

const cases = loadCases('topology');

it('has at least 25 hand-derived cases', () => {
  expect(cases.length).toBeGreaterThanOrEqual(25);
});

it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
  expect(keyOf(c.scenario as ScenarioInput, c.ask as TopologyAsk)).toEqual(c.expected);
});

/** Hand-derived in-cluster keys (cases/in-cluster.yaml): keyOf must give exactly what the rules say. */
import type { ScenarioInput } from '@/lib/engine';
import { keyOf, type InClusterAsk } from '@/lib/scenarios/kinds/in-cluster';
import { loadCases } from './support';

const cases = loadCases('in-cluster');

it('has at least 25 hand-derived cases', () => {
  expect(cases.length).toBeGreaterThanOrEqual(25);
});

it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
  expect(keyOf(c.scenario as ScenarioInput, c.ask as InClusterAsk)).toEqual(c.expected);
});

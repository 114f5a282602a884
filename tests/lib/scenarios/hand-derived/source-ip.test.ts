/** Hand-derived source-ip keys (cases/source-ip.yaml): keyOf must give exactly what the rules say. */
import type { ScenarioInput } from '@/lib/engine';
import { keyOf, type SourceIpAsk } from '@/lib/scenarios/kinds/source-ip';
import { loadCases } from './support';

const cases = loadCases('source-ip');

it('has at least 25 hand-derived cases', () => {
  expect(cases.length).toBeGreaterThanOrEqual(25);
});

it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
  expect(keyOf(c.scenario as ScenarioInput, c.ask as SourceIpAsk)).toEqual(c.expected);
});

/** Hand-derived session-affinity keys (cases/session-affinity.yaml): keyOf must give exactly what the rules say. */
import type { ScenarioInput } from '@/lib/engine';
import { keyOf, type SessionAffinityAsk } from '@/lib/scenarios/kinds/session-affinity';
import { loadCases } from './support';

const cases = loadCases('session-affinity');

it('has at least 25 hand-derived cases', () => {
  expect(cases.length).toBeGreaterThanOrEqual(25);
});

it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
  expect(keyOf(c.scenario as ScenarioInput, c.ask as SessionAffinityAsk)).toEqual(c.expected);
});

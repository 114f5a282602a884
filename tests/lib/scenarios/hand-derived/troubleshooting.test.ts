/** Hand-derived troubleshooting keys (cases/troubleshooting.yaml): keyOf must give exactly what the rules say. */
import type { ScenarioInput } from '@/lib/engine';
import { keyOf, type TroubleshootingAsk } from '@/lib/scenarios/kinds/troubleshooting';
import { loadCases } from './support';

const cases = loadCases('troubleshooting');

it('has at least 25 hand-derived cases, every cause among them', () => {
  expect(cases.length).toBeGreaterThanOrEqual(25);
  expect(new Set(cases.map((c) => c.expected.cause)).size).toBe(8);
});

it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
  expect(keyOf(c.scenario as ScenarioInput, c.ask as TroubleshootingAsk)).toEqual(c.expected);
});

/** Hand-derived dns keys (cases/dns.yaml): keyOf must give exactly what the rules say. */
import type { ScenarioInput } from '@/lib/engine';
import { keyOf, type DnsAsk } from '@/lib/scenarios/kinds/dns';
import { loadCases } from './support';

const cases = loadCases('dns');

it('has at least 25 hand-derived cases', () => {
  expect(cases.length).toBeGreaterThanOrEqual(25);
});

it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
  expect(keyOf(c.scenario as ScenarioInput, c.ask as DnsAsk)).toEqual(c.expected);
});

/**
 * Hand-derived read-rules keys (cases/read-rules.yaml): keyOf must give exactly what reading the excerpt gives.
 * Each case carries the excerpt (cut from the renderer's output for its node) that the key was derived from; the
 * oracle reads the same text (oracle/hand-cases.test.ts).
 */
import type { ScenarioInput } from '@/lib/engine';
import { keyOf, type ReadRulesAsk } from '@/lib/scenarios/kinds/read-rules';
import { loadCases } from './support';

const cases = loadCases('read-rules');

it('has at least 25 hand-derived cases, each with the excerpt it was derived from', () => {
  expect(cases.length).toBeGreaterThanOrEqual(25);
  for (const c of cases) expect((c.ask as ReadRulesAsk).excerpt).toMatch(/^# (iptables-save|nft list (chain|map|table)|ipvsadm)/);
});

it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
  expect(keyOf(c.scenario as ScenarioInput, c.ask as ReadRulesAsk)).toEqual(c.expected);
});

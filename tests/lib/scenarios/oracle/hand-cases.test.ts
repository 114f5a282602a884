/**
 * The oracles against the hand-derived cases (tests/lib/scenarios/hand-derived/cases): wherever an oracle can read
 * a case (generator-shaped scenarios; it refuses the rest), it must give the hand-derived key. Three derivations
 * — by hand, by the oracle, by the engine through keyOf — then agree on every case the oracle reads.
 */
import type { ScenarioInput } from '@/lib/engine';
import { loadCases } from '../hand-derived/support';
import type { PolicyChoiceAsk } from '@/lib/scenarios/kinds/policy-choice';
import { crossNodeOracle } from './cross-node';
import { KEYED_KINDS } from './index';
import { policyChoiceOracle } from './policy-choice';

describe.each(KEYED_KINDS.map((k) => [k.kind, k] as const))(
  'oracle on the hand-derived %s cases',
  (kind, k) => {
    it('gives the hand-derived key on every case it reads, and reads most of them', () => {
      const cases = loadCases(kind);
      let read = 0;
      const bad: string[] = [];
      for (const c of cases) {
        let got: Record<string, string>;
        try {
          got = k.oracle(c.scenario as ScenarioInput, c.ask as never);
        } catch (e) {
          if (String(e).includes('oracle:')) continue;
          throw e;
        }
        read++;
        if (
          JSON.stringify(got, Object.keys(got).sort()) !==
          JSON.stringify(c.expected, Object.keys(c.expected).sort())
        )
          bad.push(`${c.name}: ${JSON.stringify(got)}`);
      }
      expect(bad).toEqual([]);
      expect(read).toBeGreaterThanOrEqual(cases.length / 2);
    });
  },
);

/** The external-traffic model (external-model.ts) on the cross-node and policy-choice cases it reads (balancer families included). */
describe.each([
  ['cross-node', (s: ScenarioInput, ask: unknown) => crossNodeOracle(s, ask as { node: string })],
  ['policy-choice', (s: ScenarioInput, ask: unknown) => policyChoiceOracle(s, ask as PolicyChoiceAsk)],
] as const)('external model on the hand-derived %s cases', (kind, oracle) => {
  it('gives the hand-derived key on every case it reads, the balancer families among them', () => {
    const bad: string[] = [];
    const read: string[] = [];
    for (const c of loadCases(kind)) {
      let got: Record<string, string>;
      try {
        got = oracle(c.scenario as ScenarioInput, c.ask);
      } catch (e) {
        if (String(e).includes('oracle:')) continue;
        throw e;
      }
      read.push(c.name);
      if (JSON.stringify(got, Object.keys(got).sort()) !== JSON.stringify(c.expected, Object.keys(c.expected).sort()))
        bad.push(`${c.name}: ${JSON.stringify(got)}`);
    }
    expect(bad).toEqual([]);
    expect(read.filter((n) => /metallb|aws-nlb cross-zone off|azure/.test(n)).length).toBeGreaterThanOrEqual(3);
  });
});

/** Oracle for load-share (R-LB-6, R-LB-7, R-EXT-*): exact shares from the two-stage model. No lib/engine. */
import Fraction from 'fraction.js';
import type { ScenarioInput } from '@/lib/engine';
import type { LoadShareAsk } from '@/lib/scenarios/kinds/load-share';
import { Oracle } from './model';

export function oracleKey(scenario: ScenarioInput, ask: LoadShareAsk): Record<string, string> {
  const o = new Oracle(scenario);
  const pods = o.podShares();
  const key: Record<string, string> = { podShare: (pods.get(ask.pod) ?? new Fraction(0)).toFraction() };
  if (ask.node) {
    let sum = new Fraction(0);
    for (const p of o.pods) if (p.node === ask.node) sum = sum.add(pods.get(p.name) ?? 0);
    key.nodeShare = sum.toFraction();
  }
  return key;
}

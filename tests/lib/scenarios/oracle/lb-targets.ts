/** Oracle for lb-targets (R-LB-6, R-HC-3): which nodes get a share of new connections. No lib/engine. */
import type { ScenarioInput } from '@/lib/engine';
import type { LbTargetsAsk } from '@/lib/scenarios/kinds/lb-targets';
import { Oracle } from './model';

export function oracleKey(scenario: ScenarioInput, _ask: LbTargetsAsk): Record<string, string> {
  const o = new Oracle(scenario);
  const key: Record<string, string> = {};
  for (const [node, s] of o.balancerShares()) key[`target:${node}`] = s.equals(0) ? 'no' : 'yes';
  return key;
}

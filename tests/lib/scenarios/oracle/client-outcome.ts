/** Oracle for client-outcome (R-EXT-7, R-DROP-1/2, R-FW-1, R-X-4, R-LBK-6/7/8 unanswered): what the client sees. No lib/engine. */
import type { ScenarioInput } from '@/lib/engine';
import type { ClientOutcomeAsk } from '@/lib/scenarios/kinds/client-outcome';
import { Oracle } from './model';

const OUTCOME = {
  forwarded: 'served',
  dropped: 'timeout',
  rejected: 'refused',
  asymmetric: 'asymmetric',
} as const;

export function oracleKey(scenario: ScenarioInput, _ask: ClientOutcomeAsk): Record<string, string> {
  const o = new Oracle(scenario);
  const t = scenario.traffic?.[0];
  if (!t) throw new Error('oracle client-outcome: no flow');
  // R-LBK-6/7/8: a balancer that delivers to no node leaves the connection attempt unanswered: a timeout.
  if (t.from === 'external' && t.to === 'loadBalancer' && o.unanswered()) return { outcome: 'timeout' };
  return { outcome: OUTCOME[o.flow(t.from, t.to, t.node).verdict] };
}

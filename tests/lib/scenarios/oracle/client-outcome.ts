/** Oracle for client-outcome (R-EXT-7, R-DROP-1/2, R-FW-1, R-X-4): what the client sees. No lib/engine. */
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
  return { outcome: OUTCOME[o.flow(t.from, t.to, t.node).verdict] };
}

/** Oracle for source-ip (R-EXT-1/4/5/6, R-SRC-1..3, R-HP-1): the source the asked Pod sees. No lib/engine. */
import type { ScenarioInput } from '@/lib/engine';
import type { SourceIpAsk } from '@/lib/scenarios/kinds/source-ip';
import { Oracle } from './model';

export function oracleKey(scenario: ScenarioInput, ask: SourceIpAsk): Record<string, string> {
  const o = new Oracle(scenario);
  const t = scenario.traffic?.[0];
  if (!t) throw new Error('oracle source-ip: no flow');
  const f = o.flow(t.from, t.to, t.node);
  const b = f.backends.find((x) => x.pod === ask.pod);
  if (f.verdict !== 'forwarded' || !b)
    throw new Error(`oracle source-ip: ${ask.pod} not reached (${f.verdict})`);
  return { sourceIp: b.sourceIp };
}

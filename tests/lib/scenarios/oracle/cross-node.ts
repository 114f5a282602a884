/** cross-node from the oracle model (no engine): the verdict for the asked node and the total crossing share. */
import type { ScenarioInput } from '@/lib/engine';
import { crossing, crossingTotal, model } from './external-model';

export function crossNodeOracle(s: ScenarioInput, ask: { node: string }): Record<string, string> {
  const m = model(s);
  const flow = m.flows.find((f) => f.node === ask.node);
  if (!flow) throw new Error(`oracle: no node ${ask.node}`);
  const p = crossing(flow);
  return { crosses: p.equals(0) ? 'never' : p.equals(1) ? 'always' : 'sometimes', crossFraction: crossingTotal(m).toFraction() };
}

/** Renders a FlowTrace as the answer's FlowAnswer (scenario-format.md "The answer"); backends are shared. */
import type { FlowAnswer } from '../answer';
import type { FlowTrace } from './flow-trace';

export function toFlowAnswer(t: FlowTrace): FlowAnswer {
  return { from: t.traffic.from, to: t.traffic.to, node: t.traffic.node, verdict: t.verdict, masquerade: t.masquerade, backends: t.backends, steps: t.steps };
}

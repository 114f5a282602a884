/** Renders a FlowTrace as the answer's FlowAnswer (scenario-format.md "The answer"). */
import type { BackendAnswer, FlowAnswer } from '../answer';
import { formatShare } from '../fractions';
import type { FlowTrace } from './flow-trace';

export function toFlowAnswer(t: FlowTrace): FlowAnswer {
  const backends: BackendAnswer[] = new Array(t.backends.length);
  const probability = t.backends.length > 0 ? formatShare(t.backends[0]!.probability) : '0';
  for (let i = 0; i < t.backends.length; i++) {
    const b = t.backends[i]!;
    backends[i] = { pod: b.endpoint.pod, probability, crossesNodes: b.crossesNodes, sourceIp: b.sourceIp, sourceIpKind: b.sourceIpKind };
  }
  return { from: t.traffic.from, to: t.traffic.to, node: t.traffic.node, verdict: t.verdict, masquerade: t.masquerade, backends, steps: t.steps };
}

/** Queries on an engine Answer: which flows matter and what they say. Pure reads; no rule lives here. */
import Fraction from 'fraction.js';
import type { Answer, FlowAnswer, SourceIpKind } from '../answer';

/** The steps of the flows that matter, de-duplicated, in order. */
export function stepsOf(flows: FlowAnswer[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const f of flows) {
    for (const s of f.steps) {
      if (!seen.has(s)) {
        seen.add(s);
        out.push(s);
      }
    }
  }
  return out;
}

/** The LB flows of an answer (one per node by default). */
export function lbFlows(answer: Answer): FlowAnswer[] {
  return answer.flows.filter((f) => f.to === 'loadBalancer' && f.from === 'external');
}

/** The flows from `external` (any destination) that arrive at `node`. */
export function externalFlowsAt(answer: Answer, node: string): FlowAnswer[] {
  return answer.flows.filter((f) => f.from === 'external' && f.node === node);
}

/** Every distinct source IP a Pod sees across the evaluated flows (with a non-zero probability), and its kind. */
export function sourceIpsSeen(answer: Answer, pod: string): { ip: string; kind: SourceIpKind }[] {
  const seen = new Map<string, { ip: string; kind: SourceIpKind }>();
  for (const flow of answer.flows) {
    for (const b of flow.backends) {
      if (b.pod === pod && b.probability !== '0') seen.set(`${b.sourceIp}|${b.sourceIpKind}`, { ip: b.sourceIp, kind: b.sourceIpKind });
    }
  }
  return [...seen.values()];
}

/** The balancer's share of new connections entering `node` (0 when it sends none there). */
export function entryShare(answer: Answer, node: string | null | undefined): Fraction {
  return new Fraction(node ? (answer.loadBalancer?.[node] ?? '0') : '0');
}

/** The external → load-balancer flows of the nodes the balancer actually sends to. */
export function receivingFlows(answer: Answer): FlowAnswer[] {
  return answer.flows.filter((f) => f.from === 'external' && f.to === 'loadBalancer' && !entryShare(answer, f.node).equals(0));
}

/** The probability that a connection entering this flow's node is sent to a Pod on another node. */
export function flowCrossing(flow: FlowAnswer): Fraction {
  if (flow.verdict !== 'forwarded' && flow.verdict !== 'asymmetric') return new Fraction(0);
  return flow.backends.filter((b) => b.crossesNodes).reduce((acc, b) => acc.add(new Fraction(b.probability)), new Fraction(0));
}

/** Share of all the balancer's new connections sent to a Pod on another node (R-X-1, R-X-2, R-X-4). */
export function crossingShare(answer: Answer): Fraction {
  return receivingFlows(answer).reduce((acc, f) => acc.add(entryShare(answer, f.node).mul(flowCrossing(f))), new Fraction(0));
}

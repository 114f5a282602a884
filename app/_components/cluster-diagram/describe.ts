/**
 * Words for what the engine answered, shared by the diagram, its text equivalent and the article figures.
 * Kubernetes vocabulary: endpoints are ready / serving / terminating, never "healthy".
 */
import type { Answer, FlowAnswer, PodModel, Scenario, SourceIpKind, Verdict } from '@/lib/engine';
import { externalFlowsAt } from '@/lib/engine/queries';

export type PodState = 'ready' | 'not-ready' | 'terminating-serving' | 'terminating' | 'not-selected';

export function podState(pod: Pick<PodModel, 'ready' | 'serving' | 'terminating' | 'selected'>): PodState {
  if (!pod.selected) return 'not-selected';
  if (pod.terminating) return pod.serving ? 'terminating-serving' : 'terminating';
  return pod.ready ? 'ready' : 'not-ready';
}

export const POD_STATE_LABEL: Record<PodState, string> = {
  ready: 'ready',
  'not-ready': 'not ready',
  'terminating-serving': 'terminating, serving',
  terminating: 'terminating, not serving',
  'not-selected': 'not selected by the Service',
};

/** A glyph so that state never rests on colour alone. */
export const POD_STATE_GLYPH: Record<PodState, string> = {
  ready: '✓',
  'not-ready': '✗',
  'terminating-serving': '↓',
  terminating: '↓',
  'not-selected': '–',
};

export const VERDICT_LABEL: Record<Verdict, string> = {
  forwarded: 'forwarded',
  dropped: 'dropped silently (the client times out)',
  rejected: 'rejected (connection refused)',
  unmatched: 'no kube-proxy rule matches',
  asymmetric: 'forwarded without SNAT to another node; the reply bypasses the NAT and is lost',
  unanswered: 'no node receives it (the connection attempt times out)',
};

export const SOURCE_KIND_LABEL: Record<SourceIpKind, string> = {
  client: 'the sender’s own address',
  node: 'SNAT to the receiving node’s IP',
  bridge: 'SNAT to the receiving node’s Pod-bridge IP',
  tunnel: 'SNAT to the receiving node’s overlay (tunnel) address',
  loadBalancer: 'the proxying balancer’s address',
};

/** "external", "pod/web-1", "node/node-a", "localhost" → words. */
export function describeSource(from: string): string {
  if (from === 'external') return 'a client outside the cluster';
  if (from === 'localhost') return 'localhost on the node';
  if (from.startsWith('pod/')) return `Pod ${from.slice(4)}`;
  if (from.startsWith('node/')) return `the host network of ${from.slice(5)}`;
  return from;
}

export const DESTINATION_LABEL: Record<FlowAnswer['to'], string> = {
  loadBalancer: 'the load balancer IP',
  nodePort: 'the NodePort',
  externalIP: 'an external IP',
  clusterIP: 'the ClusterIP',
};

export function describeFlow(flow: FlowAnswer): string {
  const via = flow.node ? ` arriving at ${flow.node}` : '';
  return `From ${describeSource(flow.from)} to ${DESTINATION_LABEL[flow.to]}${via}`;
}

/** What traffic from outside does on arrival at a node: the flows from `external` that enter there. */
export function externalOutcome(answer: Answer, node: string): string {
  const flows = externalFlowsAt(answer, node);
  if (flows.length === 0) return 'no flow evaluated';
  return unique(
    flows.map((f) =>
      f.verdict === 'forwarded' ? `forwarded, ${f.masquerade ? 'SNAT' : 'client IP kept'}` : VERDICT_LABEL[f.verdict],
    ),
  ).join('; ');
}

export function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/** Node names in scenario order, plus a pseudo-node for endpoints with no nodeName. */
export function nodeColumns(scenario: Scenario): { name: string | null; label: string }[] {
  const cols: { name: string | null; label: string }[] = scenario.cluster.nodes.map((n) => ({ name: n.name, label: n.name }));
  if (scenario.cluster.pods.some((p) => p.node === null)) cols.push({ name: null, label: 'no node' });
  return cols;
}

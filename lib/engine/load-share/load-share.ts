/**
 * Load shares for a LoadBalancer Service: the two-stage model (R-LB-6, R-LB-7): the cloud load balancer splits
 * new connections over nodes, then each node's data plane splits what it receives over its eligible endpoints
 * (the flow trace for `external → loadBalancer` on that node). Exact fractions throughout.
 *
 * Balancing (R-LB-6, R-LB-7, R-CLOUD-*):
 * - healthy-nodes: equal over the nodes passing the balancer's check. Under eTP=Local the check is the
 *   health-check node port (R-HC-3: 200 iff a ready local endpoint and a healthy kube-proxy). Under eTP=Cluster
 *   "healthy" means passing kube-proxy's /healthz (R-PH-3, R-PH-6: proxy healthy and node not being deleted).
 *   If no node passes, the balancer fails open and spreads over all nodes (GCP and AWS NLB behaviour).
 * - weighted: by X-Load-Balancing-Endpoint-Weight (R-HC-4) over nodes answering 200 (eTP=Local). /healthz
 *   carries no weight, so under eTP=Cluster this is healthy-nodes (GCP falls back to equal weights).
 * - all-nodes: equal over every node, before failing checks are noticed (R-LB-7): a failing node's share is
 *   then dropped (R-EXT-7) unless serving-terminating local endpoints take it (R-EP-2).
 * - targets pods: the balancer sends straight to ready Pod IPs (R-CLOUD-AWS); the per-node figure is the
 *   share landing on Pods of that node.
 * Connections that are dropped, unmatched or asymmetric (IPVS, R-X-4: they fail) count as `dropped`.
 */
import type { SharesAnswer, ShareString } from '../answer';
import type { EndpointModel, NodeModel, TrafficModel } from '../model';
import type { EngineContext } from '../context';
import { share, ZERO, type Share } from '../fractions';
import { ciliumProxyHealth, proxyHealth } from '../health-check';
import { traceFlow } from '../flows';

export interface LoadShareResult {
  loadBalancer: Record<string, ShareString>;
  shares: SharesAnswer;
}

/**
 * Whether the balancer's health check passes on `node` (see the module comment). Under cilium-* the
 * health-check node port is Cilium's (R-HC-CIL-4), and an eTP=Cluster balancer probing :10256/healthz finds
 * nothing listening unless kubeProxyReplacementHealthz is set (R-HC-CIL-7/8): every node fails, so a generic
 * balancer fails open to an equal share over all nodes. Provider-specific reactions (Azure stops new flows,
 * R-LBK-6) belong to the balancer families.
 */
export function nodePassesBalancerCheck(ctx: EngineContext, node: NodeModel): boolean {
  if (ctx.flags.needsHealthCheck) return ctx.healthCheckPasses(node);
  if (ctx.traits.family === 'cilium') return ciliumProxyHealth(node, ctx.scenario.cluster.kubeProxyReplacementHealthz)?.healthz === 200;
  return proxyHealth(node).healthz === 200;
}

function equalSplit(nodes: readonly NodeModel[], chosen: readonly NodeModel[]): Map<string, Share> {
  const result = new Map<string, Share>();
  const each = share(1, chosen.length);
  for (const n of nodes) result.set(n.name, ZERO);
  for (const n of chosen) result.set(n.name, each);
  return result;
}

/** Stage one: each node's share of new connections from the balancer (node targets). */
export function balancerNodeShares(ctx: EngineContext): Map<string, Share> {
  const nodes = ctx.scenario.cluster.nodes;
  if (nodes.length === 0) return new Map();
  const { balancing } = ctx.scenario.loadBalancer;
  if (balancing === 'all-nodes') return equalSplit(nodes, nodes);
  const healthy = nodes.filter((n) => nodePassesBalancerCheck(ctx, n));
  if (balancing === 'weighted' && ctx.flags.needsHealthCheck) {
    const weights = healthy.map((n) => ctx.healthCheckCount(n.name));
    const total = weights.reduce((a, b) => a + b, 0);
    if (total > 0) {
      const result = new Map<string, Share>();
      for (const n of nodes) result.set(n.name, ZERO);
      for (let i = 0; i < healthy.length; i++) result.set(healthy[i]!.name, share(weights[i]!, total));
      return result;
    }
  }
  return equalSplit(nodes, healthy.length > 0 ? healthy : nodes);
}

function lbTraffic(ctx: EngineContext, node: string | null): TrafficModel {
  const { service } = ctx.scenario;
  const ingress = service.ingress[0];
  if (ingress) return { from: 'external', to: 'loadBalancer', node, ip: ingress.ip };
  return { from: 'external', to: 'nodePort', node, ip: null };
}

/** Stage two and the totals. Only for LoadBalancer Services (the caller checks). */
export function loadShares(ctx: EngineContext): LoadShareResult {
  const { scenario } = ctx;
  const nodes = scenario.cluster.nodes;
  // Read once: transpiled to CommonJS (tsx, jest) every read of an imported binding is a getter call, and this
  // function reads it per endpoint and per node. Likewise shares render with toFraction, not formatShare.
  const zero = ZERO;
  const podShare = new Map<string, Share>();
  for (const e of scenario.endpoints) podShare.set(e.pod, zero);
  let dropped = zero;
  let rejected = zero;
  let crossNode = zero;
  const lbNodes = new Map<string, Share>();

  // Sum the entry share per chosen endpoint set (sets are shared arrays), then spread once per set.
  const perSet = new Map<readonly EndpointModel[], Share>();

  if (scenario.loadBalancer.targets === 'pods') {
    const t = traceFlow(ctx, lbTraffic(ctx, null));
    if (t.verdict === 'forwarded') perSet.set(t.endpointSet, share(1));
    else if (t.verdict === 'rejected') rejected = share(1);
    else dropped = share(1);
  } else {
    const entry = balancerNodeShares(ctx);
    for (const node of nodes) {
      const s = entry.get(node.name) ?? zero;
      lbNodes.set(node.name, s);
      if (s.isZero()) continue;
      const t = traceFlow(ctx, lbTraffic(ctx, node.name));
      if (t.verdict === 'forwarded') {
        perSet.set(t.endpointSet, (perSet.get(t.endpointSet) ?? zero).add(s));
        // The backends that cross nodes are those of the set not on the deciding node (counted once per set).
        const remote = t.evaluatedOn === null ? 0 : ctx.remoteCount(t.endpointSet, t.evaluatedOn);
        if (remote > 0) crossNode = crossNode.add(s.mul(share(remote, t.endpointSet.length)));
      } else if (t.verdict === 'rejected') {
        rejected = rejected.add(s);
      } else {
        dropped = dropped.add(s);
      }
    }
  }

  for (const [set, s] of perSet) {
    const each = s.div(set.length);
    for (const e of set) podShare.set(e.pod, (podShare.get(e.pod) ?? zero).add(each));
  }

  const nodeServed = new Map<string, Share>();
  for (const n of nodes) nodeServed.set(n.name, zero);
  for (const e of scenario.endpoints) {
    if (e.node === null) continue;
    const s = podShare.get(e.pod) ?? zero;
    if (!s.isZero()) nodeServed.set(e.node, (nodeServed.get(e.node) ?? zero).add(s));
  }

  const loadBalancer: Record<string, ShareString> = {};
  if (scenario.loadBalancer.targets === 'pods') {
    for (const n of nodes) loadBalancer[n.name] = (nodeServed.get(n.name) ?? zero).toFraction();
  } else {
    for (const n of nodes) loadBalancer[n.name] = (lbNodes.get(n.name) ?? zero).toFraction();
  }
  const pods: Record<string, ShareString> = {};
  for (const [pod, s] of podShare) pods[pod] = s.toFraction();
  const servedByNode: Record<string, ShareString> = {};
  for (const [name, s] of nodeServed) servedByNode[name] = s.toFraction();

  return {
    loadBalancer,
    shares: { pods, nodes: servedByNode, dropped: dropped.toFraction(), rejected: rejected.toFraction(), crossNode: crossNode.toFraction() },
  };
}

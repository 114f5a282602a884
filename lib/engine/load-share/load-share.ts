/**
 * Load shares for a LoadBalancer Service: the two-stage model (R-LB-6, R-LB-7): the cloud load balancer splits
 * new connections over nodes, then each node's data plane splits what it receives over its eligible endpoints
 * (the flow trace for `external → loadBalancer` on that node). Exact fractions throughout.
 *
 * Stage one (which node the balancer picks, per balancing model and provider) is `balancer/plan.ts` (R-LB-6,
 * R-LB-7, R-LBK-*). With IP targets the balancer sends straight to ready Pods (R-CLOUD-AWS, R-LBK-4); the per-node
 * figure is then the share landing on Pods of that node.
 * Connections that are dropped, unmatched or asymmetric (IPVS, R-X-4: they fail) count as `dropped`, and so do
 * connections no node receives (`unanswered`: the client times out as for a silent drop).
 */
import type { SharesAnswer, ShareString } from '../answer';
import type { EndpointModel, TrafficModel } from '../model';
import type { EngineContext } from '../context';
import { share, ZERO, type Share } from '../fractions';
import { balancerPlan, podTargetPlan } from '../balancer';
import { traceFlow } from '../flows';

export { nodePassesBalancerCheck } from '../balancer';

export interface LoadShareResult {
  loadBalancer: Record<string, ShareString>;
  shares: SharesAnswer;
}

/** Stage one: each node's share of new connections from the balancer (node targets; R-LB-6, R-LBK-*). */
export function balancerNodeShares(ctx: EngineContext): Map<string, Share> {
  return balancerPlan(ctx).shares;
}

function lbTraffic(ctx: EngineContext, node: string | null): TrafficModel {
  const { service } = ctx.scenario;
  const ingress = service.ingress[0];
  if (ingress) return { from: 'external', to: 'loadBalancer', node, ip: ingress.ip };
  // R-LBK-9: a balancer known only by hostname still receives the traffic (and forwards it to the NodePort).
  if (service.ingressHostnames.length > 0) return { from: 'external', to: 'loadBalancer', node, ip: null };
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
    if (t.verdict === 'forwarded') {
      // Per-Pod shares (R-LBK-4 may weight zones): added straight to the Pods rather than spread per set.
      const plan = podTargetPlan(ctx);
      plan.set.forEach((e, i) => podShare.set(e.pod, (podShare.get(e.pod) ?? zero).add(plan.shares[i]!)));
    } else if (t.verdict === 'rejected') rejected = share(1);
    else dropped = share(1);
  } else if (balancerPlan(ctx).unanswered !== null) {
    dropped = share(1);
    for (const node of nodes) lbNodes.set(node.name, zero);
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

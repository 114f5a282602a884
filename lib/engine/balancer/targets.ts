/**
 * Which nodes a balancer targets and whether each passes its check (R-LBK-1, R-LB-6, R-CLOUD-*).
 *
 * - Registered targets: every node, except for the AWS load-balancer controller (aws-nlb, R-LBK-1), which skips
 *   nodes labelled node.kubernetes.io/exclude-from-external-load-balancers or tainted
 *   ToBeDeletedByClusterAutoscaler / karpenter.sh/disrupted. AWS balancers reach only nodes in their enabled zones
 *   (R-LBK-3/5); so does any per-zone balancing.
 * - The check under externalTrafficPolicy Local is the health-check node port (R-HC-3: 200 iff a ready local
 *   endpoint and a healthy kube-proxy), for every provider that checks.
 * - Under Cluster: generic and GCP probe kube-proxy's /healthz (R-PH-3, R-PH-6, R-CLOUD-GCP); AWS (R-LBK-1) and
 *   Azure (R-CLOUD-AZ, default per-service probe) open a TCP connection to the Service's NodePort, which succeeds
 *   wherever the Service has a usable endpoint (R-EP-3) and a NodePort.
 */
import type { EngineContext } from '../context';
import type { NodeModel } from '../model';
import { ciliumProxyHealth, proxyHealth, TO_BE_DELETED_TAINT } from '../health-check';

export const EXCLUDE_LABEL = 'node.kubernetes.io/exclude-from-external-load-balancers';
const KARPENTER_DISRUPTED_TAINT = 'karpenter.sh/disrupted';

/**
 * Whether the balancer's health check passes on `node` (see the module comment). Under cilium-* the health-check
 * node port is Cilium's (R-HC-CIL-4), and a balancer probing :10256/healthz under Cluster finds nothing listening
 * unless kubeProxyReplacementHealthz is set (R-HC-CIL-7/8): every node fails and the balancer fails open.
 */
export function nodePassesBalancerCheck(ctx: EngineContext, node: NodeModel): boolean {
  if (ctx.flags.needsHealthCheck) return ctx.healthCheckPasses(node);
  const provider = ctx.scenario.loadBalancer.provider;
  if (provider === 'aws-nlb' || provider === 'aws-clb' || provider === 'azure') return nodePortAccepts(ctx, node);
  if (ctx.traits.family === 'cilium') return ciliumProxyHealth(node, ctx.scenario.cluster.kubeProxyReplacementHealthz)?.healthz === 200;
  return proxyHealth(node).healthz === 200;
}

/** A TCP check on the NodePort under Cluster: kube-proxy forwards it to any usable endpoint (R-EXT-2, R-DROP-1). */
function nodePortAccepts(ctx: EngineContext, node: NodeModel): boolean {
  return ctx.flags.nodePort !== null && ctx.categorization(node).hasAnyEndpoints;
}

/** Why a node is not a registered target of the AWS load-balancer controller (R-LBK-1), or null. */
export function awsExclusion(node: NodeModel): string | null {
  if (EXCLUDE_LABEL in node.labels) return `it carries the label ${EXCLUDE_LABEL}`;
  if (node.taints.includes(TO_BE_DELETED_TAINT)) return `it is tainted ${TO_BE_DELETED_TAINT}`;
  if (node.taints.includes(KARPENTER_DISRUPTED_TAINT)) return `it is tainted ${KARPENTER_DISRUPTED_TAINT}`;
  return null;
}

/** Zones matter for AWS balancers (their subnets) and for any per-zone balancing. */
export function zonesApply(ctx: EngineContext): boolean {
  const lb = ctx.scenario.loadBalancer;
  return lb.provider === 'aws-nlb' || lb.provider === 'aws-clb' || lb.balancing === 'per-zone';
}

/** The nodes the balancer sends to when they pass its check, in node order. */
export function registeredTargets(ctx: EngineContext): NodeModel[] {
  const lb = ctx.scenario.loadBalancer;
  const zones = zonesApply(ctx) ? new Set(lb.zones) : null;
  return ctx.scenario.cluster.nodes.filter((n) => (lb.provider !== 'aws-nlb' || awsExclusion(n) === null) && (zones === null || zones.has(n.zone)));
}

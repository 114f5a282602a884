/**
 * kube-proxy's own health server on :10256 (R-PH-1..5; KP-HC-PROXY healthzHandler / livezHandler).
 *
 * - R-PH-2 Proxy health: `NodeModel.proxyHealthy` (false = an update has been queued and not applied for
 *   longer than healthTimeout, 2 × syncPeriod).
 * - R-PH-3 /healthz = proxy healthy AND node eligible; a node is ineligible when it is being deleted or carries
 *   the ToBeDeletedByClusterAutoscaler taint (other taints and cordoning do not matter).
 * - R-PH-4 /livez = proxy health only.
 * This is also what an eTP=Cluster load balancer probes (R-PH-6, R-LB-6).
 */
import type { ProxyHealthAnswer } from '../answer';
import type { NodeModel } from '../model';

export const TO_BE_DELETED_TAINT = 'ToBeDeletedByClusterAutoscaler';

/** R-PH-3: the node is eligible unless deleting or tainted ToBeDeletedByClusterAutoscaler. */
export function nodeEligible(node: NodeModel): boolean {
  return !node.deleting && !node.taints.includes(TO_BE_DELETED_TAINT);
}

export function proxyHealth(node: NodeModel): ProxyHealthAnswer {
  return {
    healthz: node.proxyHealthy && nodeEligible(node) ? 200 : 503,
    livez: node.proxyHealthy ? 200 : 503,
  };
}

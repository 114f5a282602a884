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

export function proxyHealth(node: NodeModel): Required<ProxyHealthAnswer> {
  return {
    healthz: node.proxyHealthy && nodeEligible(node) ? 200 : 503,
    livez: node.proxyHealthy ? 200 : 503,
  };
}

export interface ProxyHealthResponse {
  status: 200 | 503;
  headers: { 'Content-Type': 'application/json'; 'X-Content-Type-Options': 'nosniff' };
  body: string;
}

/**
 * R-PH-5: the full answer of /healthz or /livez. Timestamps are inputs (RFC 3339 with nanoseconds) so the
 * result stays deterministic: `now` is the server's current time, `lastUpdated` the proxier's last applied
 * update. Compact encoding/json with keys lastUpdated, currentTime, nodeEligible (/healthz only), healthy
 * (proxy health: stays true when the 503 is caused by node ineligibility) and status per IP family. On a 200
 * the top-level lastUpdated is the current time (kept for backward compatibility).
 */
export function proxyHealthResponse(node: NodeModel, path: '/healthz' | '/livez', times: { now: string; lastUpdated: string }): ProxyHealthResponse {
  const answer = proxyHealth(node);
  const status = path === '/healthz' ? answer.healthz : answer.livez;
  const body: Record<string, unknown> = {
    lastUpdated: status === 200 ? times.now : times.lastUpdated,
    currentTime: times.now,
  };
  if (path === '/healthz') body.nodeEligible = nodeEligible(node);
  body.healthy = node.proxyHealthy;
  body.status = { IPv4: { lastUpdated: times.lastUpdated, healthy: node.proxyHealthy } };
  return {
    status,
    headers: { 'Content-Type': 'application/json', 'X-Content-Type-Options': 'nosniff' },
    body: JSON.stringify(body),
  };
}

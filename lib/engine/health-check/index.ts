/** Health checks: the Service health-check node port (R-HC-*) and kube-proxy's /healthz, /livez (R-PH-*). */
export {
  localReadyEndpointCount,
  serviceHealthBody,
  serviceHealthAnswer,
  serviceHealthy,
  serviceHealthChecks,
} from './service-health';
export { proxyHealth, proxyHealthResponse, nodeEligible, TO_BE_DELETED_TAINT } from './proxy-health';
export type { ProxyHealthResponse } from './proxy-health';
export { ciliumHealthAnswer, ciliumHealthBody, ciliumHealthChecks, ciliumLocalEndpointCounts, ciliumProxyHealth } from './cilium-health';

/**
 * Service-level flags kube-proxy derives from a Service (routing-semantics.md §1 "Service-level flags";
 * KP-SP newBaseServiceInfo, API-SVC1 ExternallyAccessible / ExternalPolicyLocal / NeedsHealthCheck; R-API-1).
 * The one home of these predicates: the reader's defaulting, the API validation and the evaluator use them.
 * Kept free of zod and yaml so that validation and the evaluator bundle without the scenario reader.
 */
import type { ServiceModel } from '../model';

/**
 * R-API-1 (API-SVC1 ExternallyAccessible): type NodePort or LoadBalancer, or type ClusterIP with externalIPs.
 * Any other type (ExternalName, not modelled) is not externally accessible even with externalIPs.
 */
export function externallyAccessible(s: Pick<ServiceModel, 'type' | 'externalIPs'>): boolean {
  return s.type === 'LoadBalancer' || s.type === 'NodePort' || (s.type === 'ClusterIP' && s.externalIPs.length > 0);
}

/** NeedsHealthCheck (R-HC-1): type LoadBalancer and ExternalPolicyLocal (externally accessible with eTP Local). */
export function needsHealthCheck(s: Pick<ServiceModel, 'type' | 'externalIPs' | 'externalTrafficPolicy'>): boolean {
  return s.type === 'LoadBalancer' && externallyAccessible(s) && s.externalTrafficPolicy === 'Local';
}

export interface ServiceFlags {
  /** API sense (R-API-1): type NodePort or LoadBalancer, or ClusterIP with externalIPs. */
  externallyAccessible: boolean;
  /** kube-proxy sense: a NodePort, a programmed (VIP-mode) LB ingress IP, or an externalIP exists. */
  proxyExternallyAccessible: boolean;
  /** ExternallyAccessible (API) and externalTrafficPolicy == Local. */
  externalPolicyLocal: boolean;
  /** internalTrafficPolicy == Local. */
  internalPolicyLocal: boolean;
  /** !InternalPolicyLocal || ExternallyAccessible. */
  usesClusterEndpoints: boolean;
  /** InternalPolicyLocal || (ExternalPolicyLocal && ExternallyAccessible). */
  usesLocalEndpoints: boolean;
  /** type LoadBalancer and ExternalPolicyLocal: the only case with a health-check node port (R-HC-1). */
  needsHealthCheck: boolean;
  /** The ClusterIP, or null when headless/absent. */
  clusterIP: string | null;
  /** The first port's NodePort, or null. */
  nodePort: number | null;
}

export function serviceFlags(service: ServiceModel): ServiceFlags {
  const apiExternallyAccessible = externallyAccessible(service);
  const nodePort = service.ports[0]?.nodePort ?? null;
  const hasVipIngress = service.type === 'LoadBalancer' && service.ingress.some((i) => i.ipMode === 'VIP');
  const proxyExternallyAccessible =
    (nodePort !== null && nodePort !== 0) || hasVipIngress || service.externalIPs.length > 0;
  const externalPolicyLocal = apiExternallyAccessible && service.externalTrafficPolicy === 'Local';
  const internalPolicyLocal = service.internalTrafficPolicy === 'Local';
  const clusterIP = service.clusterIP && service.clusterIP !== 'None' ? service.clusterIP : null;
  return {
    externallyAccessible: apiExternallyAccessible,
    proxyExternallyAccessible,
    externalPolicyLocal,
    internalPolicyLocal,
    usesClusterEndpoints: !internalPolicyLocal || proxyExternallyAccessible,
    usesLocalEndpoints: internalPolicyLocal || (externalPolicyLocal && proxyExternallyAccessible),
    needsHealthCheck: needsHealthCheck(service),
    clusterIP,
    nodePort: nodePort === 0 ? null : nodePort,
  };
}

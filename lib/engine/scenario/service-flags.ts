/**
 * API-server predicates on a (defaulted) Service, from pkg/api/v1/service/util.go. Kept free of zod and yaml so
 * that validation, and the evaluator that uses it, bundle without the scenario reader.
 */
import type { ServiceModel } from '../model';

/** R-API-1: NodePort, LoadBalancer, or ClusterIP with externalIPs (ExternallyAccessible). */
export function externallyAccessible(s: Pick<ServiceModel, 'type' | 'externalIPs'>): boolean {
  return s.type === 'LoadBalancer' || s.type === 'NodePort' || (s.type === 'ClusterIP' && s.externalIPs.length > 0);
}

/** NeedsHealthCheck: type LoadBalancer and ExternalPolicyLocal (externally accessible with eTP Local). */
export function needsHealthCheck(s: Pick<ServiceModel, 'type' | 'externalIPs' | 'externalTrafficPolicy'>): boolean {
  return s.type === 'LoadBalancer' && externallyAccessible(s) && s.externalTrafficPolicy === 'Local';
}

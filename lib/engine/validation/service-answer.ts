/**
 * The answer's `service` block (scenario-format.md): the traffic-policy fields after API defaulting, each null
 * when it does not apply to this Service (or holds a value the API server refuses).
 */
import type { ServiceAnswer } from '../answer';
import type { ServiceModel } from '../model';
import { externallyAccessible, needsHealthCheck } from '../endpoints/service-flags';

export function serviceAnswer(service: ServiceModel): ServiceAnswer {
  const etp = service.externalTrafficPolicy;
  const itp = service.internalTrafficPolicy;
  return {
    externalTrafficPolicy: externallyAccessible(service) && (etp === 'Cluster' || etp === 'Local') ? etp : null,
    internalTrafficPolicy: itp === 'Cluster' || itp === 'Local' ? itp : null,
    healthCheckNodePort: needsHealthCheck(service) && service.healthCheckNodePort > 0 ? service.healthCheckNodePort : null,
    // R-API-2: defaulting sets it for LoadBalancer; it means nothing for other types.
    allocateLoadBalancerNodePorts: service.type === 'LoadBalancer' ? (service.allocateLoadBalancerNodePorts ?? true) : null,
  };
}

/**
 * The API server's checks of a Service on create (routing-semantics.md §10, R-API-1…5), with its exact
 * messages and in its order. Sources (kubernetes/kubernetes):
 *   pkg/apis/core/validation/validation.go  ValidateService, validateServicePort,
 *     validateServiceExternalTrafficPolicy, validateServiceExternalTrafficFieldsUpdate,
 *     validateServiceInternalTrafficFieldsValue, validateServiceTrafficDistribution
 *   pkg/registry/core/service/storage/alloc.go  allocHealthCheckNodePort, initNodePorts (R-API-4; these run
 *     before validation and abort the create, so when they fail they are the only errors)
 *   pkg/api/v1/service/util.go  ExternallyAccessible, ExternalPolicyLocal, NeedsHealthCheck
 * Checks of fields the scenario schema already types (sessionAffinity, type, protocol, IP syntax) cannot fail
 * on a parsed Scenario and are not repeated. Metadata (name syntax) is not checked.
 */
import type { UpdateAnswer, ValidationAnswer } from '../answer';
import type { ClusterModel, Scenario, ServiceModel } from '../model';
import { externallyAccessible, needsHealthCheck } from '../endpoints/service-flags';
import { fieldError } from './field-error';

/*
 * The NodePort range (--service-node-port-range) is checked only when the scenario gives `cluster.nodePortRange`:
 * without it a port outside the default 30000-32767 is not refused (kube-proxy's own test layouts use NodePorts
 * such as 3001). `cluster.usedNodePorts` are ports held by other Services.
 */

const EXTERNAL_TRAFFIC_POLICIES = ['Cluster', 'Local'] as const; // sets.List: sorted
const INTERNAL_TRAFFIC_POLICIES = ['Cluster', 'Local'] as const;
/** PreferSameTrafficDistribution is GA (1.35): all three are accepted, listed in this order. */
const TRAFFIC_DISTRIBUTIONS = ['PreferClose', 'PreferSameZone', 'PreferSameNode'] as const;

/**
 * The create checks (R-API-3/4), or, when the scenario is an update (R-API-UPD), the update's outcome: its field
 * errors, or its internal error's message (HTTP 500) as the one error.
 */
export function validateService(scenario: Pick<Scenario, 'service'> & { cluster?: Pick<ClusterModel, 'nodePortRange' | 'usedNodePorts'>; update?: UpdateAnswer | null }): ValidationAnswer {
  const update = scenario.update;
  if (update) {
    const errors = update.httpStatus === 500 ? [update.message] : [...update.errors];
    return { valid: update.httpStatus === 200, errors };
  }
  const allocation = allocationErrors(scenario.service, scenario.cluster);
  const errors = allocation.length > 0 ? allocation : serviceErrors(scenario.service);
  return { valid: errors.length === 0, errors };
}

/**
 * An update from `before` to `after` on defaulted models (R-API-3 immutability, R-API-5 clearing): a subset kept
 * for callers holding two ServiceModels. A scenario's `previous` goes through `updateService` (update-service.ts),
 * which applies every R-API-UPD rule (patching, allocation, releases, HTTP status). The registry first drops fields
 * the new type no longer uses when the user left them unchanged (dropTypeDependentFields), then
 * ValidateServiceUpdate runs the update checks followed by ValidateService.
 */
export function validateServiceUpdate(before: ServiceModel, after: ServiceModel): ValidationAnswer & { service: ServiceModel } {
  const service = dropTypeDependentFields(before, after);
  const errors: string[] = [];
  if (needsHealthCheck(before) && needsHealthCheck(service) && service.healthCheckNodePort !== before.healthCheckNodePort)
    errors.push(fieldError.forbidden('spec.healthCheckNodePort', 'field is immutable'));
  errors.push(...serviceErrors(service));
  return { valid: errors.length === 0, errors, service };
}

function dropTypeDependentFields(before: ServiceModel, after: ServiceModel): ServiceModel {
  const out: ServiceModel = { ...after, ports: after.ports.map((p) => ({ ...p })) };
  if (!externallyAccessible(out) && externallyAccessible(before) && out.externalTrafficPolicy === before.externalTrafficPolicy)
    out.externalTrafficPolicy = null;
  if (!needsHealthCheck(out) && needsHealthCheck(before) && out.healthCheckNodePort === before.healthCheckNodePort)
    out.healthCheckNodePort = 0;
  const usesNodePorts = out.type === 'NodePort' || (out.type === 'LoadBalancer' && out.allocateLoadBalancerNodePorts !== false);
  if (!usesNodePorts && out.type === 'ClusterIP')
    out.ports.forEach((p, i) => {
      if (p.nodePort !== null && p.nodePort === before.ports[i]?.nodePort) p.nodePort = null;
    });
  return out;
}

/** R-API-4: NodePorts and the health-check port are reserved before validation; a bad request fails there. */
function allocationErrors(s: ServiceModel, cluster?: Pick<ClusterModel, 'nodePortRange' | 'usedNodePorts'>): string[] {
  const errors: string[] = [];
  const taken = new Set<number>(cluster?.usedNodePorts ?? []);
  const range = cluster?.nodePortRange ?? null;
  const reserve = (port: number): string | null => {
    if (range && (port < range.first || port > range.last))
      return `provided port is not in the valid range. The range of valid ports is ${range.first}-${range.last}`;
    if (taken.has(port)) return ALREADY;
    taken.add(port);
    return null;
  };
  const usesNodePorts = s.type === 'NodePort' || (s.type === 'LoadBalancer' && s.allocateLoadBalancerNodePorts !== false);
  if (usesNodePorts) {
    s.ports.forEach((p, i) => {
      if (p.nodePort === null || p.nodePort === 0) return;
      const why = reserve(p.nodePort);
      if (why && !(why === ALREADY && s.ports.some((q, j) => j < i && q.nodePort === p.nodePort && q.protocol !== p.protocol)))
        errors.push(fieldError.invalid(`spec.ports[${i}].nodePort`, p.nodePort, why));
    });
  }
  if (errors.length > 0) return errors;
  if (needsHealthCheck(s) && s.healthCheckNodePort !== 0) {
    const why = reserve(s.healthCheckNodePort);
    // Returned by the registry as an internal error (alloc.go; errors.NewInternalError).
    if (why) errors.push(`Internal error occurred: failed to allocate requested HealthCheck NodePort ${s.healthCheckNodePort}: ${why}`);
  }
  return errors;
}

const ALREADY = 'provided port is already allocated';

/** ValidateService, the parts a parsed scenario can get wrong, in the order the API server appends them. */
export function serviceErrors(s: ServiceModel): string[] {
  const errors: string[] = [];

  // validateServicePort: a name is required once there is more than one port, and names are unique.
  const names = new Set<string>();
  s.ports.forEach((p, i) => {
    if (s.ports.length > 1 && !p.name) errors.push(fieldError.required(`spec.ports[${i}].name`));
    else if (p.name) {
      if (names.has(p.name)) errors.push(fieldError.duplicate(`spec.ports[${i}].name`, p.name));
      else names.add(p.name);
    }
  });

  if (s.type === 'ClusterIP')
    s.ports.forEach((p, i) => {
      if (p.nodePort !== null && p.nodePort !== 0)
        errors.push(fieldError.forbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'"));
    });

  // Duplicate NodePorts, keyed by (protocol, nodePort).
  const nodePorts = new Set<string>();
  s.ports.forEach((p, i) => {
    if (p.nodePort === null || p.nodePort === 0) return;
    const key = `${p.protocol}/${p.nodePort}`;
    if (nodePorts.has(key)) errors.push(fieldError.duplicate(`spec.ports[${i}].nodePort`, p.nodePort));
    nodePorts.add(key);
  });

  // The path really is spelled with a capital L in the API server (specPath.Child("LoadBalancerSourceRanges")).
  if (s.loadBalancerSourceRanges.length > 0 && s.type !== 'LoadBalancer')
    errors.push(fieldError.forbidden('spec.LoadBalancerSourceRanges', "may only be used when `type` is 'LoadBalancer'"));

  if (s.allocateLoadBalancerNodePorts !== null && s.type !== 'LoadBalancer')
    errors.push(fieldError.forbidden('spec.allocateLoadBalancerNodePorts', "may only be used when `type` is 'LoadBalancer'"));
  // Upstream builds this path without "spec." (field.NewPath("allocateLoadBalancerNodePorts")). Defaulting
  // (R-API-2) sets the field, so only a hand-built Scenario reaches this.
  if (s.type === 'LoadBalancer' && s.allocateLoadBalancerNodePorts === null)
    errors.push(fieldError.required('allocateLoadBalancerNodePorts'));

  // validateServiceExternalTrafficPolicy (R-API-1, R-API-3).
  const etp = s.externalTrafficPolicy ?? '';
  if (!externallyAccessible(s)) {
    if (etp !== '')
      errors.push(fieldError.invalid('spec.externalTrafficPolicy', etp, 'may only be set for externally-accessible services'));
  } else if (etp === '') {
    errors.push(fieldError.required('spec.externalTrafficPolicy'));
  } else if (!(EXTERNAL_TRAFFIC_POLICIES as readonly string[]).includes(etp)) {
    errors.push(fieldError.notSupported('spec.externalTrafficPolicy', etp, EXTERNAL_TRAFFIC_POLICIES));
  }
  if (!needsHealthCheck(s)) {
    if (s.healthCheckNodePort !== 0)
      errors.push(
        fieldError.invalid(
          'spec.healthCheckNodePort',
          s.healthCheckNodePort,
          "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'",
        ),
      );
  } else if (s.healthCheckNodePort === 0) {
    errors.push(fieldError.required('spec.healthCheckNodePort'));
  } else if (!Number.isInteger(s.healthCheckNodePort) || s.healthCheckNodePort < 1 || s.healthCheckNodePort > 65535) {
    errors.push(fieldError.invalid('spec.healthCheckNodePort', s.healthCheckNodePort, 'must be between 1 and 65535, inclusive'));
  }

  // validateServiceInternalTrafficFieldsValue: defaulting sets it for every type we model, so null is a hand-built Scenario.
  if (s.internalTrafficPolicy === null) errors.push(fieldError.required('spec.internalTrafficPolicy'));
  else if (!(INTERNAL_TRAFFIC_POLICIES as readonly string[]).includes(s.internalTrafficPolicy))
    errors.push(fieldError.notSupported('spec.internalTrafficPolicy', s.internalTrafficPolicy, INTERNAL_TRAFFIC_POLICIES));

  // validateServiceTrafficDistribution.
  if (s.trafficDistribution !== null && !(TRAFFIC_DISTRIBUTIONS as readonly string[]).includes(s.trafficDistribution))
    errors.push(fieldError.notSupported('spec.trafficDistribution', s.trafficDistribution, TRAFFIC_DISTRIBUTIONS));

  return errors;
}

/**
 * api-validation from the rules (no engine): R-API-1 externally accessible, R-API-2 defaulting, R-API-3 errors in
 * the API server's order (source ranges, allocateLoadBalancerNodePorts, externalTrafficPolicy, healthCheckNodePort,
 * internalTrafficPolicy), R-API-4 the shared port pool (a requested health-check port equal to a NodePort is an
 * HTTP 500 from the registry, before validation).
 */
import type { ScenarioInput } from '@/lib/engine';

const POLICIES = ['Cluster', 'Local'];
const ONLY_LB = "may only be used when `type` is 'LoadBalancer'";

export function apiValidationOracle(s: ScenarioInput): Record<string, string> {
  const spec = s.service.spec;
  const name = s.service.metadata.name;
  const external = spec.type === 'NodePort' || spec.type === 'LoadBalancer' || (spec.externalIPs ?? []).length > 0;
  const etp = spec.externalTrafficPolicy || (external ? 'Cluster' : '');
  const hcnp = spec.healthCheckNodePort ?? 0;
  const needsHc = spec.type === 'LoadBalancer' && etp === 'Local';
  const nodePorts = spec.type === 'ClusterIP' ? [] : spec.ports.map((p) => p.nodePort ?? 0).filter((p) => p !== 0);
  if (needsHc && hcnp !== 0 && nodePorts.includes(hcnp) && spec.allocateLoadBalancerNodePorts !== false)
    return { validation: `Internal error occurred: failed to allocate requested HealthCheck NodePort ${hcnp}: provided port is already allocated` };
  const errors: string[] = [];
  if ((spec.loadBalancerSourceRanges ?? []).length > 0 && spec.type !== 'LoadBalancer') errors.push(`spec.LoadBalancerSourceRanges: Forbidden: ${ONLY_LB}`);
  if (spec.allocateLoadBalancerNodePorts !== undefined && spec.type !== 'LoadBalancer') errors.push(`spec.allocateLoadBalancerNodePorts: Forbidden: ${ONLY_LB}`);
  if (!external && etp) errors.push(`spec.externalTrafficPolicy: Invalid value: "${etp}": may only be set for externally-accessible services`);
  else if (external && !POLICIES.includes(etp)) errors.push(`spec.externalTrafficPolicy: Unsupported value: "${etp}": supported values: "Cluster", "Local"`);
  if (!needsHc && hcnp !== 0)
    errors.push(`spec.healthCheckNodePort: Invalid value: ${hcnp}: may only be set when \`type\` is 'LoadBalancer' and \`externalTrafficPolicy\` is 'Local'`);
  const itp = spec.internalTrafficPolicy;
  if (itp !== undefined && !POLICIES.includes(itp)) errors.push(`spec.internalTrafficPolicy: Unsupported value: "${itp}": supported values: "Cluster", "Local"`);
  if (errors.length === 0) return { validation: 'accepted' };
  return { validation: `The Service "${name}" is invalid: ${errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`}` };
}

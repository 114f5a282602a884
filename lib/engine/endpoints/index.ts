/** Which endpoints kube-proxy may use, per node (R-EP-1..5). */
export { externallyAccessible, needsHealthCheck, serviceFlags } from './service-flags';
export type { ServiceFlags } from './service-flags';
export { assignHints, TRAFFIC_DISTRIBUTIONS } from './hints';
export type { HintedEndpoint } from './hints';
export { categorizeEndpoints, topologyModeFromHints, mergeReachable } from './categorize';
export type { Categorization, TopologyMode } from './categorize';

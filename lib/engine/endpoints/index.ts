/** Which endpoints kube-proxy may use, per node (R-EP-1..5). */
export { externallyAccessible, needsHealthCheck, serviceFlags } from './service-flags';
export type { ServiceFlags } from './service-flags';
export { assignHints, TRAFFIC_DISTRIBUTIONS } from './hints';
export type { HintedEndpoint } from './hints';
export { categorizeEndpoints, mergeReachable, summarizeHints, topologyModeFromHints, topologyModeOf } from './categorize';
export type { Categorization, HintSummary, TopologyMode } from './categorize';

/**
 * Topology hints as the EndpointSlice controller writes them (R-EP-5; k8s.io/endpointslice/trafficdist
 * ReconcileHints): with trafficDistribution PreferClose, PreferSameZone or PreferSameNode every *ready*
 * endpoint gets a zone hint for its own zone (when it has one); PreferSameNode also gives it a node hint for
 * its own node (when it has a nodeName). Any other value (or none) means no hints at all. Endpoints that are
 * not ready get no hints.
 */
import type { EndpointModel } from '../model';

export const TRAFFIC_DISTRIBUTIONS = ['PreferClose', 'PreferSameZone', 'PreferSameNode'] as const;

export interface HintedEndpoint {
  endpoint: EndpointModel;
  /** hints.forZones names, or null when the endpoint has no zone hint. */
  forZone: string | null;
  /** hints.forNodes names, or null when the endpoint has no node hint. */
  forNode: string | null;
}

export function assignHints(endpoints: readonly EndpointModel[], trafficDistribution: string | null): HintedEndpoint[] {
  const close = trafficDistribution !== null && (TRAFFIC_DISTRIBUTIONS as readonly string[]).includes(trafficDistribution);
  const nodeHints = trafficDistribution === 'PreferSameNode';
  return endpoints.map((endpoint) => ({
    endpoint,
    forZone: close && endpoint.ready ? endpoint.zone : null,
    forNode: nodeHints && endpoint.ready ? endpoint.node : null,
  }));
}

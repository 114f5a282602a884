/**
 * Endpoint categorisation, exactly as kube-proxy's CategorizeEndpoints (pkg/proxy/topology.go; R-EP-1..5).
 * Everything else in the engine reads its result and never re-derives eligibility.
 *
 * - R-EP-1 Cluster set: ready endpoints (any node), filtered by topology hints (R-EP-5); if empty, the
 *   serving-and-terminating endpoints (any node, topology ignored).
 * - R-EP-2 Local set: local ready endpoints; else local serving-and-terminating ones; else empty. Decided
 *   independently of the Cluster set. Never filtered by topology.
 * - R-EP-3 hasAnyEndpoints: some endpoint anywhere is ready or serving-and-terminating.
 * - R-EP-4 Endpoints neither ready nor serving-and-terminating are ignored.
 * - R-EP-5 Topology: PreferSameNode when every ready endpoint has a node hint and one names this node;
 *   else PreferSameZone when every ready endpoint has a zone hint and one names this node's zone; else none.
 */
import type { EndpointModel } from '../model';
import type { HintedEndpoint } from './hints';
import type { ServiceFlags } from './service-flags';

export type TopologyMode = '' | 'PreferSameNode' | 'PreferSameZone';

export interface Categorization {
  /** Cluster-policy endpoints (null when the Service never uses the Cluster policy). */
  cluster: EndpointModel[] | null;
  /** Local-policy endpoints (null when the Service never uses the Local policy). */
  local: EndpointModel[] | null;
  /** Union of both sets: every endpoint this node may send to (kube-proxy's allReachableEndpoints). */
  allReachable: EndpointModel[];
  /** Whether the Local set fell back to serving-and-terminating endpoints. */
  localServingTerminating: boolean;
  /** Whether the Cluster set fell back to serving-and-terminating endpoints. */
  clusterServingTerminating: boolean;
  hasAnyEndpoints: boolean;
  topologyMode: TopologyMode;
}

const isServingTerminating = (e: EndpointModel) => e.serving && e.terminating;

/** What topologyModeFromHints reads of the ready endpoints' hints; it does not depend on the node. */
export interface HintSummary {
  anyReady: boolean;
  /** Every ready endpoint has a node hint / a zone hint. */
  allNodeHints: boolean;
  allZoneHints: boolean;
  /** The node and zone hints of the ready endpoints. */
  nodes: Set<string>;
  zones: Set<string>;
}

export function summarizeHints(endpoints: readonly HintedEndpoint[]): HintSummary {
  const s: HintSummary = { anyReady: false, allNodeHints: true, allZoneHints: true, nodes: new Set(), zones: new Set() };
  for (const h of endpoints) {
    if (!h.endpoint.ready) continue;
    s.anyReady = true;
    if (h.forNode === null) s.allNodeHints = false;
    else s.nodes.add(h.forNode);
    if (h.forZone === null) s.allZoneHints = false;
    else s.zones.add(h.forZone);
  }
  return s;
}

/** kube-proxy topologyModeFromHints (R-EP-5; PreferSameTrafficDistribution assumed on: GA in 1.35), from a summary. */
export function topologyModeOf(s: HintSummary, nodeName: string, zone: string | null): TopologyMode {
  if (!s.anyReady) return '';
  if (s.allNodeHints && s.nodes.has(nodeName)) return 'PreferSameNode';
  if (s.allZoneHints && zone !== null && s.zones.has(zone)) return 'PreferSameZone';
  return '';
}

/** kube-proxy topologyModeFromHints for the kube-proxy on `nodeName` in `zone`. */
export function topologyModeFromHints(endpoints: readonly HintedEndpoint[], nodeName: string, zone: string | null): TopologyMode {
  return topologyModeOf(summarizeHints(endpoints), nodeName, zone);
}

function availableForTopology(h: HintedEndpoint, mode: TopologyMode, nodeName: string, zone: string | null): boolean {
  if (mode === '') return true;
  if (mode === 'PreferSameNode') return h.forNode === nodeName;
  return zone !== null && h.forZone === zone;
}

/**
 * Categorises a Service's endpoints as the kube-proxy on `nodeName` (zone `zone`) sees them.
 * Inputs: the hinted endpoints (see hints.ts), the Service flags, and the node's name and zone.
 * Outputs: the Cluster and Local sets (in endpoint order), their fallbacks, hasAnyEndpoints and the topology mode.
 */
export function categorizeEndpoints(
  hinted: readonly HintedEndpoint[],
  flags: Pick<ServiceFlags, 'usesClusterEndpoints' | 'usesLocalEndpoints'>,
  nodeName: string,
  zone: string | null,
): Categorization {
  const result: Categorization = {
    cluster: null,
    local: null,
    allReachable: [],
    localServingTerminating: false,
    clusterServingTerminating: false,
    hasAnyEndpoints: false,
    topologyMode: '',
  };
  if (hinted.length === 0) return result;

  if (flags.usesClusterEndpoints) {
    const mode = topologyModeFromHints(hinted, nodeName, zone);
    result.topologyMode = mode;
    const cluster: EndpointModel[] = [];
    for (const h of hinted) {
      if (h.endpoint.ready && availableForTopology(h, mode, nodeName, zone)) cluster.push(h.endpoint);
    }
    if (cluster.length === 0) {
      for (const h of hinted) if (isServingTerminating(h.endpoint)) cluster.push(h.endpoint);
      result.clusterServingTerminating = cluster.length > 0;
    }
    result.cluster = cluster;
    if (cluster.length > 0) result.hasAnyEndpoints = true;
  }

  if (!flags.usesLocalEndpoints) {
    result.allReachable = result.cluster ?? [];
    return result;
  }

  let hasLocalReady = false;
  let hasLocalServingTerminating = false;
  for (const h of hinted) {
    const e = h.endpoint;
    if (e.ready) {
      result.hasAnyEndpoints = true;
      if (e.node === nodeName) hasLocalReady = true;
    } else if (isServingTerminating(e)) {
      result.hasAnyEndpoints = true;
      if (e.node === nodeName) hasLocalServingTerminating = true;
    }
  }
  const local: EndpointModel[] = [];
  if (hasLocalReady) {
    for (const h of hinted) if (h.endpoint.node === nodeName && h.endpoint.ready) local.push(h.endpoint);
  } else if (hasLocalServingTerminating) {
    result.localServingTerminating = true;
    for (const h of hinted) if (h.endpoint.node === nodeName && isServingTerminating(h.endpoint)) local.push(h.endpoint);
  }
  result.local = local;
  result.allReachable = mergeReachable(result.cluster, local, result.topologyMode, result.localServingTerminating);
  return result;
}

/**
 * kube-proxy's allReachableEndpoints: the Cluster set when it must contain the Local set (no topology
 * filtering and no serving-terminating Local fallback), else the union of both (cluster order first).
 */
export function mergeReachable(cluster: EndpointModel[] | null, local: EndpointModel[], mode: TopologyMode, localServingTerminating: boolean): EndpointModel[] {
  if (cluster === null) return local;
  if (mode === '' && !localServingTerminating) return cluster;
  const merged = [...cluster];
  const seen = new Set(cluster);
  for (const e of local) if (!seen.has(e)) merged.push(e);
  return merged;
}

/**
 * The per-scenario evaluation context: everything that does not depend on a single flow is computed once
 * here (Service flags, topology hints, the local-traffic detector, node addresses) and the per-node endpoint
 * categorisation (R-EP-1..5) is computed at most once per node. Flows, health checks and load shares all read
 * from it, so eligibility is decided in exactly one place.
 */
import type { EndpointModel, NodeModel, PodModel, Scenario } from '../model';
import {
  assignHints,
  categorizeEndpoints,
  mergeReachable,
  serviceFlags,
  type Categorization,
  type HintedEndpoint,
  type ServiceFlags,
} from '../endpoints';
import { proxyModeTraits, type ProxyModeTraits } from '../proxy-modes';
import { cidrContains, LOOPBACK_IP } from '../net';

export interface EngineContext {
  scenario: Scenario;
  flags: ServiceFlags;
  traits: ProxyModeTraits;
  nodes: ReadonlyMap<string, NodeModel>;
  pods: ReadonlyMap<string, PodModel>;
  hinted: readonly HintedEndpoint[];
  /** Whether any endpoint carries a topology hint (R-EP-5). */
  hasHints: boolean;
  /**
   * kube-proxy's LocalTrafficDetector (R-EXT-4, R-INT-2): true when the source IP is a pod's. null when
   * kube-proxy runs without one (detectLocal false, R-EXT-8).
   */
  isPodSource: ((ip: string) => boolean) | null;
  /** R-EP-1..5 for the kube-proxy on `node` (cached). */
  categorization(node: NodeModel): Categorization;
  /** Whether `ip` is a local address of `node` (its IP, extra IPs, or 127.0.0.1). */
  isLocalAddress(node: NodeModel, ip: string): boolean;
  /** R-HC-2 localEndpoints per node name (distinct IPs of ready local endpoints), computed in one pass. */
  localReadyCount(nodeName: string): number;
  /** Memo for traces shared by the flows and the load shares; keyed by traffic. */
  traceCache: Map<string, unknown>;
}

export function createContext(scenario: Scenario): EngineContext {
  const flags = serviceFlags(scenario.service);
  const nodes = new Map<string, NodeModel>();
  for (const n of scenario.cluster.nodes) nodes.set(n.name, n);
  const pods = new Map<string, PodModel>();
  for (const p of scenario.cluster.pods) pods.set(p.pod, p);

  const hinted = assignHints(scenario.endpoints, scenario.service.trafficDistribution);
  const hasHints = hinted.some((h) => h.forZone !== null || h.forNode !== null);

  const { detectLocal, clusterCIDR } = scenario.cluster;
  let isPodSource: ((ip: string) => boolean) | null = null;
  if (detectLocal) {
    if (clusterCIDR) {
      isPodSource = (ip) => cidrContains(clusterCIDR, ip);
    } else {
      const podIPs = new Set(scenario.cluster.pods.map((p) => p.ip));
      isPodSource = (ip) => podIPs.has(ip);
    }
  }

  // Without hints the Cluster set does not depend on the node: compute it once and share the array.
  let sharedCluster: Categorization | null = null;
  if (!hasHints) {
    sharedCluster = categorizeEndpoints(hinted, { usesClusterEndpoints: flags.usesClusterEndpoints, usesLocalEndpoints: false }, '', null);
  }
  const cache = new Map<string, Categorization>();
  const categorization = (node: NodeModel): Categorization => {
    const hit = cache.get(node.name);
    if (hit) return hit;
    let result: Categorization;
    if (sharedCluster) {
      const local = categorizeEndpoints(hinted, { usesClusterEndpoints: false, usesLocalEndpoints: flags.usesLocalEndpoints }, node.name, node.zone);
      result = {
        ...local,
        cluster: sharedCluster.cluster,
        allReachable: flags.usesLocalEndpoints
          ? mergeReachable(sharedCluster.cluster, local.local ?? [], '', local.localServingTerminating)
          : (sharedCluster.cluster ?? []),
        clusterServingTerminating: sharedCluster.clusterServingTerminating,
        hasAnyEndpoints: sharedCluster.hasAnyEndpoints || local.hasAnyEndpoints,
        topologyMode: '',
      };
    } else {
      result = categorizeEndpoints(hinted, flags, node.name, node.zone);
    }
    cache.set(node.name, result);
    return result;
  };

  let readyCounts: Map<string, number> | null = null;
  const localReadyCount = (nodeName: string): number => {
    if (!readyCounts) {
      readyCounts = new Map();
      const seen = new Set<string>();
      for (const e of scenario.endpoints) {
        if (!e.ready || e.node === null) continue;
        const key = `${e.node}|${e.ip}`;
        if (seen.has(key)) continue;
        seen.add(key);
        readyCounts.set(e.node, (readyCounts.get(e.node) ?? 0) + 1);
      }
    }
    return readyCounts.get(nodeName) ?? 0;
  };

  const isLocalAddress = (node: NodeModel, ip: string) => ip === node.ip || ip === LOOPBACK_IP || node.extraIPs.includes(ip);

  return {
    scenario,
    flags,
    traits: proxyModeTraits(scenario.cluster.proxyMode),
    nodes,
    pods,
    hinted,
    hasHints,
    isPodSource,
    categorization,
    isLocalAddress,
    localReadyCount,
    traceCache: new Map(),
  };
}

/** All endpoints usable anywhere: ready, or serving-and-terminating (R-EP-3/4). */
export function usableAnywhere(endpoints: readonly EndpointModel[]): boolean {
  return endpoints.some((e) => e.ready || (e.serving && e.terminating));
}

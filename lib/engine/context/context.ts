/**
 * The per-scenario evaluation context: everything that does not depend on a single flow is computed once
 * here (Service flags, topology hints, the local-traffic detector, node addresses, R-HC-2 counts) and the
 * per-node endpoint categorisation (R-EP-1..5) is computed at most once per node. Flows, health checks and load
 * shares all read from it, so eligibility is decided in exactly one place. A class, not closures, because an
 * evaluation creates one per call and must stay cheap.
 */
import type { EndpointModel, NodeModel, PodModel, Scenario } from '../model';
import {
  assignHints,
  categorizeEndpoints,
  mergeReachable,
  serviceFlags,
  summarizeHints,
  topologyModeOf,
  type Categorization,
  type HintedEndpoint,
  type HintSummary,
  type ServiceFlags,
} from '../endpoints';
import { proxyModeTraits, type ProxyModeTraits } from '../proxy-modes';
import type { BalancerPlan } from '../balancer';
import { cidrContains } from '../net';
import { ciliumLocalEndpointCounts } from '../health-check/cilium-health';

export class EngineContext {
  readonly flags: ServiceFlags;
  readonly traits: ProxyModeTraits;
  readonly nodes = new Map<string, NodeModel>();
  readonly hinted: readonly HintedEndpoint[];
  /** Whether any endpoint carries a topology hint (R-EP-5). */
  readonly hasHints: boolean;
  /** kube-proxy runs with a LocalTrafficDetector (R-EXT-4, R-INT-2); false: detectLocal off (R-EXT-8). */
  readonly hasDetector: boolean;
  /** Memo for traces shared by the flows and the load shares; keyed by canonical traffic. */
  readonly traceCache = new TrafficMemo<unknown>();
  /** Memo for the balancer's plan (balancer/plan.ts). A field, not a WeakMap: one WeakMap entry per short-lived context made evaluation GC-bound. */
  balancerPlan: BalancerPlan | null = null;

  private readonly podIPs: Set<string> | null = null;
  private readonly sharedCluster: Categorization | null = null;
  /** Endpoints by nodeName, in endpoint order (the Local set only ever looks at one node's). */
  private readonly byNode = new Map<string, HintedEndpoint[]>();
  /** Topology facts that do not depend on the node (summarizeHints, hoisted); null without hints. */
  private readonly topo: HintSummary | null = null;
  /** Cluster sets by topology key ("", "zone:<z>", "node:<n>"): nodes in one zone share one array. */
  private readonly clusterByKey = new Map<string, Categorization>();
  private readonly categorizations = new Map<string, Categorization>();
  private readyCounts: Map<string, number> | null = null;
  private podsByName: Map<string, PodModel> | null = null;
  /** Each large endpoint set's positions by nodeName (see localPositions); created on first use. */
  private positionsByNode: Map<readonly EndpointModel[], Map<string, number[]>> | null = null;

  constructor(readonly scenario: Scenario) {
    this.flags = serviceFlags(scenario.service);
    this.traits = proxyModeTraits(scenario.cluster.proxyMode);
    for (const n of scenario.cluster.nodes) this.nodes.set(n.name, n);
    this.hinted = assignHints(scenario.endpoints, scenario.service.trafficDistribution);
    let hasHints = false;
    for (const h of this.hinted) if (h.forZone !== null || h.forNode !== null) hasHints = true;
    this.hasHints = hasHints;
    this.hasDetector = scenario.cluster.detectLocal;
    if (this.hasDetector && !scenario.cluster.clusterCIDR) {
      this.podIPs = new Set();
      for (const p of scenario.cluster.pods) this.podIPs.add(p.ip);
    }
    for (const h of this.hinted) {
      const node = h.endpoint.node;
      if (node === null) continue;
      let list = this.byNode.get(node);
      if (!list) this.byNode.set(node, (list = []));
      list.push(h);
    }
    if (hasHints) this.topo = summarizeHints(this.hinted);
    // Without hints the Cluster set does not depend on the node: compute it once and share the array.
    if (!hasHints) {
      this.sharedCluster = categorizeEndpoints(this.hinted, { usesClusterEndpoints: this.flags.usesClusterEndpoints, usesLocalEndpoints: false }, '', null);
    }
  }

  /** The Pod named `name` (a `pod/NAME` sender). Indexed on first use: most evaluations have no Pod sender. */
  pod(name: string): PodModel | undefined {
    if (!this.podsByName) {
      this.podsByName = new Map();
      for (const p of this.scenario.cluster.pods) this.podsByName.set(p.pod, p);
    }
    return this.podsByName.get(name);
  }

  /**
   * kube-proxy's LocalTrafficDetector: the source is a pod (inside clusterCIDR, or — when the scenario gives
   * no CIDR — one of its Pods). Always false without a detector.
   */
  isPodSource(ip: string): boolean {
    if (!this.hasDetector) return false;
    const cidr = this.scenario.cluster.clusterCIDR;
    return cidr ? cidrContains(cidr, ip) : (this.podIPs?.has(ip) ?? false);
  }

  /**
   * R-EP-1..5 for the kube-proxy on `node` (cached). Equivalent to `categorizeEndpoints(hinted, flags, node,
   * zone)` (a property test checks it), computed from per-zone/per-node shared pieces so that large clusters
   * do not repeat the same scans on every node.
   */
  categorization(node: NodeModel): Categorization {
    const hit = this.categorizations.get(node.name);
    if (hit) return hit;
    const cluster = this.clusterPart(node);
    const usesLocal = this.flags.usesLocalEndpoints;
    const local = categorizeEndpoints(this.byNode.get(node.name) ?? [], { usesClusterEndpoints: false, usesLocalEndpoints: usesLocal }, node.name, node.zone);
    // kube-proxy: no endpoints at all → nil sets; endpoints only elsewhere → an empty Local set.
    const localSet = usesLocal ? (local.local ?? (this.hinted.length > 0 ? [] : null)) : null;
    const result: Categorization = {
      cluster: cluster.cluster,
      local: localSet,
      allReachable: usesLocal ? mergeReachable(cluster.cluster, localSet ?? [], cluster.topologyMode, local.localServingTerminating) : (cluster.cluster ?? []),
      localServingTerminating: local.localServingTerminating,
      clusterServingTerminating: cluster.clusterServingTerminating,
      // Any endpoint anywhere (R-EP-3); the Cluster part already knows when it is used.
      hasAnyEndpoints: this.anyUsable(),
      topologyMode: cluster.topologyMode,
    };
    this.categorizations.set(node.name, result);
    return result;
  }

  private anyUsableCache: boolean | null = null;
  private anyUsable(): boolean {
    this.anyUsableCache ??= usableAnywhere(this.scenario.endpoints);
    return this.anyUsableCache;
  }

  /** The node-dependent Cluster part: shared without hints, per topology key with them. */
  private clusterPart(node: NodeModel): Categorization {
    if (this.sharedCluster) return this.sharedCluster;
    // Nodes with the same topology mode and key see the same Cluster set (R-EP-5).
    const mode = topologyModeOf(this.topo!, node.name, node.zone);
    const key = mode === 'PreferSameNode' ? `node:${node.name}` : mode === 'PreferSameZone' ? `zone:${node.zone}` : '';
    let part = this.clusterByKey.get(key);
    if (!part) {
      part = categorizeEndpoints(this.hinted, { usesClusterEndpoints: this.flags.usesClusterEndpoints, usesLocalEndpoints: false }, node.name, node.zone);
      this.clusterByKey.set(key, part);
    }
    return part;
  }

  /** R-HC-2 localEndpoints for a node (distinct IPs of ready local endpoints), counted once for all nodes. */
  localReadyCount(nodeName: string): number {
    this.readyCounts ??= readyCountsByNode(this.scenario.endpoints);
    return this.readyCounts.get(nodeName) ?? 0;
  }

  private ciliumCounts: Map<string, number> | null = null;

  /**
   * The count the node's health-check node port reports: Cilium's (R-HC-CIL-2: backends, incl. endpoints without
   * nodeName) under cilium-*, kube-proxy's (R-HC-2) otherwise.
   */
  healthCheckCount(nodeName: string): number {
    if (this.traits.family !== 'cilium') return this.localReadyCount(nodeName);
    this.ciliumCounts ??= ciliumLocalEndpointCounts(this.scenario);
    return this.ciliumCounts.get(nodeName) ?? 0;
  }

  /** Whether the node's health-check node port answers 200: R-HC-3 (kube-proxy) or R-HC-CIL-4 (no proxy-health term). */
  healthCheckPasses(node: NodeModel): boolean {
    if (this.traits.family === 'cilium') return this.healthCheckCount(node.name) > 0;
    return node.proxyHealthy && this.localReadyCount(node.name) > 0;
  }

  /**
   * How many endpoints of `set` are not on `nodeName` (R-X-1..3; an endpoint without nodeName is on no node).
   */
  remoteCount(set: readonly EndpointModel[], nodeName: string): number {
    if (set.length < LARGE_SET) return countRemote(set, nodeName);
    return set.length - this.localPositions(set, nodeName).length;
  }

  /**
   * Positions in `set` (ascending) of the endpoints whose nodeName is `nodeName`. A large set is indexed by node
   * once and then answered per node: the shared Cluster set is asked by every node's flow and by the load
   * shares, which was a scan of the whole set (a string compare per endpoint) per node.
   */
  localPositions(set: readonly EndpointModel[], nodeName: string): readonly number[] {
    if (set.length < LARGE_SET) return positionsOn(set, nodeName);
    this.positionsByNode ??= new Map();
    let index = this.positionsByNode.get(set);
    if (!index) {
      index = new Map();
      for (let i = 0; i < set.length; i++) {
        const node = set[i]!.node;
        if (node === null) continue;
        let list = index.get(node);
        if (!list) index.set(node, (list = []));
        list.push(i);
      }
      this.positionsByNode.set(set, index);
    }
    return index.get(nodeName) ?? NO_POSITIONS;
  }
}

/** Below this size a set is scanned per question rather than indexed (indexing costs more than it saves). */
const LARGE_SET = 64;
const NO_POSITIONS: readonly number[] = [];

function positionsOn(set: readonly EndpointModel[], nodeName: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < set.length; i++) if (set[i]!.node === nodeName) out.push(i);
  return out;
}

/** Endpoints of `set` whose nodeName is not `nodeName` (no nodeName counts as another node). */
function countRemote(set: readonly EndpointModel[], nodeName: string): number {
  let remote = 0;
  for (const e of set) if (e.node !== nodeName) remote++;
  return remote;
}

/**
 * R-HC-2 counts for every node. Endpoint IPs are nearly always distinct across the whole Service, so one set of
 * IPs suffices (no per-endpoint key strings); only when an IP repeats is the exact per-node count needed, which
 * keys by node and IP.
 */
function readyCountsByNode(endpoints: readonly EndpointModel[], exact = false): Map<string, number> {
  const counts = new Map<string, number>();
  const seen = new Set<string>();
  for (const e of endpoints) {
    if (!e.ready || e.node === null) continue;
    const key = exact ? `${e.node}|${e.ip}` : e.ip;
    if (seen.has(key)) {
      if (!exact) return readyCountsByNode(endpoints, true);
      continue;
    }
    seen.add(key);
    counts.set(e.node, (counts.get(e.node) ?? 0) + 1);
  }
  return counts;
}

/**
 * A memo keyed by a flow's canonical (from, to, node, ip). Nested maps on those strings rather than one joined
 * string key: a joined key is a new string that must be flattened and hashed on every lookup (the hottest line
 * of a small evaluation), while the parts are the scenario's own strings, whose hashes V8 caches.
 */
export class TrafficMemo<V> {
  private readonly root = new Map<string, Map<string, Map<string, Map<string, V>>>>();

  get(from: string, to: string, node: string, ip: string): V | undefined {
    return this.root.get(from)?.get(to)?.get(node)?.get(ip);
  }

  set(from: string, to: string, node: string, ip: string, value: V): void {
    let byTo = this.root.get(from);
    if (!byTo) this.root.set(from, (byTo = new Map()));
    let byNode = byTo.get(to);
    if (!byNode) byTo.set(to, (byNode = new Map()));
    let byIp = byNode.get(node);
    if (!byIp) byNode.set(node, (byIp = new Map()));
    byIp.set(ip, value);
  }
}

export function createContext(scenario: Scenario): EngineContext {
  return new EngineContext(scenario);
}

/** All endpoints usable anywhere: ready, or serving-and-terminating (R-EP-3/4). */
export function usableAnywhere(endpoints: readonly EndpointModel[]): boolean {
  return endpoints.some((e) => e.ready || (e.serving && e.terminating));
}

/**
 * The explorer's state: a small cluster layout the learner edits. Pure data, no React. Everything the
 * page shows is derived from it (scenario → engine answer → diagram, tables, manifests, commands).
 */
import type { Balancing, ProxyMode } from '@/lib/engine';
import { TRAFFIC_DISTRIBUTIONS } from '@/lib/engine/endpoints/hints';

export { TRAFFIC_DISTRIBUTIONS };

export type Policy = 'Cluster' | 'Local';
export type ExplorerPodState = 'ready' | 'not-ready' | 'terminating';

export interface ExplorerPod {
  /** Index into `nodes`. */
  node: number;
  state: ExplorerPodState;
  /** The number in its name (web-N); absent: its position + 1. Kept when other Pods are removed. */
  id?: number;
}

export const ZONES = ['zone-a', 'zone-b', 'zone-c'] as const;
export type Zone = (typeof ZONES)[number];

export interface ExplorerNode {
  /** Being drained for deletion: tainted ToBeDeletedByClusterAutoscaler (R-PH-3). */
  drained: boolean;
  /** Its topology.kubernetes.io/zone label; absent: none. */
  zone?: Zone;
}

/**
 * Where the traffic the packet walk follows comes from. `node` is the node it enters (external: the
 * load balancer's pick) or the node of the sender (a client Pod there, or the node's host network).
 */
export interface TrafficSource {
  kind: 'external' | 'pod' | 'node';
  node: number;
}

/** Where an inside sender (client Pod, host network) dials: the Service's ClusterIP, its LB IP, or a NodePort. */
export type Destination = 'clusterIP' | 'loadBalancer' | 'nodePort';
export type TrafficDistribution = (typeof TRAFFIC_DISTRIBUTIONS)[number];
/** The API server's default sessionAffinityConfig.clientIP.timeoutSeconds, and its upper bound. */
export const DEFAULT_AFFINITY_TIMEOUT = 10800;
export const MAX_AFFINITY_TIMEOUT = 86400;

/**
 * The explorer's layout. The Service fields for inside traffic are optional and absent when they hold the
 * default, so a layout without them is exactly the one older links (and the URL codec's version 1) describe.
 */
export interface ExplorerState {
  /** externalTrafficPolicy. */
  policy: Policy;
  proxyMode: ProxyMode;
  balancing: Balancing;
  targets: 'nodes' | 'pods';
  preservesClientIP: boolean;
  nodes: ExplorerNode[];
  pods: ExplorerPod[];
  source: TrafficSource;
  /** An inside sender's destination; absent: the LB address (what older links meant). Outside traffic always uses the LB. */
  destination?: Exclude<Destination, 'loadBalancer'>;
  /** internalTrafficPolicy Local (R-INT-1); absent: Cluster. */
  internalLocal?: true;
  /** sessionAffinity ClientIP with its timeout (R-LB-5); absent: None. */
  affinity?: { timeoutSeconds: number };
  /** spec.trafficDistribution (R-EP-5); absent: none set, so no topology hints. */
  trafficDistribution?: TrafficDistribution;
}

/** Where the walked traffic is aimed: outside traffic always at the balancer's address. */
export function destinationOf(state: ExplorerState): Destination {
  return state.source.kind === 'external' ? 'loadBalancer' : (state.destination ?? 'loadBalancer');
}
export function internalPolicyOf(state: ExplorerState): Policy {
  return state.internalLocal ? 'Local' : 'Cluster';
}

export const EXPLORER_LIMITS = { minNodes: 1, maxNodes: 6, maxPods: 12, maxPodsPerNode: 6 } as const;

/** The seed article's uneven layout: three Pods on node-a, one on node-b, none on node-c. */
export const DEFAULT_STATE: ExplorerState = {
  policy: 'Local',
  proxyMode: 'iptables',
  balancing: 'healthy-nodes',
  targets: 'nodes',
  preservesClientIP: true,
  nodes: [{ drained: false }, { drained: false }, { drained: false }],
  pods: [
    { node: 0, state: 'ready' },
    { node: 0, state: 'ready' },
    { node: 0, state: 'ready' },
    { node: 1, state: 'ready' },
  ],
  source: { kind: 'external', node: 0 },
};

export const NODE_LETTERS = 'abcdef';

export function nodeName(index: number): string {
  return `node-${NODE_LETTERS[index] ?? String(index)}`;
}
export function nodeIp(index: number): string {
  return `10.0.1.${10 + index}`;
}
/** The number in the Pod's name: its own id, else its position + 1. */
export function podNumber(state: ExplorerState, index: number): number {
  return state.pods[index]?.id ?? index + 1;
}
/** The name of the Pod at `index` (web-N): stable when other Pods are removed. */
export function podName(state: ExplorerState, index: number): string {
  return `web-${podNumber(state, index)}`;
}
export function podIp(state: ExplorerState, index: number): string {
  const pod = state.pods[index];
  return `10.244.${(pod?.node ?? 0) + 1}.${9 + podNumber(state, index)}`;
}
/** The pods with every id written out (so removing one renames none). */
export function numberedPods(state: ExplorerState): ExplorerPod[] {
  return state.pods.map((p, i) => ({ ...p, id: podNumber(state, i) }));
}
/** Drops ids equal to position + 1, so a layout with no gaps encodes as before. */
export function tidyPods(pods: ExplorerPod[]): ExplorerPod[] {
  return pods.map((p, i) => {
    if (p.id !== i + 1) return p;
    const rest = { ...p };
    delete rest.id;
    return rest;
  });
}
export const CLIENT_POD = 'client';
export const HEALTH_CHECK_NODE_PORT = 32000;
export const NODE_PORT = 30080;
export const LB_IP = '198.51.100.20';
export const CLIENT_IP = '203.0.113.10';

export function podsOnNode(state: ExplorerState, node: number): number {
  return state.pods.filter((p) => p.node === node).length;
}

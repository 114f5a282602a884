/**
 * The engine's model of a cluster, in Kubernetes vocabulary. Built from a parsed scenario document by
 * `scenario/normalize.ts` (every default filled in, every cross-reference checked), read by everything else.
 * Nothing here is optional that has a default: consumers never re-apply defaults.
 */
import type { UpdateAnswer } from './answer';
import type { Balancing, ProxyMode, ServiceType, TrafficDestination } from './scenario/schema';

export type { Balancing, ProxyMode, ServiceType, TrafficDestination };

export interface NodeModel {
  name: string;
  /** InternalIP. */
  ip: string;
  /** Other addresses local to the node (an externalIP bound here, a second NIC, …). */
  extraIPs: string[];
  podCIDR: string | null;
  /** The address of the Pod bridge: the SNAT source toward a Pod on this node (R-SRC-2). */
  bridgeIP: string;
  /** topology.kubernetes.io/zone */
  zone: string | null;
  /** Taint keys. */
  taints: string[];
  /** The Node has a deletionTimestamp (R-PH-3). */
  deleting: boolean;
  /** false: kube-proxy has queued updates it has not applied within healthTimeout (R-PH-2). */
  proxyHealthy: boolean;
}

/**
 * An EndpointSlice endpoint for one Pod selected by the Service (KP-ESC addEndpoints).
 * `node` is the endpoint's nodeName; null means no nodeName: never local to any kube-proxy.
 */
export interface EndpointModel {
  pod: string;
  node: string | null;
  ip: string;
  zone: string | null;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
}

/** A Pod of the scenario (selected or not): Pods are also traffic sources. */
export interface PodModel extends EndpointModel {
  labels: Record<string, string>;
  /** Whether the Service selects it (and so it is an endpoint). */
  selected: boolean;
}

export interface ServicePortModel {
  name: string | null;
  port: number;
  targetPort: number | string;
  nodePort: number | null;
  protocol: 'TCP' | 'UDP' | 'SCTP';
}

export interface LoadBalancerIngressModel {
  ip: string;
  ipMode: 'VIP' | 'Proxy';
}

/** The Service after API defaulting (R-API-2); raw strings kept where validation must quote them. */
export interface ServiceModel {
  name: string;
  namespace: string;
  type: ServiceType;
  selector: Record<string, string> | null;
  clusterIP: string | null;
  /** As written (may be invalid, e.g. "Foo"); `validation` reports it. null = unset and not defaulted. */
  externalTrafficPolicy: string | null;
  internalTrafficPolicy: string | null;
  /** 0 = none. */
  healthCheckNodePort: number;
  externalIPs: string[];
  loadBalancerSourceRanges: string[];
  sessionAffinity: 'None' | 'ClientIP';
  sessionAffinityTimeoutSeconds: number;
  trafficDistribution: string | null;
  allocateLoadBalancerNodePorts: boolean | null;
  ports: ServicePortModel[];
  ingress: LoadBalancerIngressModel[];
}

export interface ClusterModel {
  proxyMode: ProxyMode;
  /** The local-traffic detector's CIDR; null with detectLocal: the scenario's Pod IPs are the pod sources. */
  clusterCIDR: string | null;
  detectLocal: boolean;
  masqueradeAll: boolean;
  localhostNodePorts: boolean;
  /** 'all' (iptables default) | 'primary' (nftables default) | CIDRs. */
  nodePortAddresses: 'all' | 'primary' | string[];
  /** --service-node-port-range as written (R-API-UPD-5/7); null: the default 30000-32767, not range-checked on create. */
  nodePortRange: { first: number; last: number } | null;
  /** NodePorts held by other Services (R-API-UPD-5/7). */
  usedNodePorts: number[];
  /** cilium-*: Cilium serves :10256/healthz (R-HC-CIL-7); false: nothing listens on 10256. */
  kubeProxyReplacementHealthz: boolean;
  nodes: NodeModel[];
  pods: PodModel[];
}

export interface LoadBalancerModel {
  balancing: Balancing;
  targets: 'nodes' | 'pods';
  preservesClientIP: boolean;
  ip: string;
}

export interface TrafficModel {
  /** external | localhost | pod/NAME | node/NAME */
  from: string;
  to: TrafficDestination;
  /** The node that receives it (see scenario-format.md); null for a Pod with no node. */
  node: string | null;
  /** The destination address. */
  ip: string | null;
}

export interface Scenario {
  name: string | null;
  cluster: ClusterModel;
  service: ServiceModel;
  /** The Service's endpoints, in scenario order (Pods matching the selector). */
  endpoints: EndpointModel[];
  loadBalancer: LoadBalancerModel;
  client: { ip: string };
  /** The flows to evaluate: as written, or the defaults of scenario-format.md. */
  traffic: TrafficModel[];
  /**
   * The outcome of an update (R-API-UPD-9) when the scenario carries `previous`; `service` is then the Service
   * stored afterwards (or `previous`, when the update is refused). Absent or null: the scenario is a create.
   */
  update?: UpdateAnswer | null;
}

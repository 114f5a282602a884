/**
 * The engine's model of a cluster, in Kubernetes vocabulary. Built from a parsed scenario document by
 * `scenario/normalize.ts` (every default filled in, every cross-reference checked), read by everything else.
 * Nothing here is optional that has a default: consumers never re-apply defaults.
 */
import type { UpdateAnswer } from './answer';
import type {
  Balancing,
  BalancingModel,
  CniInterNode,
  CniPodInterface,
  CniPreset,
  LoadBalancerProvider,
  ProxyMode,
  ServiceType,
  TrafficDestination,
} from './scenario/schema';

export type { Balancing, BalancingModel, CniInterNode, CniPodInterface, CniPreset, LoadBalancerProvider, ProxyMode, ServiceType, TrafficDestination };

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
  /**
   * The overlay device's address, the SNAT source toward a Pod on another node when the plugin tunnels (R-CNI-3):
   * as written, else podCIDR's network address; null only when the plugin does not tunnel and there is no podCIDR.
   */
  tunnelIP: string | null;
  /** Node labels (R-LBK-1/7/8: node.kubernetes.io/exclude-from-external-load-balancers). */
  labels: Record<string, string>;
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
  /** Ingress entries with an IP (kube-proxy programs only these, R-LBIP-1). */
  ingress: LoadBalancerIngressModel[];
  /** Hostnames of ingress entries without an IP: kube-proxy programs nothing for them (R-LBK-9). */
  ingressHostnames: string[];
  /** metadata.annotations (R-LBK-2 reads GKE's networking.gke.io/weighted-load-balancing). */
  annotations: Record<string, string>;
}

/**
 * The network plugin's two facts that decide a masqueraded packet's source (R-CNI-5). `declared` is false when the
 * scenario names no plugin: {bridge, direct}, answered exactly as before R-CNI (steps included).
 */
export interface CniModel {
  declared: boolean;
  /** The preset named, or null (an object, or nothing declared). */
  preset: CniPreset | null;
  podInterface: CniPodInterface;
  interNode: CniInterNode;
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
  cni: CniModel;
  nodes: NodeModel[];
  pods: PodModel[];
}

/** The external load balancer (R-LB-6, R-LBK-*), every provider default (R-LBK-10) filled in. */
export interface LoadBalancerModel {
  provider: LoadBalancerProvider;
  balancing: BalancingModel;
  targets: 'nodes' | 'pods';
  preservesClientIP: boolean;
  ip: string;
  /** AWS: cross-zone load balancing (R-LBK-3/5). */
  crossZone: boolean;
  /** Enabled zones (the balancer's subnets); a node without a zone is in zone null. Default: every node's zone. */
  zones: Array<string | null>;
  /** When every target fails its check: spread over all (fail-open) or send nothing (drop). */
  allUnhealthy: 'fail-open' | 'drop';
  /** MetalLB: eligible speaker nodes (default every node), in node order. */
  speakers: string[];
  /** MetalLB layer 2: preference scores by node name (R-LBK-7). */
  preferredNodes: Record<string, number>;
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

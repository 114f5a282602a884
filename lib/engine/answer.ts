/**
 * The engine's answer (../shared/scenario-format.md, "The answer"). Field names are the contract.
 * Every share and probability is an exact fraction in lowest terms, as a string: "0", "1", "1/6".
 */

/** An exact fraction rendered as a string: "0", "1", "1/6". */
export type ShareString = string;

/** `unanswered`: no node receives the packet (MetalLB with no eligible node, Azure with every probe down; R-LBK). */
export type Verdict = 'forwarded' | 'dropped' | 'rejected' | 'unmatched' | 'asymmetric' | 'unanswered';
/** `tunnel`: SNAT to the sending node's overlay address (R-CNI-3). */
export type SourceIpKind = 'client' | 'node' | 'bridge' | 'tunnel' | 'loadBalancer';

export interface ValidationAnswer {
  valid: boolean;
  /** Exact API-server messages, e.g. `spec.externalTrafficPolicy: Required value` (R-API-3). */
  errors: string[];
}

export interface ServiceAnswer {
  /** After API defaulting (R-API-2); null when the field does not apply to this Service. */
  externalTrafficPolicy: 'Cluster' | 'Local' | null;
  internalTrafficPolicy: 'Cluster' | 'Local' | null;
  healthCheckNodePort: number | null;
  /** R-API-2: defaulted to true for type LoadBalancer; null when the Service is not a LoadBalancer. */
  allocateLoadBalancerNodePorts: boolean | null;
}

export interface EndpointAnswer {
  pod: string;
  node: string | null;
  ip: string;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
}

export interface HealthCheckNodeAnswer {
  status: 200 | 503;
  headers: {
    'Content-Type': 'application/json';
    'X-Content-Type-Options': 'nosniff';
    'X-Load-Balancing-Endpoint-Weight': string;
  };
  /** Byte-exact body (R-HC-5). */
  body: string;
}

export interface HealthChecksAnswer {
  port: number;
  nodes: Record<string, HealthCheckNodeAnswer>;
}

export interface ProxyHealthAnswer {
  healthz: 200 | 503;
  /** Absent under cilium-* (only /healthz is served there, R-HC-CIL-7). */
  livez?: 200 | 503;
}

/** R-API-UPD-9: the outcome of updating `previous` with `service`. A port the allocator picks is "auto". */
export interface UpdateAnswer {
  httpStatus: 200 | 422 | 500;
  /** '' | 'The Service "web" is invalid: …' | 'Internal error occurred: …' (R-API-UPD-8). */
  message: string;
  /** Exact field errors, in the API server's order (R-API-UPD-1 step 4). */
  errors: string[];
  /** null when the update is refused. */
  stored: {
    type: 'ClusterIP' | 'NodePort' | 'LoadBalancer';
    externalTrafficPolicy: string | null;
    healthCheckNodePort: number | 'auto';
    nodePorts: Record<string, number | 'auto'>;
    allocateLoadBalancerNodePorts: boolean | null;
    loadBalancerStatus: 'kept' | 'cleared';
  } | null;
  allocated: { nodePorts: (number | 'auto')[]; healthCheckNodePort: number | 'auto' | null };
  released: { nodePorts: number[]; healthCheckNodePort: number | null };
  /** Fields cleared by the registry (R-API-UPD-4/6). */
  wiped: string[];
}

export interface SharesAnswer {
  pods: Record<string, ShareString>;
  /** Served by Pods on that node. */
  nodes: Record<string, ShareString>;
  dropped: ShareString;
  rejected: ShareString;
  crossNode: ShareString;
}

export interface BackendAnswer {
  pod: string;
  probability: ShareString;
  crossesNodes: boolean;
  sourceIp: string;
  sourceIpKind: SourceIpKind;
}

export interface FlowAnswer {
  from: string;
  to: 'loadBalancer' | 'nodePort' | 'externalIP' | 'clusterIP';
  node: string | null;
  verdict: Verdict;
  masquerade: boolean;
  backends: BackendAnswer[];
  /** One sentence per rule applied, each naming its R-… rule. */
  steps: string[];
}

export interface Answer {
  name?: string;
  validation: ValidationAnswer;
  service: ServiceAnswer;
  endpoints: EndpointAnswer[];
  /** null unless LoadBalancer + Local (R-HC-1); Cilium's server under cilium-* (R-HC-CIL). */
  healthChecks: HealthChecksAnswer | null;
  /** Port 10256 per node; null under cilium-* unless kubeProxyReplacementHealthz (R-HC-CIL-7). */
  proxyHealth: Record<string, ProxyHealthAnswer> | null;
  /** Share of new connections per node from the cloud load balancer; null when not a LoadBalancer. */
  loadBalancer: Record<string, ShareString> | null;
  /** Over all load-balancer traffic; null when not a LoadBalancer Service. */
  shares: SharesAnswer | null;
  flows: FlowAnswer[];
  /** Only when the scenario carries `previous` (R-API-UPD-9). */
  update?: UpdateAnswer;
}

/**
 * Builds engine `Scenario` models directly (no YAML, no ENGINE-IO reader), filling defaults the way
 * scenario-format.md describes, so engine tests can state only what matters to them.
 */
import type {
  ClusterModel,
  EndpointModel,
  LoadBalancerModel,
  NodeModel,
  PodModel,
  Scenario,
  ServiceModel,
  TrafficModel,
} from '@/lib/engine/model';

export interface NodeSpec {
  name: string;
  ip: string;
  extraIPs?: string[];
  podCIDR?: string | null;
  bridgeIP?: string;
  zone?: string | null;
  taints?: string[];
  deleting?: boolean;
  proxyHealthy?: boolean;
  tunnelIP?: string | null;
  labels?: Record<string, string>;
}

export interface PodSpec {
  name: string;
  /** null or omitted: an endpoint without nodeName. */
  node?: string | null;
  ip: string;
  zone?: string | null;
  ready?: boolean;
  serving?: boolean;
  terminating?: boolean;
  /** false: a Pod the Service does not select (a traffic source only). Default true. */
  selected?: boolean;
}

export interface ScenarioSpec {
  name?: string | null;
  cluster?: Partial<Omit<ClusterModel, 'nodes' | 'pods'>>;
  nodes: NodeSpec[];
  pods?: PodSpec[];
  service?: Partial<ServiceModel>;
  loadBalancer?: Partial<LoadBalancerModel>;
  clientIP?: string;
  traffic?: Array<Partial<TrafficModel> & Pick<TrafficModel, 'from' | 'to'>>;
}

function firstAddress(cidr: string): string {
  const [addr] = cidr.split('/');
  const parts = (addr ?? '0.0.0.0').split('.').map(Number);
  parts[3] = (parts[3] ?? 0) + 1;
  return parts.join('.');
}

export function buildScenario(spec: ScenarioSpec): Scenario {
  const nodes: NodeModel[] = spec.nodes.map((n) => ({
    name: n.name,
    ip: n.ip,
    extraIPs: n.extraIPs ?? [],
    podCIDR: n.podCIDR ?? null,
    bridgeIP: n.bridgeIP ?? (n.podCIDR ? firstAddress(n.podCIDR) : n.ip),
    zone: n.zone ?? null,
    taints: n.taints ?? [],
    deleting: n.deleting ?? false,
    proxyHealthy: n.proxyHealthy ?? true,
    tunnelIP: n.tunnelIP !== undefined ? n.tunnelIP : n.podCIDR ? n.podCIDR.split('/')[0]! : null,
    labels: n.labels ?? {},
  }));
  const zoneOf = new Map(nodes.map((n) => [n.name, n.zone]));
  const pods: PodModel[] = (spec.pods ?? []).map((p) => {
    const terminating = p.terminating ?? false;
    const ready = p.ready ?? !terminating;
    return {
      pod: p.name,
      node: p.node ?? null,
      ip: p.ip,
      zone: p.zone !== undefined ? p.zone : p.node ? (zoneOf.get(p.node) ?? null) : null,
      ready,
      serving: p.serving ?? ready,
      terminating,
      labels: {},
      selected: p.selected ?? true,
    };
  });
  const endpoints: EndpointModel[] = pods
    .filter((p) => p.selected)
    .map(({ pod, node, ip, zone, ready, serving, terminating }) => ({ pod, node, ip, zone, ready, serving, terminating }));

  const s = spec.service ?? {};
  const type = s.type ?? 'LoadBalancer';
  const externalIPs = s.externalIPs ?? [];
  const externallyAccessible = type !== 'ClusterIP' || externalIPs.length > 0;
  const eTP = s.externalTrafficPolicy !== undefined ? s.externalTrafficPolicy : externallyAccessible ? 'Cluster' : null;
  const needsHC = type === 'LoadBalancer' && eTP === 'Local';
  const service: ServiceModel = {
    name: s.name ?? 'web',
    namespace: s.namespace ?? 'default',
    type,
    selector: s.selector ?? null,
    clusterIP: s.clusterIP !== undefined ? s.clusterIP : '10.96.0.10',
    externalTrafficPolicy: eTP,
    internalTrafficPolicy: s.internalTrafficPolicy !== undefined ? s.internalTrafficPolicy : 'Cluster',
    healthCheckNodePort: s.healthCheckNodePort ?? (needsHC ? 32000 : 0),
    externalIPs,
    loadBalancerSourceRanges: s.loadBalancerSourceRanges ?? [],
    sessionAffinity: s.sessionAffinity ?? 'None',
    sessionAffinityTimeoutSeconds: s.sessionAffinityTimeoutSeconds ?? 10800,
    trafficDistribution: s.trafficDistribution ?? null,
    allocateLoadBalancerNodePorts: s.allocateLoadBalancerNodePorts ?? (type === 'LoadBalancer' ? true : null),
    ports: s.ports ?? [{ name: null, port: 80, targetPort: 8080, nodePort: type === 'ClusterIP' ? null : 30080, protocol: 'TCP' }],
    ingress: s.ingress ?? (type === 'LoadBalancer' ? [{ ip: '203.0.113.10', ipMode: 'VIP' }] : []),
    ingressHostnames: s.ingressHostnames ?? [],
    annotations: s.annotations ?? {},
  };

  const proxyMode = spec.cluster?.proxyMode ?? 'iptables';
  const cluster: ClusterModel = {
    proxyMode,
    clusterCIDR: spec.cluster?.clusterCIDR ?? null,
    detectLocal: spec.cluster?.detectLocal ?? true,
    masqueradeAll: spec.cluster?.masqueradeAll ?? false,
    localhostNodePorts: spec.cluster?.localhostNodePorts ?? true,
    nodePortAddresses: spec.cluster?.nodePortAddresses ?? (proxyMode === 'nftables' ? 'primary' : 'all'),
    nodePortRange: spec.cluster?.nodePortRange ?? null,
    usedNodePorts: spec.cluster?.usedNodePorts ?? [],
    kubeProxyReplacementHealthz: spec.cluster?.kubeProxyReplacementHealthz ?? false,
    cni: spec.cluster?.cni ?? { declared: false, preset: null, podInterface: 'bridge', interNode: 'direct' },
    nodes,
    pods,
  };

  const loadBalancer: LoadBalancerModel = {
    balancing: spec.loadBalancer?.balancing ?? 'healthy-nodes',
    targets: spec.loadBalancer?.targets ?? 'nodes',
    preservesClientIP: spec.loadBalancer?.preservesClientIP ?? true,
    ip: spec.loadBalancer?.ip ?? '10.0.0.250',
    provider: spec.loadBalancer?.provider ?? 'generic',
    crossZone: spec.loadBalancer?.crossZone ?? false,
    zones: spec.loadBalancer?.zones ?? [...new Set(nodes.map((n) => n.zone))],
    allUnhealthy: spec.loadBalancer?.allUnhealthy ?? 'fail-open',
    speakers: spec.loadBalancer?.speakers ?? nodes.map((n) => n.name),
    preferredNodes: spec.loadBalancer?.preferredNodes ?? {},
  };

  const podNode = new Map(pods.map((p) => [p.pod, p.node]));
  let traffic: TrafficModel[];
  if (spec.traffic) {
    traffic = spec.traffic.map((t) => {
      let node = t.node ?? null;
      if (node === null && t.from.startsWith('pod/')) node = podNode.get(t.from.slice(4)) ?? null;
      if (node === null && t.from.startsWith('node/')) node = t.from.slice(5);
      return { from: t.from, to: t.to, node, ip: t.ip ?? null };
    });
  } else if (type === 'LoadBalancer') {
    traffic = nodes.map((n) => ({ from: 'external', to: 'loadBalancer', node: n.name, ip: null }));
  } else if (type === 'NodePort') {
    traffic = nodes.map((n) => ({ from: 'external', to: 'nodePort', node: n.name, ip: null }));
  } else {
    const first = pods[0];
    traffic = first ? [{ from: `pod/${first.pod}`, to: 'clusterIP', node: first.node, ip: null }] : [];
  }

  return {
    name: spec.name ?? null,
    cluster,
    service,
    endpoints,
    loadBalancer,
    client: { ip: spec.clientIP ?? '203.0.113.2' },
    traffic,
  };
}

/**
 * The seed article's layout (routing-semantics.md §12): three nodes, A with 3 Pods, B with 1, C with none.
 */
export function seedScenario(opts: { etp: 'Local' | 'Cluster'; balancing?: LoadBalancerModel['balancing']; proxyMode?: ClusterModel['proxyMode'] }): Scenario {
  return buildScenario({
    cluster: { proxyMode: opts.proxyMode ?? 'iptables', clusterCIDR: '10.244.0.0/16' },
    nodes: [
      { name: 'node-a', ip: '10.0.1.10', podCIDR: '10.244.1.0/24' },
      { name: 'node-b', ip: '10.0.1.11', podCIDR: '10.244.2.0/24' },
      { name: 'node-c', ip: '10.0.1.12', podCIDR: '10.244.3.0/24' },
    ],
    pods: [
      { name: 'a-1', node: 'node-a', ip: '10.244.1.5' },
      { name: 'a-2', node: 'node-a', ip: '10.244.1.6' },
      { name: 'a-3', node: 'node-a', ip: '10.244.1.7' },
      { name: 'b-1', node: 'node-b', ip: '10.244.2.5' },
    ],
    service: { type: 'LoadBalancer', externalTrafficPolicy: opts.etp },
    loadBalancer: { balancing: opts.balancing ?? 'healthy-nodes' },
    clientIP: '198.51.100.7',
  });
}

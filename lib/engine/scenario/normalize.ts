/**
 * Parsed scenario document → the engine's `Scenario` model: cross-field checks first (every problem is
 * reported, each on its own field path), then every default filled in so that consumers never re-apply one.
 *
 * Decisions where scenario-format.md is silent:
 * - A Pod IP outside its node's podCIDR is accepted: kube-proxy never looks at podCIDRs, and test layouts
 *   (kube-proxy's own among them) often give Pod IPs from one cluster-wide range.
 * - bridgeIP defaults to the first usable address of podCIDR (10.244.1.0/24 → 10.244.1.1), else the node IP.
 *   Only an explicit bridgeIP takes part in the duplicate-address check.
 * - Endpoint conditions are as the format says: `ready` defaults to true and `terminating` to false whatever
 *   the other says; `serving` defaults to `ready`. Explicit values win.
 * - Service defaulting is the API server's (R-API-2, SetDefaults_Service); missing NodePorts and a missing
 *   healthCheckNodePort are allocated like the registry does (R-API-4), deterministically: the lowest free port
 *   from 30000. An explicit `healthCheckNodePort: 0` is kept as 0 (so validation reports "Required value").
 * - An unset clusterIP is allocated (first free address from 10.96.0.10); "None" (headless) becomes null.
 * - Traffic from `external` or `localhost` that names no node becomes one flow per node, unless its
 *   destination address belongs to exactly one node. So does traffic from a Pod or node to a balancer known only
 *   by hostname (R-LBK-9): it leaves the cluster, and the balancer picks the node.
 * - cluster.cni (R-CNI-5): absent = {bridge, direct}, as before. tunnelIP defaults to podCIDR's network address;
 *   a tunnelling plugin on a node with neither is refused on cluster.nodes[i].tunnelIP. Only an explicit tunnelIP
 *   takes part in the duplicate-address check (the default is the podCIDR's network address, never a Pod's).
 * - loadBalancer (R-LBK-10): balancing, allUnhealthy and preservesClientIP default by provider; zones default to
 *   every node's zone (a node without one is in zone null); speakers default to every node. Node names in
 *   speakers/preferredNodes and zones in `zones` must exist (a typo would otherwise silently zero a share).
 */
import type {
  CniModel,
  EndpointModel,
  LoadBalancerModel,
  LoadBalancerIngressModel,
  NodeModel,
  PodModel,
  Scenario,
  ServiceModel,
  ServicePortModel,
  TrafficModel,
} from '../model';
import type { PathSegment, RawIssue } from './issues';
import { firstAddress, intToIpv4, ipv4ToInt, isLocalAddress, LOOPBACK_IP, networkAddress } from '../net';
import { externallyAccessible, needsHealthCheck } from '../endpoints/service-flags';
import { CNI_PRESETS, LIMITS, type NodeDoc, type ScenarioDoc, type ServiceDoc, type TrafficDoc } from './schema';
import { updateService, type ServiceUpdateResult } from '../validation/update-service';

const NODE_PORT_MIN = 30000;
const NODE_PORT_MAX = 32767;
const DEFAULT_AFFINITY_TIMEOUT = 10800;
const SERVICE_CIDR_FIRST = '10.96.0.10';

export function normalizeScenario(doc: ScenarioDoc): { scenario: Scenario } | { issues: RawIssue[] } {
  const issues: RawIssue[] = [];
  const nodes = doc.cluster.nodes.map(toNode);
  const nodeByName = new Map<string, NodeModel>();
  doc.cluster.nodes.forEach((n, i) => {
    const first = nodeByName.get(n.name);
    if (first) issues.push(dup(['cluster', 'nodes', i, 'name'], `node name "${n.name}"`, nodePath(doc, n.name)));
    else nodeByName.set(n.name, nodes[i] as NodeModel);
  });

  const podNames = new Map<string, number>();
  doc.cluster.pods.forEach((p, i) => {
    const first = podNames.get(p.name);
    if (first !== undefined) issues.push(dup(['cluster', 'pods', i, 'name'], `pod name "${p.name}"`, `cluster.pods[${first}].name`));
    else podNames.set(p.name, i);
    if (p.node !== undefined) {
      const node = nodeByName.get(p.node);
      if (!node) {
        issues.push({
          path: ['cluster', 'pods', i, 'node'],
          message: `node "${p.node}" does not exist (cluster.nodes has ${[...nodeByName.keys()].map((n) => `"${n}"`).join(', ')})`,
        });
      }
    }
  });

  const cni = toCni(doc);
  if (cni.interNode === 'tunnel') {
    doc.cluster.nodes.forEach((n, i) => {
      if (n.tunnelIP === undefined && n.podCIDR === undefined)
        issues.push({
          path: ['cluster', 'nodes', i, 'tunnelIP'],
          message: `is required: cluster.cni tunnels between nodes (interNode tunnel) and node "${n.name}" has no podCIDR to take it from (R-CNI-5)`,
        });
    });
  }
  checkDuplicateAddresses(doc, nodes, issues);

  const used = new Set<string>([
    ...nodes.flatMap((n) => [n.ip, n.bridgeIP, ...n.extraIPs]),
    ...doc.cluster.nodes.flatMap((n) => (n.tunnelIP === undefined ? [] : [n.tunnelIP])),
    ...doc.cluster.pods.map((p) => p.ip),
  ]);
  const nodePortRange = parseRange(doc.cluster.nodePortRange);
  const pool = { range: nodePortRange, used: doc.cluster.usedNodePorts };
  // R-API-UPD-9: with `previous`, the Service routed is the one stored after the update (or `previous` if refused).
  const update: ServiceUpdateResult | null = doc.previous ? updateService(doc.previous, doc.service, pool) : null;
  const service = toService(update ? update.stored : doc.service, used, pool);
  const selector = service.selector;
  const pods: PodModel[] = doc.cluster.pods.map((p) => {
    const node = p.node === undefined ? undefined : nodeByName.get(p.node);
    const terminating = p.terminating;
    const ready = p.ready ?? true;
    const serving = p.serving ?? ready;
    return {
      pod: p.name,
      node: p.node ?? null,
      ip: p.ip,
      zone: p.zone ?? node?.zone ?? null,
      ready,
      serving,
      terminating,
      labels: p.labels,
      selected: matches(selector, p.labels),
    };
  });
  const endpoints: EndpointModel[] = pods
    .filter((p) => p.selected)
    .map(({ pod, node, ip, zone, ready, serving, terminating }) => ({ pod, node, ip, zone, ready, serving, terminating }));

  const loadBalancer = toLoadBalancer(doc, nodes, service, issues);
  const traffic = doc.traffic ? normalizeTraffic(doc.traffic, nodes, nodeByName, pods, service, issues) : defaultTraffic(nodes, pods, service);

  if (traffic.length > LIMITS.flows)
    issues.push({ path: ['traffic'], message: `expands to ${traffic.length} flows; at most ${LIMITS.flows} are allowed (LIMITS.flows)` });
  else if (traffic.length * Math.max(1, endpoints.length) > LIMITS.flowBackends)
    issues.push({
      path: ['traffic'],
      message: `${traffic.length} flows × ${endpoints.length} endpoints is more than ${LIMITS.flowBackends} (LIMITS.flowBackends); evaluate fewer flows`,
    });

  if (issues.length > 0) return { issues };

  const proxyMode = doc.cluster.proxyMode;
  return {
    scenario: {
      name: doc.name ?? null,
      cluster: {
        proxyMode,
        clusterCIDR: doc.cluster.clusterCIDR ?? null,
        detectLocal: doc.cluster.detectLocal,
        masqueradeAll: doc.cluster.masqueradeAll,
        localhostNodePorts: doc.cluster.localhostNodePorts,
        nodePortAddresses: doc.cluster.nodePortAddresses ?? (proxyMode === 'nftables' ? 'primary' : 'all'),
        nodePortRange,
        usedNodePorts: [...doc.cluster.usedNodePorts],
        kubeProxyReplacementHealthz: doc.cluster.kubeProxyReplacementHealthz,
        cni,
        nodes,
        pods,
      },
      service,
      endpoints,
      loadBalancer,
      client: { ip: doc.client.ip },
      traffic,
      update: update ? update.answer : null,
    },
  };
}

/** "30000-32767" → {first, last} (the schema checked the syntax). */
function parseRange(text: string | undefined): { first: number; last: number } | null {
  if (text === undefined) return null;
  const [first, last] = text.split('-').map(Number) as [number, number];
  return { first, last };
}

function nodePath(doc: ScenarioDoc, name: string): string {
  return `cluster.nodes[${doc.cluster.nodes.findIndex((n) => n.name === name)}].name`;
}

function dup(path: PathSegment[], what: string, firstPath: string): RawIssue {
  return { path, message: `duplicate ${what}: already used at ${firstPath}` };
}

function toNode(n: NodeDoc): NodeModel {
  return {
    name: n.name,
    ip: n.ip,
    extraIPs: [...n.extraIPs],
    podCIDR: n.podCIDR ?? null,
    bridgeIP: n.bridgeIP ?? (n.podCIDR ? firstAddress(n.podCIDR) : n.ip),
    zone: n.zone ?? null,
    taints: [...n.taints],
    deleting: n.deleting,
    proxyHealthy: n.proxyHealthy,
    tunnelIP: n.tunnelIP ?? (n.podCIDR ? networkAddress(n.podCIDR) : null),
    labels: { ...n.labels },
  };
}

/** R-CNI-5: a preset, an object, or nothing ({bridge, direct}, not declared). */
function toCni(doc: ScenarioDoc): CniModel {
  const cni = doc.cluster.cni;
  if (cni === undefined) return { declared: false, preset: null, podInterface: 'bridge', interNode: 'direct' };
  if (typeof cni === 'string') return { declared: true, preset: cni, ...CNI_PRESETS[cni] };
  return { declared: true, preset: null, podInterface: cni.podInterface, interNode: cni.interNode };
}

const GKE_WEIGHTED_ANNOTATION = 'networking.gke.io/weighted-load-balancing';

/** The balancer with its provider's defaults (R-LBK-10), and its node and zone names checked. */
function toLoadBalancer(doc: ScenarioDoc, nodes: NodeModel[], service: ServiceModel, issues: RawIssue[]): LoadBalancerModel {
  const lb = doc.loadBalancer;
  const names = new Set(nodes.map((n) => n.name));
  const known = [...names].map((n) => `"${n}"`).join(', ');
  lb.speakers?.forEach((s, i) => {
    if (!names.has(s)) issues.push({ path: ['loadBalancer', 'speakers', i], message: `node "${s}" does not exist (cluster.nodes has ${known})` });
  });
  for (const s of Object.keys(lb.preferredNodes ?? {}))
    if (!names.has(s)) issues.push({ path: ['loadBalancer', 'preferredNodes', s], message: `node "${s}" does not exist (cluster.nodes has ${known})` });
  const nodeZones = [...new Set(nodes.map((n) => n.zone))];
  lb.zones?.forEach((z, i) => {
    if (!nodeZones.includes(z))
      issues.push({
        path: ['loadBalancer', 'zones', i],
        message: `no node is in zone "${z}" (nodes[].zone: ${nodeZones.filter((x) => x !== null).map((x) => `"${x}"`).join(', ') || 'none'})`,
      });
  });

  const provider = lb.provider;
  let balancing = lb.balancing;
  if (balancing === undefined) {
    switch (provider) {
      case 'gcp':
        // R-LBK-2: WEIGHTED_MAGLEV only with the annotation and externalTrafficPolicy Local.
        balancing =
          service.annotations[GKE_WEIGHTED_ANNOTATION] === 'pods-per-node' && service.externalTrafficPolicy === 'Local' ? 'weighted' : 'healthy-nodes';
        break;
      case 'aws-nlb':
      case 'aws-clb':
        balancing = lb.crossZone ? 'healthy-nodes' : 'per-zone'; // R-LBK-3, R-LBK-5
        break;
      case 'metallb-l2':
        balancing = 'single-node'; // R-LBK-7
        break;
      case 'metallb-bgp':
        balancing = 'announcing-nodes'; // R-LBK-8
        break;
      default:
        balancing = 'healthy-nodes'; // generic (R-LB-6), azure (R-LBK-6)
    }
  }
  // R-SRC-3, R-LBK-4/5: a classic balancer proxies; NLB IP targets do not preserve the client IP by default.
  const proxies = provider === 'aws-clb' || (provider === 'aws-nlb' && lb.targets === 'pods');
  return {
    provider,
    balancing,
    targets: lb.targets,
    preservesClientIP: lb.preservesClientIP ?? !proxies,
    ip: lb.ip,
    crossZone: lb.crossZone,
    zones: lb.zones ? [...lb.zones] : nodeZones,
    allUnhealthy: lb.allUnhealthy ?? (provider === 'azure' ? 'drop' : 'fail-open'),
    speakers: lb.speakers ? nodes.filter((n) => lb.speakers!.includes(n.name)).map((n) => n.name) : nodes.map((n) => n.name),
    preferredNodes: { ...lb.preferredNodes },
  };
}

/** Node IPs, extra IPs, explicit bridge IPs, Pod IPs and the ClusterIP must all differ (a bridge IP may equal its own node's IP). */
function checkDuplicateAddresses(doc: ScenarioDoc, nodes: NodeModel[], issues: RawIssue[]): void {
  const owner = new Map<string, string>();
  const claim = (ip: string, path: PathSegment[], label: string) => {
    const first = owner.get(ip);
    if (first !== undefined) issues.push({ path, message: `duplicate IP ${ip}: already used by ${first}` });
    else owner.set(ip, label);
  };
  doc.cluster.nodes.forEach((n, i) => {
    claim(n.ip, ['cluster', 'nodes', i, 'ip'], `cluster.nodes[${i}].ip`);
    n.extraIPs.forEach((ip, j) => claim(ip, ['cluster', 'nodes', i, 'extraIPs', j], `cluster.nodes[${i}].extraIPs[${j}]`));
  });
  doc.cluster.nodes.forEach((n, i) => {
    const bridge = (nodes[i] as NodeModel).bridgeIP;
    if (bridge === n.ip) return;
    if (n.bridgeIP !== undefined) claim(bridge, ['cluster', 'nodes', i, 'bridgeIP'], `cluster.nodes[${i}].bridgeIP`);
  });
  doc.cluster.nodes.forEach((n, i) => {
    if (n.tunnelIP !== undefined && n.tunnelIP !== n.ip) claim(n.tunnelIP, ['cluster', 'nodes', i, 'tunnelIP'], `cluster.nodes[${i}].tunnelIP`);
  });
  doc.cluster.pods.forEach((p, i) => claim(p.ip, ['cluster', 'pods', i, 'ip'], `cluster.pods[${i}].ip`));
  const clusterIP = doc.service.spec.clusterIP;
  if (clusterIP !== undefined && clusterIP !== 'None') claim(clusterIP, ['service', 'spec', 'clusterIP'], 'service.spec.clusterIP');
}

function matches(selector: Record<string, string> | null, labels: Record<string, string>): boolean {
  if (selector === null) return true;
  for (const [k, v] of Object.entries(selector)) if (labels[k] !== v) return false;
  return true;
}

/** The Service after SetDefaults_Service (R-API-2) and NodePort / health-check-port allocation (R-API-4). */
function toService(
  doc: ServiceDoc,
  usedAddresses: ReadonlySet<string>,
  pool: { range: { first: number; last: number } | null; used: readonly number[] },
): ServiceModel {
  const spec = doc.spec;
  const type = spec.type;
  const externalIPs = [...spec.externalIPs];
  const etpWritten = spec.externalTrafficPolicy === undefined || spec.externalTrafficPolicy === '' ? null : spec.externalTrafficPolicy;
  const externalTrafficPolicy = etpWritten ?? (externallyAccessible({ type, externalIPs }) ? 'Cluster' : null);
  const internalTrafficPolicy = spec.internalTrafficPolicy ?? 'Cluster';
  const allocateLoadBalancerNodePorts = spec.allocateLoadBalancerNodePorts ?? (type === 'LoadBalancer' ? true : null);
  const selector = spec.selector && Object.keys(spec.selector).length > 0 ? { ...spec.selector } : null;

  // Ports held by other Services are not picked (R-API-UPD-5/7), and picks stay inside the configured range.
  const used = new Set<number>(pool.used);
  for (const p of spec.ports) if (p.nodePort !== undefined) used.add(p.nodePort);
  if (spec.healthCheckNodePort !== undefined) used.add(spec.healthCheckNodePort);
  const allocate = (): number => {
    for (let port = pool.range?.first ?? NODE_PORT_MIN; port <= (pool.range?.last ?? NODE_PORT_MAX); port++) {
      if (!used.has(port)) {
        used.add(port);
        return port;
      }
    }
    return 0;
  };
  const wantsNodePorts = type === 'NodePort' || (type === 'LoadBalancer' && allocateLoadBalancerNodePorts === true);
  const ports: ServicePortModel[] = spec.ports.map((p) => ({
    name: p.name ?? null,
    port: p.port,
    targetPort: p.targetPort ?? p.port,
    nodePort: p.nodePort ?? null,
    protocol: p.protocol,
  }));
  if (wantsNodePorts) for (const p of ports) if (p.nodePort === null) p.nodePort = allocate();

  const partial = { type, externalIPs, externalTrafficPolicy };
  const healthCheckNodePort = spec.healthCheckNodePort ?? (needsHealthCheck(partial) ? allocate() : 0);

  const ingress: LoadBalancerIngressModel[] = [];
  const ingressHostnames: string[] = [];
  for (const i of doc.status.loadBalancer.ingress ?? []) {
    if (i.ip !== undefined) ingress.push({ ip: i.ip, ipMode: i.ipMode ?? 'VIP' });
    else if (i.hostname !== undefined) ingressHostnames.push(i.hostname);
  }
  return {
    name: doc.metadata.name,
    namespace: doc.metadata.namespace,
    type,
    selector,
    clusterIP: clusterIPOf(spec.clusterIP ?? spec.clusterIPs?.[0], usedAddresses),
    externalTrafficPolicy,
    internalTrafficPolicy,
    healthCheckNodePort,
    externalIPs,
    loadBalancerSourceRanges: [...spec.loadBalancerSourceRanges],
    sessionAffinity: spec.sessionAffinity,
    sessionAffinityTimeoutSeconds: spec.sessionAffinityConfig?.clientIP.timeoutSeconds ?? DEFAULT_AFFINITY_TIMEOUT,
    trafficDistribution: spec.trafficDistribution ?? null,
    allocateLoadBalancerNodePorts,
    ports,
    ingress,
    ingressHostnames,
    annotations: { ...doc.metadata.annotations },
  };
}

/**
 * "None" (headless) → null: kube-proxy programs nothing for it. Unset → allocated from the default Service CIDR
 * (10.96.0.0/12) as the registry would (R-API-4), deterministically: the first free address from 10.96.0.10.
 */
function clusterIPOf(written: string | undefined, used: ReadonlySet<string>): string | null {
  if (written === 'None') return null;
  if (written !== undefined) return written;
  for (let n = ipv4ToInt(SERVICE_CIDR_FIRST); ; n++) {
    const ip = intToIpv4(n);
    if (!used.has(ip)) return ip;
  }
}

/**
 * Default traffic (scenario-format.md): LoadBalancer → external → loadBalancer per node; NodePort → external →
 * nodePort per node; ClusterIP → pod → clusterIP from the first Pod (from the first node when there is no Pod).
 */
function defaultTraffic(nodes: NodeModel[], pods: PodModel[], service: ServiceModel): TrafficModel[] {
  if (service.type === 'LoadBalancer')
    return nodes.map((n) => ({ from: 'external', to: 'loadBalancer', node: n.name, ip: service.ingress[0]?.ip ?? null }));
  if (service.type === 'NodePort') return nodes.map((n) => ({ from: 'external', to: 'nodePort', node: n.name, ip: n.ip }));
  const first = pods[0];
  if (first) return [{ from: `pod/${first.pod}`, to: 'clusterIP', node: first.node, ip: service.clusterIP }];
  const node = nodes[0] as NodeModel;
  return [{ from: `node/${node.name}`, to: 'clusterIP', node: node.name, ip: service.clusterIP }];
}

function normalizeTraffic(
  entries: TrafficDoc[],
  nodes: NodeModel[],
  nodeByName: Map<string, NodeModel>,
  pods: PodModel[],
  service: ServiceModel,
  issues: RawIssue[],
): TrafficModel[] {
  const podByName = new Map(pods.map((p) => [p.pod, p]));
  const out: TrafficModel[] = [];
  entries.forEach((t, i) => {
    const at = (field: string): PathSegment[] => ['traffic', i, field];
    const before = issues.length;
    let sender: { node: string | null } | null = null;
    if (t.from.startsWith('pod/')) {
      const pod = podByName.get(t.from.slice(4));
      if (!pod) issues.push({ path: at('from'), message: `pod "${t.from.slice(4)}" does not exist in cluster.pods` });
      else sender = { node: pod.node };
    } else if (t.from.startsWith('node/')) {
      const name = t.from.slice(5);
      if (!nodeByName.has(name)) issues.push({ path: at('from'), message: `node "${name}" does not exist in cluster.nodes` });
      else sender = { node: name };
    }
    if (t.node !== undefined && !nodeByName.has(t.node))
      issues.push({ path: at('node'), message: `node "${t.node}" does not exist in cluster.nodes` });

    // The destination address, checked against what the Service (or the node) actually has.
    if (t.ip !== undefined) {
      if (t.to === 'loadBalancer' && !service.ingress.some((g) => g.ip === t.ip))
        issues.push({
          path: at('ip'),
          message:
            service.ingress.length === 0
              ? service.ingressHostnames.length > 0
                ? `the Service's load balancer is known only by hostname (${service.ingressHostnames.join(', ')}); it has no ingress IP to name (R-LBK-9)`
                : `the Service has no load-balancer ingress IP (service.status.loadBalancer.ingress is empty)`
              : `${t.ip} is not one of the Service's load-balancer ingress IPs (${service.ingress.map((g) => g.ip).join(', ')})`,
        });
      if (t.to === 'externalIP' && !service.externalIPs.includes(t.ip))
        issues.push({ path: at('ip'), message: `${t.ip} is not one of service.spec.externalIPs (${service.externalIPs.join(', ') || 'none'})` });
      if (t.to === 'clusterIP' && t.ip !== service.clusterIP)
        issues.push({ path: at('ip'), message: `${t.ip} is not the Service's clusterIP (${service.clusterIP ?? 'unset'})` });
    } else if (t.to === 'externalIP' && service.externalIPs.length === 0) {
      issues.push({ path: at('to'), message: 'the Service has no externalIPs (service.spec.externalIPs is empty)' });
    }
    if (sender && t.node !== undefined && t.node !== sender.node && (t.to === 'clusterIP' || t.to === 'externalIP'))
      issues.push({
        path: at('node'),
        message: `traffic from ${t.from} to a ${t.to} is handled on the sender's node (${sender.node ?? 'none'}), not on "${t.node}"`,
      });
    if (issues.length > before) return;

    const destination = (node: NodeModel | undefined): string | null => {
      if (t.ip !== undefined) return t.ip;
      switch (t.to) {
        case 'loadBalancer':
          return service.ingress[0]?.ip ?? null;
        case 'externalIP':
          return service.externalIPs[0] ?? null;
        case 'clusterIP':
          return service.clusterIP;
        case 'nodePort':
          return t.from === 'localhost' ? '127.0.0.1' : (node?.ip ?? null);
      }
    };

    // R-LBK-9: a balancer known only by hostname is reached by leaving the cluster; the balancer picks the node.
    const viaHostname = t.to === 'loadBalancer' && service.ingress.length === 0 && service.ingressHostnames.length > 0;
    if (sender && viaHostname && t.node === undefined) {
      for (const node of nodes) out.push({ from: t.from, to: t.to, node: node.name, ip: null });
      return;
    }
    if (sender) {
      const nodeName = t.node ?? sender.node;
      const node = nodeName === null ? undefined : nodeByName.get(nodeName);
      // A node's 127.0.0.1 is reachable only from that node itself (a Pod's 127.0.0.1 is its own: R-NP-1).
      if (t.to === 'nodePort' && t.ip === LOOPBACK_IP && t.from.startsWith('node/') && nodeName !== sender.node)
        issues.push({
          path: at('ip'),
          message: `${LOOPBACK_IP} is the loopback address of ${t.from} itself; traffic from ${t.from} cannot reach the loopback of node "${nodeName}" (use from: node/${nodeName} or from: localhost with node: ${nodeName})`,
        });
      else if (t.to === 'nodePort' && t.ip !== undefined && node && !isLocalAddress(node, t.ip))
        issues.push({ path: at('ip'), message: `${t.ip} is not an address of node "${node.name}" (its ip or extraIPs)` });
      else out.push({ from: t.from, to: t.to, node: nodeName, ip: destination(node) });
      return;
    }

    // external / localhost
    if (t.from === 'external' && t.ip === LOOPBACK_IP) {
      issues.push({
        path: at('ip'),
        message: `an external client cannot reach a node's loopback address ${LOOPBACK_IP} (use from: localhost for a host process on the node)`,
      });
      return;
    }
    let targets: NodeModel[];
    if (t.node !== undefined) targets = [nodeByName.get(t.node) as NodeModel];
    else {
      const addr = t.ip ?? (t.to === 'externalIP' ? service.externalIPs[0] : undefined);
      const owners = addr === undefined || addr === '127.0.0.1' ? [] : nodes.filter((n) => n.ip === addr || n.extraIPs.includes(addr));
      targets = owners.length === 1 ? owners : nodes;
    }
    for (const node of targets) {
      if (t.to === 'nodePort' && t.ip !== undefined && !isLocalAddress(node, t.ip)) {
        issues.push({ path: at('ip'), message: `${t.ip} is not an address of node "${node.name}" (its ip or extraIPs)` });
        return;
      }
      out.push({ from: t.from, to: t.to, node: node.name, ip: destination(node) });
    }
  });
  return out;
}

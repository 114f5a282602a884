/**
 * A generated cluster, in a shape that is easy to vary (fix-it changes, policy comparisons), and its
 * rendering as an engine ScenarioInput. Difficulty decides the knobs, each level adding what the one before
 * leaves out:
 *   intro     2–3 nodes, Cluster vs Local, ready Pods
 *   standard  3–6 nodes, uneven layouts, not-ready Pods, direct NodePort hits, health checks
 *   expert    terminating Pods, in-cluster clients, proxy modes, balancer models, source ranges
 */
import type { ScenarioInput } from '@/lib/engine';
import { clusterNaming, nodeIdentity, podName, replicaSetHash, type ClusterNaming } from './names';
import type { Rng } from './random';
import { assignZones, drawFamily, familyInput, familyText, isFamily } from './balancer-family';
import type { Difficulty } from './types';

export type Policy = 'Cluster' | 'Local';
export type ProxyModeChoice = 'iptables' | 'nftables' | 'ipvs' | 'cilium-snat';
export type BalancingChoice = 'healthy-nodes' | 'weighted' | 'all-nodes';
/** Network plugin presets the generators use (R-CNI-5): one per podInterface × interNode family. */
export type CniChoice = 'bridge' | 'kindnet' | 'gke' | 'aws-vpc' | 'flannel-vxlan' | 'calico-bgp' | 'calico-ipip';
/**
 * Balancer families the generators use (R-LBK-10). By default each splits new connections evenly over the nodes
 * that pass its check (gcp R-LBK-2 without the weighted annotation, aws-nlb with cross-zone on R-LBK-3, generic),
 * so the `balancing` knob keeps its meaning. Kinds that opt in (`LayoutOptions.families`) also draw the families
 * of balancer-family.ts: aws-nlb with cross-zone off (per zone), azure, metallb-l2, metallb-bgp.
 */
export type ProviderChoice = 'generic' | 'gcp' | 'aws-nlb' | 'azure' | 'metallb-l2' | 'metallb-bgp';
/** The kind of cluster a scenario imitates; decides the plugin and the balancer. */
export type Flavour = 'intro' | 'kind' | 'gke' | 'eks' | 'aks' | 'bare-metal';

export interface LayoutNode {
  name: string;
  ip: string;
  podCIDR: string;
  /** Index in the node list; Pod IPs come from 10.<podOctet>.<index+1>.0/24. */
  index: number;
  /** The node's zone label; set only when the balancer splits per zone (aws-nlb, cross-zone off). */
  zone: string | null;
}

export interface LayoutPod {
  name: string;
  node: string;
  ip: string;
  ready: boolean;
  terminating: boolean;
  /** Only meaningful when terminating: a terminating Pod that still passes readiness is serving. */
  serving: boolean;
}

export interface TrafficSpec {
  from: string;
  to: 'loadBalancer' | 'nodePort' | 'clusterIP';
  node?: string;
}

export interface Layout {
  naming: ClusterNaming;
  nodes: LayoutNode[];
  pods: LayoutPod[];
  policy: Policy;
  type: 'LoadBalancer' | 'NodePort';
  proxyMode: ProxyModeChoice;
  flavour: Flavour;
  cni: CniChoice;
  provider: ProviderChoice;
  /** aws-nlb: cross-zone load balancing (R-LBK-3). */
  crossZone: boolean;
  balancing: BalancingChoice;
  preservesClientIP: boolean;
  sourceRanges: string[];
  nodePort: number;
  healthCheckNodePort: number;
  replicaSetHash: string;
  /** null = the engine's default traffic (one external flow per node). */
  traffic: TrafficSpec[] | null;
  /** Next free host octet per node for new Pod IPs. */
  nextPodHost: number;
}

export interface LayoutOptions {
  policy?: Policy;
  /** Force at least one node without Pods. */
  emptyNode?: boolean;
  /** Allow not-ready / terminating Pods (default: by difficulty). */
  conditions?: boolean;
  /** Min/max Pod count override. */
  pods?: [number, number];
  /** Also draw the balancer families whose split is not "even over passing nodes" (balancer-family.ts). */
  families?: boolean;
}

const NODE_RANGE: Record<Difficulty, [number, number]> = { intro: [2, 3], standard: [3, 6], expert: [3, 6] };

/** Distributes `count` Pods over nodes unevenly: some nodes crowded, some empty. */
function placePods(rng: Rng, nodes: number, count: number, uneven: boolean, emptyNode: boolean): number[] {
  const placement: number[] = [];
  const candidates = Array.from({ length: nodes }, (_, i) => i);
  const empty = emptyNode ? rng.int(0, nodes - 1) : -1;
  const usable = candidates.filter((i) => i !== empty);
  // Weighted placement: the first usable node is "hot" when uneven.
  const hot = rng.pick(usable);
  for (let p = 0; p < count; p++) {
    if (uneven && rng.chance(0.45)) placement.push(hot);
    else placement.push(rng.pick(usable));
  }
  return placement;
}

export function buildLayout(rng: Rng, difficulty: Difficulty, opts: LayoutOptions = {}): Layout {
  const naming = clusterNaming(rng);
  const [nMin, nMax] = NODE_RANGE[difficulty];
  const nodeCount = rng.int(nMin, nMax);
  const hostStart = rng.int(4, 40);
  const nodeNames = new Set<string>();
  const nodes: LayoutNode[] = Array.from({ length: nodeCount }, (_, i) => {
    const id = nodeIdentity(rng, naming, i, hostStart + i * rng.int(1, 7), nodeNames);
    nodeNames.add(id.name);
    return { ...id, podCIDR: `10.${naming.podOctet}.${i + 1}.0/24`, index: i, zone: null };
  });
  // Node IPs must be distinct even if the step draws repeat: recompute sequentially.
  let host = hostStart;
  for (const n of nodes) {
    n.ip = `${naming.nodeSubnet}.${host}`;
    if (naming.style === 'eks') n.name = `ip-${n.ip.replaceAll('.', '-')}.ec2.internal`;
    host += rng.int(1, 9);
  }
  const [pMin, pMax] = opts.pods ?? (difficulty === 'intro' ? [2, 5] : [3, 9]);
  const podCount = rng.int(pMin, pMax);
  const emptyNode = opts.emptyNode ?? rng.chance(difficulty === 'intro' ? 0.5 : 0.6);
  const placement = placePods(rng, nodeCount, podCount, difficulty !== 'intro', emptyNode && nodeCount > 1);
  const rsHash = replicaSetHash(rng);
  const conditions = opts.conditions ?? difficulty !== 'intro';
  const hostCounters = new Map<number, number>();
  const pods: LayoutPod[] = placement.map((nodeIndex) => {
    const h = (hostCounters.get(nodeIndex) ?? rng.int(2, 30)) + rng.int(1, 6);
    hostCounters.set(nodeIndex, h);
    const node = nodes[nodeIndex] as LayoutNode;
    return {
      name: podName(rng, naming.serviceName, rsHash),
      node: node.name,
      ip: `10.${naming.podOctet}.${nodeIndex + 1}.${h}`,
      ready: true,
      terminating: false,
      serving: true,
    };
  });
  ensureUniquePodNames(pods, rng);
  if (conditions) {
    for (const pod of pods) {
      if (rng.chance(difficulty === 'expert' ? 0.12 : 0.15)) {
        pod.ready = false;
        pod.serving = false;
      } else if (difficulty === 'expert' && rng.chance(0.12)) {
        pod.ready = false;
        pod.terminating = true;
        pod.serving = rng.chance(0.7);
      }
    }
    // Keep at least one ready Pod: questions about "no endpoints at all" are generated on purpose.
    if (!pods.some((p) => p.ready) && pods[0]) Object.assign(pods[0], { ready: true, terminating: false, serving: true });
  }
  const policy = opts.policy ?? rng.pick(['Cluster', 'Local'] as const);
  const expert = difficulty === 'expert';
  const flavour = drawFlavour(rng.fork('flavour'), difficulty, naming);
  const family = opts.families ? drawFamily(rng.fork('family'), flavour.flavour) : null;
  if (family?.provider === 'aws-nlb') assignZones(rng.fork('zones'), nodes, 'us-east-1');
  // Drawn in this order (proxy mode, then balancing) so that every seed keeps the layout it had before families.
  const proxyMode: ProxyModeChoice = expert && rng.chance(0.4) ? rng.pick(['nftables', 'ipvs', 'cilium-snat'] as const) : 'iptables';
  const balancing: BalancingChoice = expert && rng.chance(0.35) ? rng.pick(['weighted', 'all-nodes'] as const) : 'healthy-nodes';
  return {
    naming,
    nodes,
    pods,
    policy,
    type: 'LoadBalancer',
    proxyMode,
    ...flavour,
    crossZone: true,
    // A family states its own split: the generic balancing knobs do not apply to it.
    ...(family ? { provider: family.provider, crossZone: family.crossZone, balancing: 'healthy-nodes' as const } : { balancing }),
    preservesClientIP: true,
    sourceRanges: [],
    nodePort: rng.int(30000, 32767),
    healthCheckNodePort: rng.int(30000, 32767),
    replicaSetHash: rsHash,
    traffic: null,
    nextPodHost: 200,
  };
}

/**
 * The cluster flavour, from its own forked stream (so the layout's other draws keep their values). Intro keeps
 * the simplest data plane (bridge plugin, generic even balancer). GKE- and EKS-style node names get the matching
 * plugin and balancer, AKS names kubenet; kubeadm names are kind-like or bare-metal clusters, whose balancer is generic
 * here. Kinds whose prompts describe them opt into the other families (MetalLB, Azure, NLB per zone: balancer-family.ts).
 */
function drawFlavour(
  rng: Rng,
  difficulty: Difficulty,
  naming: ClusterNaming,
): { flavour: Flavour; cni: CniChoice; provider: ProviderChoice } {
  if (difficulty === 'intro') return { flavour: 'intro', cni: 'bridge', provider: 'generic' };
  if (naming.style === 'gke') return { flavour: 'gke', cni: 'gke', provider: 'gcp' };
  if (naming.style === 'eks') return { flavour: 'eks', cni: 'aws-vpc', provider: 'aws-nlb' };
  // AKS with kubenet: a bridge plugin. Azure's balancer drops new flows when every probe fails (R-LBK-6), which
  // the fail-open prompts do not describe, so its balancer stays generic.
  if (naming.style === 'aks') return { flavour: 'aks', cni: 'bridge', provider: 'generic' };
  if (rng.chance(0.4)) return { flavour: 'kind', cni: 'kindnet', provider: 'generic' };
  return { flavour: 'bare-metal', cni: rng.pick(['bridge', 'flannel-vxlan', 'calico-ipip', 'calico-bgp'] as const), provider: 'generic' };
}

/**
 * The provider the scenario declares: the flavour's family only while the balancer is a passthrough one that
 * splits evenly over healthy nodes; weight-aware, not-yet-settled and proxying balancers stay generic.
 */
export function providerOf(layout: Layout): ProviderChoice {
  return layout.balancing === 'healthy-nodes' && layout.preservesClientIP ? layout.provider : 'generic';
}

/** The balancer family of balancer-family.ts this layout declares (not an even "passes its check" one), or null. */
export function familyOf(layout: Layout): ProviderChoice | null {
  const provider = providerOf(layout);
  return layout.type === 'LoadBalancer' && isFamily(provider, layout.crossZone) ? provider : null;
}

function ensureUniquePodNames(pods: LayoutPod[], rng: Rng): void {
  const seen = new Set<string>();
  for (const p of pods) {
    while (seen.has(p.name)) p.name = `${p.name.slice(0, -1)}${rng.pick(['a', 'b', 'c', 'd', 'e'])}`;
    seen.add(p.name);
  }
}

export function podsOn(layout: Layout, node: string): LayoutPod[] {
  return layout.pods.filter((p) => p.node === node);
}

export function cloneLayout(layout: Layout): Layout {
  return structuredCloneLayout(layout);
}

function structuredCloneLayout(l: Layout): Layout {
  return {
    ...l,
    naming: { ...l.naming },
    nodes: l.nodes.map((n) => ({ ...n })),
    pods: l.pods.map((p) => ({ ...p })),
    sourceRanges: [...l.sourceRanges],
    traffic: l.traffic ? l.traffic.map((t) => ({ ...t })) : null,
  };
}

/** The engine scenario for a layout. */
export function toScenarioInput(layout: Layout, name?: string): ScenarioInput {
  const { naming } = layout;
  const lb = layout.type === 'LoadBalancer';
  const spec: NonNullable<ScenarioInput['service']>['spec'] = {
    type: layout.type,
    selector: { app: naming.serviceName },
    clusterIP: naming.clusterIP,
    externalTrafficPolicy: layout.policy,
    ports: [{ port: 80, targetPort: 8080, nodePort: layout.nodePort, protocol: 'TCP' }],
  };
  if (lb && layout.policy === 'Local') spec.healthCheckNodePort = layout.healthCheckNodePort;
  if (layout.sourceRanges.length > 0) spec.loadBalancerSourceRanges = [...layout.sourceRanges];
  const input: ScenarioInput = {
    ...(name ? { name } : {}),
    cluster: {
      proxyMode: layout.proxyMode,
      ...(layout.cni === 'bridge' ? {} : { cni: layout.cni }),
      clusterCIDR: naming.clusterCIDR,
      nodes: layout.nodes.map((n) => ({ name: n.name, ip: n.ip, podCIDR: n.podCIDR, ...(n.zone ? { zone: n.zone } : {}) })),
      pods: layout.pods.map((p) => ({
        name: p.name,
        node: p.node,
        ip: p.ip,
        labels: { app: naming.serviceName },
        ...(p.ready ? {} : { ready: false }),
        ...(p.terminating ? { terminating: true, serving: p.serving } : {}),
      })),
    },
    service: {
      metadata: { name: naming.serviceName, namespace: naming.namespace },
      spec,
      ...(lb ? { status: { loadBalancer: { ingress: [{ ip: naming.lbIP }] } } } : {}),
    },
    client: { ip: naming.clientIP },
  };
  const provider = providerOf(layout);
  const family = isFamily(provider, layout.crossZone) ? familyInput(provider, layout.crossZone) : null;
  if (lb && family) {
    input.loadBalancer = family;
  } else if (lb && provider !== 'generic') {
    // R-LBK-3: an NLB splits per zone unless cross-zone balancing is on; without a family draw it is on.
    input.loadBalancer = provider === 'aws-nlb' ? { provider, crossZone: true } : { provider };
  } else if (lb && (layout.balancing !== 'healthy-nodes' || !layout.preservesClientIP)) {
    input.loadBalancer = { balancing: layout.balancing, preservesClientIP: layout.preservesClientIP };
  }
  if (layout.traffic) input.traffic = layout.traffic.map((t) => ({ ...t }));
  return input;
}

/** A fresh Pod for `node` (fix-it replicas, moves). */
export function newPod(layout: Layout, node: LayoutNode, suffix: string): LayoutPod {
  const host = layout.nextPodHost++;
  return {
    name: `${layout.naming.serviceName}-${layout.replicaSetHash}-${suffix}`,
    node: node.name,
    ip: `10.${layout.naming.podOctet}.${node.index + 1}.${host}`,
    ready: true,
    terminating: false,
    serving: true,
  };
}

const BALANCING_TEXT: Record<BalancingChoice, string> = {
  'healthy-nodes': 'The cloud load balancer splits new connections evenly over the nodes that pass its health check.',
  weighted: 'The load balancer weights each node by the X-Load-Balancing-Endpoint-Weight header of its health check.',
  'all-nodes': 'The load balancer has not yet noticed any failing health check: it still splits evenly over all nodes.',
};
export const PROXY_TEXT: Record<ProxyModeChoice, string> = {
  iptables: 'kube-proxy runs in iptables mode.',
  nftables: 'kube-proxy runs in nftables mode (v1.34 or later).',
  ipvs: 'kube-proxy runs in IPVS mode.',
  'cilium-snat': 'Cilium replaces kube-proxy (loadBalancer.mode=snat).',
};

/**
 * The balancer's behaviour as it applies to this Service. Weights and failing checks come from the
 * health-check node port, which only a LoadBalancer + Local Service has (R-HC-1): under Cluster a
 * weight-aware balancer has no weight to read and splits evenly (R-LB-6, R-CLOUD-GCP).
 */
function balancingText(layout: Layout): string {
  if (layout.policy === 'Cluster' && layout.balancing !== 'healthy-nodes') {
    return layout.balancing === 'weighted'
      ? 'The load balancer is weight-aware, but a Cluster Service has no health-check node port to send weights, so it splits new connections evenly over the nodes.'
      : 'The cloud load balancer splits new connections evenly over all nodes.';
  }
  return BALANCING_TEXT[layout.balancing];
}

const PROVIDER_TEXT: Record<'generic' | 'gcp' | 'aws-nlb', string> = {
  generic: '',
  gcp: 'The balancer is a GKE passthrough Network Load Balancer (no weighted-load-balancing annotation): it splits new connections evenly over the nodes that pass its health check.',
  'aws-nlb': 'The balancer is an AWS Network Load Balancer with instance targets and cross-zone load balancing turned on: it splits new connections evenly over the nodes that pass its health check, across zones.',
};

/** What each plugin makes a masqueraded packet carry (R-CNI-2/3), as the prompts state it. */
export const CNI_TEXT: Record<CniChoice, string> = {
  bridge:
    "The Pod network is a bridge plugin (kubenet, or flannel with host-gw): each node's Pods sit behind a bridge holding the first address of the node's podCIDR, and nodes route Pod traffic to each other directly.",
  kindnet:
    "The Pod network is kindnet (the ptp plugin): each Pod's host-side veth holds the first address of the node's podCIDR as a /32, and nodes route Pod traffic to each other directly.",
  gke: "The Pod network is GKE's VPC-native ptp plugin: each Pod's host-side veth holds the first address of the node's podCIDR as a /32, and nodes route Pod traffic to each other directly.",
  'aws-vpc':
    "The Pod network is the AWS VPC CNI: the host-side veths carry no address (so the node's own IP is the only one to masquerade to), and Pod traffic between nodes is routed directly.",
  'flannel-vxlan':
    "The Pod network is flannel with VXLAN: each node's Pods sit behind a bridge holding the first address of the node's podCIDR, and traffic to other nodes' Pods leaves through flannel.1, which holds the podCIDR's network address (the .0).",
  'calico-bgp':
    "The Pod network is Calico with BGP, no encapsulation: the host-side veths carry no address (so the node's own IP is the only one to masquerade to), and Pod traffic between nodes is routed directly.",
  'calico-ipip':
    "The Pod network is Calico with IP-in-IP: the host-side veths carry no address, and traffic to other nodes' Pods leaves through tunl0, whose tunnel address here is the network address of the node's podCIDR (the .0).",
};

/** The plugin sentence where it decides a masqueraded source (kube-proxy modes; Cilium SNATs in BPF, §11). */
export function cniText(layout: Layout): string {
  return layout.proxyMode === 'cilium-snat' ? '' : CNI_TEXT[layout.cni];
}

/** The sentence naming the balancer family, if it is not the generic one. */
function providerText(layout: Layout, bothPolicies: boolean): string {
  const provider = providerOf(layout);
  if (isFamily(provider, layout.crossZone)) return familyText(layout, provider, bothPolicies);
  return PROVIDER_TEXT[provider as 'generic' | 'gcp' | 'aws-nlb'];
}

/** The Pod-side device and inter-node path of a plugin (R-CNI-5 presets). */
export function cniShape(cni: CniChoice): { podInterface: 'bridge' | 'veth-gateway' | 'veth-unnumbered'; tunnel: boolean } {
  switch (cni) {
    case 'bridge':
      return { podInterface: 'bridge', tunnel: false };
    case 'flannel-vxlan':
      return { podInterface: 'bridge', tunnel: true };
    case 'kindnet':
    case 'gke':
      return { podInterface: 'veth-gateway', tunnel: false };
    case 'aws-vpc':
    case 'calico-bgp':
      return { podInterface: 'veth-unnumbered', tunnel: false };
    case 'calico-ipip':
      return { podInterface: 'veth-unnumbered', tunnel: true };
  }
}

/** The overlay device's address of a node under a tunnel plugin: its podCIDR's network address (R-CNI-5). */
export function tunnelIPOf(node: LayoutNode): string {
  return node.podCIDR.replace(/\/24$/, '');
}

/**
 * One or two sentences naming the Service, its policy, the balancer and the data plane. `bothPolicies`: the
 * question weighs both policies, so a balancer family says what it does under each.
 */
export function describeSetup(layout: Layout, opts: { bothPolicies?: boolean } = {}): string {
  const svc = `${layout.naming.namespace}/${layout.naming.serviceName}`;
  const parts = [`Service ${svc} is type ${layout.type} with externalTrafficPolicy: ${layout.policy}.`];
  if (layout.type === 'LoadBalancer') {
    parts.push(providerText(layout, opts.bothPolicies ?? false) || balancingText(layout));
    if (!layout.preservesClientIP) parts.push('The balancer is a proxy: it opens its own connection to the node.');
  }
  if (layout.sourceRanges.length > 0) parts.push(`loadBalancerSourceRanges: ${layout.sourceRanges.join(', ')}.`);
  const proxy = PROXY_TEXT[layout.proxyMode];
  if (proxy) parts.push(proxy);
  const cni = cniText(layout);
  if (cni) parts.push(cni);
  return parts.join(' ');
}

export function nodeOf(layout: Layout, name: string): LayoutNode {
  const n = layout.nodes.find((x) => x.name === name);
  if (!n) throw new Error(`no node ${name}`);
  return n;
}

/** The Pod bridge address of a node: the first address of its podCIDR (the engine's default). */
export function bridgeIPOf(node: LayoutNode): string {
  return node.podCIDR.replace(/\.0\/24$/, '.1');
}

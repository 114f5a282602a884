/**
 * A second, deliberately simple derivation of the keys of the practice kinds (issue 12 item 14), written
 * from routing-semantics.md and NOT calling lib/engine. It reads a ScenarioInput in the shape the generators
 * produce (one Service port, every Pod selected, default detector, no topology hints, no externalIPs) and
 * refuses anything else, so a generator drifting outside that shape fails loudly instead of agreeing by luck.
 */
import Fraction from 'fraction.js';
import type { ScenarioInput } from '@/lib/engine';
import { familyShares, MODELLED_PROVIDERS } from './balancer-families';

export interface ONode {
  name: string;
  ip: string;
  bridge: string;
  /** Overlay device address: the podCIDR's network address (R-CNI-5 default). */
  tunnel: string;
  zone: string | null;
}

/**
 * R-CNI-5 presets, copied from the spec's table: what holds an address on the Pod side, and whether other
 * nodes' Pods are reached through a tunnel device.
 */
export const CNI_PRESETS: Record<string, { pod: 'bridge' | 'veth-gateway' | 'veth-unnumbered'; tunnel: boolean }> = {
  kubenet: { pod: 'bridge', tunnel: false },
  bridge: { pod: 'bridge', tunnel: false },
  'flannel-host-gw': { pod: 'bridge', tunnel: false },
  'flannel-vxlan': { pod: 'bridge', tunnel: true },
  kindnet: { pod: 'veth-gateway', tunnel: false },
  gke: { pod: 'veth-gateway', tunnel: false },
  'calico-bgp': { pod: 'veth-unnumbered', tunnel: false },
  'aws-vpc': { pod: 'veth-unnumbered', tunnel: false },
  'calico-ipip': { pod: 'veth-unnumbered', tunnel: true },
  'calico-vxlan': { pod: 'veth-unnumbered', tunnel: true },
};
export interface OPod {
  name: string;
  node: string;
  ip: string;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
}
export interface OBackend {
  pod: string;
  sourceIp: string;
  crosses: boolean;
}
export interface OFlow {
  verdict: 'forwarded' | 'dropped' | 'rejected' | 'asymmetric';
  backends: OBackend[];
}

export class Oracle {
  readonly nodes: ONode[];
  readonly pods: OPod[];
  readonly mode: string;
  readonly local: boolean;
  readonly lbType: boolean;
  readonly ranges: string[];
  readonly balancing: string;
  readonly passthrough: boolean;
  readonly clientIp: string;
  /** R-LBK-10: the balancer family (generic = the pre-R-LBK even balancer) and AWS cross-zone (default off). */
  readonly provider: string;
  readonly crossZone: boolean;
  readonly lbIp: string;
  readonly lbOwnIp = '10.0.0.250';
  /** The plugin's shape (R-CNI-5); absent cni = a bridge with direct routes. */
  readonly cni: { pod: 'bridge' | 'veth-gateway' | 'veth-unnumbered'; tunnel: boolean };

  constructor(readonly s: ScenarioInput) {
    const spec = s.service.spec;
    if ((spec.ports ?? []).length !== 1) throw new Error('oracle: one port only');
    if (spec.externalIPs?.length || spec.trafficDistribution || spec.internalTrafficPolicy === 'Local')
      throw new Error('oracle: unsupported Service field');
    if (s.cluster.detectLocal === false || s.cluster.masqueradeAll)
      throw new Error('oracle: unsupported cluster field');
    this.mode = s.cluster.proxyMode ?? 'iptables';
    const cni = s.cluster.cni ?? 'bridge';
    if (typeof cni !== 'string' || !CNI_PRESETS[cni]) throw new Error('oracle: cni presets only');
    this.cni = CNI_PRESETS[cni]!;
    this.nodes = s.cluster.nodes.map((n) => {
      if (!n.podCIDR) throw new Error('oracle: nodes need a podCIDR');
      // Node health, deletion, taints and explicit bridges are not modelled: refuse rather than agree by luck.
      if (n.proxyHealthy === false || n.deleting || n.taints?.length || n.bridgeIP || n.tunnelIP || n.labels)
        throw new Error('oracle: unsupported node field');
      // The bridge (or ptp gateway) holds the first address of the podCIDR (R-SRC-2, R-CNI-2); a tunnel
      // device holds its network address (R-CNI-3 flannel vxlan, R-CNI-5 default).
      const net = n.podCIDR.split('/')[0]!;
      const base = net.split('.').map(Number);
      base[3] = base[3]! + 1;
      return { name: n.name, ip: n.ip, bridge: base.join('.'), tunnel: net, zone: n.zone ?? null };
    });
    this.pods = (s.cluster.pods ?? []).map((p) => {
      if (!p.node) throw new Error('oracle: every Pod has a node');
      const selector = spec.selector ?? {};
      if (Object.entries(selector).some(([k, v]) => p.labels?.[k] !== v))
        throw new Error('oracle: every Pod is selected');
      const ready = p.ready ?? true;
      return {
        name: p.name,
        node: p.node,
        ip: p.ip,
        ready,
        serving: p.serving ?? ready,
        terminating: p.terminating ?? false,
      };
    });
    this.local = (spec.externalTrafficPolicy ?? 'Cluster') === 'Local';
    this.lbType = spec.type === 'LoadBalancer';
    this.ranges = spec.loadBalancerSourceRanges ?? [];
    // R-LBK-2 … R-LBK-8 (balancer-families.ts); aws-clb, explicit zones/speakers and hostname-only are refused.
    const provider = s.loadBalancer?.provider ?? 'generic';
    if (!MODELLED_PROVIDERS.includes(provider)) throw new Error(`oracle: provider ${provider}`);
    const lb = s.loadBalancer;
    if (lb?.zones || lb?.speakers || lb?.preferredNodes || lb?.allUnhealthy) throw new Error('oracle: explicit balancer zones/speakers');
    if (provider !== 'generic' && (lb?.balancing || lb?.preservesClientIP === false))
      throw new Error('oracle: a provider with an explicit balancing model');
    this.provider = provider;
    this.crossZone = lb?.crossZone ?? false;
    const ingress = spec.type === 'LoadBalancer' ? s.service.status?.loadBalancer?.ingress?.[0] : undefined;
    if (spec.type === 'LoadBalancer' && !ingress?.ip) throw new Error('oracle: an ingress IP is needed');
    this.lbIp = ingress?.ip ?? '';
    this.balancing = s.loadBalancer?.balancing ?? 'healthy-nodes';
    this.passthrough = s.loadBalancer?.preservesClientIP ?? true;
    if ((s.loadBalancer?.targets ?? 'nodes') !== 'nodes') throw new Error('oracle: node targets only');
    this.clientIp = s.client?.ip ?? '203.0.113.2';
  }

  node(name: string): ONode {
    const n = this.nodes.find((x) => x.name === name);
    if (!n) throw new Error(`oracle: no node ${name}`);
    return n;
  }

  /** R-EP-1: ready endpoints anywhere, else serving-terminating ones. */
  clusterSet(): OPod[] {
    const ready = this.pods.filter((p) => p.ready);
    return ready.length > 0 ? ready : this.pods.filter((p) => p.serving && p.terminating);
  }

  /** R-EP-2: the node's ready endpoints, else its serving-terminating ones. */
  localSet(node: string): OPod[] {
    const mine = this.pods.filter((p) => p.node === node);
    const ready = mine.filter((p) => p.ready);
    return ready.length > 0 ? ready : mine.filter((p) => p.serving && p.terminating);
  }

  /** R-HC-2: distinct IPs of ready local endpoints. */
  hcCount(node: string): number {
    return new Set(this.pods.filter((p) => p.node === node && p.ready).map((p) => p.ip)).size;
  }

  /** R-FW-1: whether `ip` is inside one of loadBalancerSourceRanges. */
  private inRanges(ip: string): boolean {
    const toInt = (a: string) => a.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
    return this.ranges.some((r) => {
      const [net, bits] = r.split('/');
      const block = 2 ** (32 - Number(bits));
      return Math.floor(toInt(ip) / block) === Math.floor(toInt(net ?? '') / block);
    });
  }

  /**
   * One flow: `from` external | pod/NAME | node/NAME, `to` loadBalancer | nodePort, `node` the entry node for
   * external traffic. Returns the verdict and, when forwarded, every backend with the source it sees.
   */
  flow(from: string, to: string, entryName: string | undefined): OFlow {
    const stop = (verdict: OFlow['verdict']): OFlow => ({ verdict, backends: [] });
    const kubeProxy = !this.mode.startsWith('cilium');
    let deciding: ONode;
    let src: string;
    let kind: 'external' | 'pod' | 'node';
    if (from === 'external') {
      deciding = this.node(entryName ?? '');
      kind = 'external';
      src = this.clientIp;
      if (to === 'loadBalancer') {
        // R-FW-1: the balancer's source ranges filter traffic to the LB IP only.
        if (this.ranges.length > 0 && !this.inRanges(this.clientIp)) return stop('dropped');
        // R-SRC-3: a proxying balancer delivers its own address.
        if (!this.passthrough) src = this.lbOwnIp;
      }
    } else if (from.startsWith('pod/')) {
      const pod = this.pods.find((p) => `pod/${p.name}` === from);
      if (!pod || to !== 'loadBalancer') throw new Error(`oracle: unsupported flow ${from} → ${to}`);
      // §1: the LB IP (ipMode VIP) is caught by the sender's own node.
      deciding = this.node(pod.node);
      kind = 'pod';
      src = pod.ip;
      if (this.ranges.length > 0 && !this.inRanges(src)) return stop('dropped');
    } else if (from.startsWith('node/')) {
      deciding = this.node(from.slice(5));
      if (to !== 'loadBalancer') throw new Error(`oracle: unsupported flow ${from} → ${to}`);
      kind = 'node';
      src = deciding.ip;
      if (this.ranges.length > 0 && !this.inRanges(src)) return stop('dropped');
    } else {
      throw new Error(`oracle: unsupported sender ${from}`);
    }
    // R-DROP-1: no usable endpoint anywhere → REJECT.
    const cluster = this.clusterSet();
    if (cluster.length === 0) return stop('rejected');
    const localSet = this.localSet(deciding.name);

    let set: OPod[];
    let masq: 'all' | 'remote' | 'none';
    let verdict: OFlow['verdict'] = 'forwarded';
    if (!kubeProxy) {
      // §11 Cilium: in-cluster clients are translated at the socket (Cluster set, no SNAT); external traffic:
      // Local → local set or drop; Cluster → SNAT only toward remote backends (snat mode).
      if (kind !== 'external') {
        set = cluster;
        masq = 'none';
      } else if (this.local) {
        if (localSet.length === 0) return stop('dropped');
        set = localSet;
        masq = 'none';
      } else {
        set = cluster;
        masq = this.mode === 'cilium-dsr' ? 'none' : 'remote';
      }
    } else if (!this.local) {
      // R-EXT-1/2: Cluster set, always masqueraded.
      set = cluster;
      masq = 'all';
    } else if (this.mode === 'ipvs') {
      // R-X-4: local endpoints if any (every source), else the whole Cluster set; never masqueraded.
      if (localSet.length > 0) set = localSet;
      else {
        set = cluster;
        if (kind === 'external') verdict = 'asymmetric';
      }
      masq = 'none';
    } else if (kind === 'pod') {
      set = cluster; // R-EXT-4
      masq = 'none';
    } else if (kind === 'node') {
      set = cluster; // R-EXT-5
      masq = 'all';
    } else {
      if (localSet.length === 0) return stop('dropped'); // R-EXT-7
      set = localSet; // R-EXT-6
      masq = 'none';
    }
    const backends = set.map((p) => {
      const crosses = p.node !== deciding.name;
      let sourceIp = src;
      const hairpin = kubeProxy && p.ip === src;
      if (masq === 'all' || (masq === 'remote' && crosses) || hairpin)
        sourceIp = kubeProxy ? this.masqueradeTo(deciding, crosses) : crosses ? deciding.ip : deciding.bridge;
      return { pod: p.name, sourceIp, crosses };
    });
    return { verdict, backends };
  }

  /**
   * R-CNI-2/3, kube-proxy's MASQUERADE on node n: same node → the Pod-side device's address (bridge or ptp
   * gateway .1; none on unnumbered veths → node IP); other node → node IP on a direct route, tunnel address
   * through an overlay. (Cilium SNATs in BPF, §11: not this table.)
   */
  masqueradeTo(n: ONode, crosses: boolean): string {
    if (crosses) return this.cni.tunnel ? n.tunnel : n.ip;
    return this.cni.pod === 'veth-unnumbered' ? n.ip : n.bridge;
  }

  /**
   * R-LB-6 / R-LB-7 / R-LBK: each node's share of new connections from the balancer; every share 0 when no node
   * receives anything (Azure with every probe down, MetalLB with no node announcing: `unanswered()`).
   */
  balancerShares(): Map<string, Fraction> {
    const out = new Map<string, Fraction>();
    for (const n of this.nodes) out.set(n.name, new Fraction(0));
    if (this.provider !== 'generic') {
      // Local: the health-check node port (R-HC-3). Cluster: GCP probes kube-proxy's /healthz (all healthy here;
      // under Cilium nobody answers and it fails open to the same equal split); AWS and Azure open a TCP
      // connection to the NodePort, which succeeds wherever some endpoint is usable (R-LBK-1).
      const anyUsable = this.clusterSet().length > 0;
      const family = familyShares({
        provider: this.provider,
        crossZone: this.crossZone,
        local: this.local,
        anyServable: this.pods.some((p) => p.ready || p.serving),
        ip: this.lbIp,
        nodes: this.nodes.map((n) => ({
          name: n.name,
          zone: n.zone,
          passes: this.local ? this.hcCount(n.name) > 0 : this.provider === 'gcp' || anyUsable,
          servableLocal: this.pods.some((p) => p.node === n.name && (p.ready || p.serving)),
        })),
      });
      return family ?? out;
    }
    if (this.balancing === 'all-nodes') {
      for (const n of this.nodes) out.set(n.name, new Fraction(1, this.nodes.length));
      return out;
    }
    // Under Local the check is the health-check node port (R-HC-3); under Cluster every node passes (all
    // proxies healthy, none deleted). Nobody passing → fail open over all nodes.
    const healthy = this.local ? this.nodes.filter((n) => this.hcCount(n.name) > 0) : this.nodes;
    if (this.balancing === 'weighted' && this.local) {
      const total = healthy.reduce((a, n) => a + this.hcCount(n.name), 0);
      if (total > 0) {
        for (const n of healthy) out.set(n.name, new Fraction(this.hcCount(n.name), total));
        return out;
      }
    }
    const chosen = healthy.length > 0 ? healthy : this.nodes;
    for (const n of chosen) out.set(n.name, new Fraction(1, chosen.length));
    return out;
  }

  /** Whether the balancer delivers nothing at all (R-LBK-6 AllProbedDown, R-LBK-7/8 nobody announcing). */
  unanswered(): boolean {
    return [...this.balancerShares().values()].every((s) => s.equals(0));
  }

  /** Pod shares of all balancer traffic: Σ over nodes of share(n) × 1/|set(n)| for forwarded flows. */
  podShares(): Map<string, Fraction> {
    const out = new Map<string, Fraction>();
    for (const p of this.pods) out.set(p.name, new Fraction(0));
    for (const [node, s] of this.balancerShares()) {
      if (s.equals(0)) continue;
      const f = this.flow('external', 'loadBalancer', node);
      if (f.verdict !== 'forwarded') continue;
      for (const b of f.backends) out.set(b.pod, out.get(b.pod)!.add(s.div(f.backends.length)));
    }
    return out;
  }
}

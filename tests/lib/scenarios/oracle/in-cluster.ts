/**
 * Oracle for in-cluster (issue 13), written from routing-semantics.md §2, §3.1, §3.3, §3.4, §4, §5 without lib/engine.
 * It reads the scenarios the in-cluster generator makes (kube-proxy iptables / nftables / IPVS, one port, the
 * default detector over clusterCIDR, an R-CNI-5 plugin preset, no topology, one flow from a Pod or a node to the ClusterIP
 * or, for iptables/nftables, to the load balancer IP) and refuses anything else with an "oracle:" error.
 *
 *  - R-EP-1 Cluster set: ready endpoints anywhere; if none, serving-and-terminating ones anywhere.
 *  - R-EP-2 Local set: ready endpoints on the node; if none, serving-and-terminating ones there.
 *  - R-EP-3 / R-DROP-1: nothing ready or serving-and-terminating anywhere → refused.
 *  - R-INT-1/3: ClusterIP → Local set under iTP Local (empty → timeout), else Cluster set; R-INT-2 masquerade
 *    iff the sender is not a Pod (inside clusterCIDR).
 *  - R-EXT-1/2 (eTP Cluster): LB IP → Cluster set, masqueraded. R-EXT-4/5 (eTP Local): a Pod → Cluster set
 *    unmasqueraded; a node → Cluster set masqueraded. iTP never applies to the LB IP (R-EXT-3).
 *  - R-LB-1..3 uniform; R-CNI-2/3 masquerade → toward its own node the Pod-side address (bridge or ptp
 *    gateway: first address of the podCIDR; unnumbered veths: the node IP), toward another node the node IP on
 *    direct routes or the tunnel address (podCIDR network address) under an overlay; R-HP-1 / R-CNI-4 a Pod
 *    reaching itself is masqueraded by the same-node rule.
 */
import Fraction from 'fraction.js';
import type { ScenarioInput } from '@/lib/engine';
import type { InClusterAsk } from '@/lib/scenarios/kinds/in-cluster';
import { CNI_PRESETS } from './model';

interface P {
  name: string;
  node: string;
  ip: string;
  ready: boolean;
  servingTerminating: boolean;
  selected: boolean;
}

function inCidr(ip: string, cidr: string): boolean {
  const [base, bits] = cidr.split('/');
  const n = (a: string) => a.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
  const size = 2 ** (32 - Number(bits));
  return Math.floor(n(ip) / size) === Math.floor(n(base!) / size);
}

export function oracleKey(s: ScenarioInput, ask: InClusterAsk): Record<string, string> {
  const spec = s.service.spec;
  const mode = s.cluster.proxyMode ?? 'iptables';
  if (!['iptables', 'nftables', 'ipvs'].includes(mode)) throw new Error('oracle: kube-proxy modes only');
  if ((spec.ports ?? []).length !== 1 || spec.trafficDistribution || spec.externalIPs?.length)
    throw new Error('oracle: unsupported Service field');
  if (s.cluster.detectLocal === false || s.cluster.masqueradeAll || !s.cluster.clusterCIDR)
    throw new Error('oracle: unsupported cluster field');
  const cniName = s.cluster.cni ?? 'bridge';
  const cni = typeof cniName === 'string' ? CNI_PRESETS[cniName] : undefined;
  if (!cni) throw new Error('oracle: cni presets only');
  const traffic = s.traffic ?? [];
  if (traffic.length !== 1) throw new Error('oracle: exactly one flow');
  const t = traffic[0]!;
  if (t.node || t.ip) throw new Error('oracle: the flow leaves from its sender');
  const to = t.to;
  if (to !== 'clusterIP' && !(to === 'loadBalancer' && mode !== 'ipvs' && spec.type === 'LoadBalancer'))
    throw new Error('oracle: ClusterIP, or the LB IP under iptables/nftables');

  const nodes = new Map(
    s.cluster.nodes.map((n) => {
      if (!n.podCIDR || n.bridgeIP || n.tunnelIP || n.zone) throw new Error('oracle: unsupported node field');
      const net = n.podCIDR.split('/')[0]!;
      const b = net.split('.').map(Number);
      b[3] = b[3]! + 1;
      const gateway = b.join('.');
      // Same node: the Pod-side device's address, none on unnumbered veths → node IP. Other node: node IP, or
      // the tunnel device's address (podCIDR network address) under an overlay.
      return [n.name, { ip: n.ip, local: cni.pod === 'veth-unnumbered' ? n.ip : gateway, remote: cni.tunnel ? net : n.ip }] as const;
    }),
  );
  const selector = spec.selector ?? {};
  const pods: P[] = (s.cluster.pods ?? []).map((p) => {
    if (!p.node) throw new Error('oracle: every Pod has a node');
    const ready = p.ready ?? true;
    const serving = p.serving ?? ready;
    return {
      name: p.name,
      node: p.node,
      ip: p.ip,
      ready,
      servingTerminating: serving && (p.terminating ?? false),
      selected: Object.entries(selector).every(([k, v]) => p.labels?.[k] === v),
    };
  });
  const endpoints = pods.filter((p) => p.selected);

  // The sender and the node whose rules decide.
  let node: string;
  let src: string;
  let isPod: boolean;
  if (t.from.startsWith('pod/')) {
    const p = pods.find((x) => `pod/${x.name}` === t.from);
    if (!p) throw new Error('oracle: unknown sender');
    node = p.node;
    src = p.ip;
    isPod = inCidr(p.ip, s.cluster.clusterCIDR);
  } else if (t.from.startsWith('node/')) {
    node = t.from.slice('node/'.length);
    src = nodes.get(node)!.ip;
    isPod = false;
  } else throw new Error('oracle: in-cluster senders only');

  const none = (outcome: string) => {
    const key: Record<string, string> = { outcome, podShare: '0' };
    if (ask.crossNode) key.crossNode = '0';
    if (ask.sourcePod) key.sourceIp = 'none';
    return key;
  };
  if (!endpoints.some((e) => e.ready || e.servingTerminating)) return none('refused');

  const clusterSet = () => {
    const r = endpoints.filter((e) => e.ready);
    return r.length ? r : endpoints.filter((e) => e.servingTerminating);
  };
  const localSet = () => {
    const here = endpoints.filter((e) => e.node === node);
    const r = here.filter((e) => e.ready);
    return r.length ? r : here.filter((e) => e.servingTerminating);
  };
  let set: P[];
  let masq: boolean;
  if (to === 'clusterIP') {
    set = spec.internalTrafficPolicy === 'Local' ? localSet() : clusterSet();
    masq = !isPod;
  } else {
    set = clusterSet();
    masq = (spec.externalTrafficPolicy ?? 'Cluster') === 'Cluster' || !isPod;
  }
  if (set.length === 0) return none('timeout');

  const p = new Fraction(1, set.length);
  const here = nodes.get(node)!;
  const seen = (e: P) =>
    masq || e.ip === src ? (e.node === node ? here.local : here.remote) : src;
  const key: Record<string, string> = {
    outcome: 'served',
    podShare: set.some((e) => e.name === ask.sharePod) ? p.toFraction() : '0',
  };
  if (ask.crossNode) key.crossNode = p.mul(set.filter((e) => e.node !== node).length).toFraction();
  if (ask.sourcePod) {
    const e = set.find((x) => x.name === ask.sourcePod);
    if (!e) throw new Error('oracle: the asked Pod is not reachable');
    key.sourceIp = seen(e);
  }
  return key;
}

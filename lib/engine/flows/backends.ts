/**
 * Turning the chosen endpoint set into backends: probability (R-LB-1..3: uniform 1/N), crossing nodes
 * (R-X-1..3), and the source IP the Pod sees (R-SRC-1/2, R-HP-1, R-CNI-1..4). One probability string per flow and
 * one object per backend, so large Cluster sets stay cheap.
 */
import type { BackendAnswer, SourceIpKind } from '../answer';
import type { CniModel, EndpointModel, NodeModel } from '../model';
import { share, type Share } from '../fractions';

export interface BackendOptions {
  /** The node whose rules chose the endpoint; null when no node did (load balancer IP targets). */
  node: NodeModel | null;
  /** The source address as it arrived, and what it is called when it is kept. */
  srcIp: string;
  srcKind: SourceIpKind;
  /** SNAT toward every endpoint (kube-proxy's masquerade mark). */
  masquerade: boolean;
  /** SNAT toward endpoints on other nodes only (Cilium SNAT mode). */
  snatRemote: boolean;
  /** SNAT toward the endpoint whose IP is the source (kube-proxy hairpin, R-HP-1). */
  hairpin: boolean;
  /**
   * kube-proxy modes: the network plugin, which decides the address MASQUERADE picks (R-CNI-2/3). null: Cilium's
   * BPF SNAT (§11), the node IP toward another node and the bridge IP toward its own (not R-CNI).
   */
  cni: CniModel | null;
  /**
   * Positions in the set (ascending) of the endpoints on `node` (EngineContext.localPositions); every other
   * endpoint crosses nodes. Given rather than found here by comparing node names per endpoint, which dominated
   * large Cluster sets (one set, asked by every node).
   */
  onNode: readonly number[];
}

export function uniformProbability(n: number): Share {
  return share(1, n);
}

export interface SnatSource {
  ip: string;
  kind: SourceIpKind;
}

/**
 * The source a masqueraded packet gets on `node` (R-CNI-5): toward a Pod on the same node (R-CNI-2, and the
 * hairpin R-CNI-4) the bridge/gateway address, or the node IP when the Pod-side veth has no address; toward
 * another node's Pod (or one with no nodeName) the node IP, or the overlay device's address when the plugin
 * tunnels (R-CNI-3). Without a plugin (null) the pre-R-CNI rule, i.e. {bridge, direct}.
 */
export function snatSource(node: NodeModel, crossesNodes: boolean, cni: CniModel | null): SnatSource {
  if (crossesNodes) {
    return cni?.interNode === 'tunnel' && node.tunnelIP !== null ? { ip: node.tunnelIP, kind: 'tunnel' } : { ip: node.ip, kind: 'node' };
  }
  return cni?.podInterface === 'veth-unnumbered' ? { ip: node.ip, kind: 'node' } : { ip: node.bridgeIP, kind: 'bridge' };
}

export function buildBackends(set: readonly EndpointModel[], o: BackendOptions): BackendAnswer[] {
  if (set.length === 0) return [];
  const toLocal = o.node ? snatSource(o.node, false, o.cni) : null;
  const toRemote = o.node ? snatSource(o.node, true, o.cni) : null;
  const probability = set.length === 1 ? '1' : `1/${set.length}`;
  const nodeName = o.node?.name ?? null;
  const out: BackendAnswer[] = new Array(set.length);
  let next = 0;
  let localAt = o.onNode[0] ?? -1;
  for (let i = 0; i < set.length; i++) {
    const endpoint = set[i]!;
    const local = i === localAt;
    if (local) localAt = o.onNode[++next] ?? -1;
    const crossesNodes = nodeName !== null && !local;
    let sourceIp = o.srcIp;
    let sourceIpKind: SourceIpKind = o.srcKind;
    if (o.node && (o.masquerade || (o.snatRemote && crossesNodes) || (o.hairpin && endpoint.ip === o.srcIp))) {
      const snat = crossesNodes ? toRemote! : toLocal!;
      sourceIp = snat.ip;
      sourceIpKind = snat.kind;
    }
    out[i] = { pod: endpoint.pod, probability, crossesNodes, sourceIp, sourceIpKind };
  }
  return out;
}

/** "each of the 3 endpoints with probability 1/3" */
export function describeUniform(n: number): string {
  return n === 1 ? 'the only endpoint (probability 1)' : `each of the ${n} endpoints with probability 1/${n}`;
}

/** "1 endpoint", "3 endpoints" (number agreement in the step text, issue 12). */
export function endpointCount(n: number): string {
  return `${n} endpoint${n === 1 ? '' : 's'}`;
}

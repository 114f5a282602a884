/**
 * Where a flow is decided and what that node sees (routing-semantics.md §1; R-NP-1, R-LBIP-1, R-FW-1,
 * R-SRC-3, R-CLOUD-AWS). Resolves the destination (ClusterIP, NodePort, externalIP, LB ingress IP), the node
 * whose rules apply, the source address as that node sees it and whether that source is a pod (the
 * LocalTrafficDetector) or local to the node. Flows that never reach a data-plane decision end here with an
 * `outcome` (unmatched, dropped by loadBalancerSourceRanges, or delivered by the balancer straight to Pods).
 */
import type { SourceIpKind, Verdict } from '../answer';
import type { LoadBalancerIngressModel, NodeModel, TrafficModel } from '../model';
import type { EngineContext } from '../context';
import { anyCidrContains, isLocalAddress, LOOPBACK_IP } from '../net';
import type { Sender } from './sender';
import { balancerPlan } from '../balancer';

export interface Arrival {
  node: NodeModel;
  srcIp: string;
  /** What the source is called if it is kept: the sender itself, or a proxying balancer. */
  srcKind: SourceIpKind;
  /** LocalTrafficDetector verdict (false when there is no detector). */
  isPod: boolean;
  /** The source address is local to `node` (host network, 127.0.0.1). */
  isLocal: boolean;
  destClass: 'internal' | 'external';
  destIp: string;
  /** Cilium: an in-cluster client whose connect() is translated by the socket load balancer. */
  socketTranslated: boolean;
}

export type ArrivalResult =
  | { kind: 'arrival'; arrival: Arrival }
  | { kind: 'outcome'; verdict: Verdict; node: NodeModel | null; reason: string }
  | { kind: 'pod-targets'; srcIp: string; srcKind: SourceIpKind };

function unmatched(node: NodeModel | null, reason: string): ArrivalResult {
  return { kind: 'outcome', verdict: 'unmatched', node, reason };
}

/** The rule family whose chain would handle a destination (steps that end a flow early cite it). */
export function destinationRule(to: TrafficModel['to']): string {
  switch (to) {
    case 'clusterIP':
      return 'R-INT-1';
    case 'externalIP':
      return 'R-EXT-1';
    case 'nodePort':
      return 'R-NP-1';
    case 'loadBalancer':
      return 'R-LB-6';
  }
}

function nodeOf(ctx: EngineContext, name: string | null): NodeModel | null {
  return name ? (ctx.nodes.get(name) ?? null) : null;
}

/**
 * R-NP-3: the nodePortAddresses CIDRs of the proxier's family (IPv4). Entries of the other family are ignored,
 * and a list with none left means every address (kube-proxy substitutes 0.0.0.0/0): null.
 */
function ipv4NodePortCidrs(list: readonly string[]): string[] | null {
  const v4 = list.filter((c) => !c.includes(':'));
  return v4.length > 0 ? v4 : null;
}

/** R-NP-1, R-NP-3: whether the data plane answers this NodePort on `destIp` of `node`. */
function nodePortAnswers(ctx: EngineContext, node: NodeModel, destIp: string): { ok: boolean; why: string } {
  const { nodePortAddresses, localhostNodePorts } = ctx.scenario.cluster;
  const { traits } = ctx;
  const cidrs = Array.isArray(nodePortAddresses) ? ipv4NodePortCidrs(nodePortAddresses) : null;
  const matchAll = nodePortAddresses === 'all' || (Array.isArray(nodePortAddresses) && cidrs === null);
  const allFamily = Array.isArray(nodePortAddresses) && cidrs === null ? ' (nodePortAddresses has no IPv4 CIDR: every address, R-NP-3)' : '';
  const ignored = Array.isArray(nodePortAddresses) && cidrs !== null && cidrs.length < nodePortAddresses.length
    ? ` (the IPv6 entries ${nodePortAddresses.filter((c) => c.includes(':')).join(', ')} are ignored by the IPv4 proxier, R-NP-3)`
    : '';
  if (destIp === LOOPBACK_IP) {
    if (traits.family === 'cilium') return { ok: true, why: 'Cilium answers NodePorts on 127.0.0.1 through its socket load balancer' };
    if (!traits.localhostNodePorts) return { ok: false, why: `${traits.label} never answers NodePorts on 127.0.0.1` };
    if (!localhostNodePorts) return { ok: false, why: 'localhostNodePorts is false' };
    const allowed = matchAll || (cidrs !== null && anyCidrContains(cidrs, LOOPBACK_IP));
    return allowed
      ? { ok: true, why: `iptables answers NodePorts on 127.0.0.1 (localhostNodePorts), and that traffic is masqueraded${allFamily}` }
      : { ok: false, why: `nodePortAddresses does not include 127.0.0.1${ignored}` };
  }
  if (matchAll) {
    return Array.isArray(nodePortAddresses)
      ? { ok: true, why: `nodePortAddresses ${nodePortAddresses.join(', ')} has no IPv4 CIDR, so the IPv4 proxier ignores it and NodePorts answer on every local address (R-NP-3)` }
      : { ok: true, why: 'NodePorts answer on every local address (nodePortAddresses all)' };
  }
  if (nodePortAddresses === 'primary') {
    return destIp === node.ip
      ? { ok: true, why: `NodePorts answer on the node's primary IP ${node.ip}` }
      : { ok: false, why: `NodePorts answer only on the node's primary IP ${node.ip} (nodePortAddresses primary)` };
  }
  const list = cidrs ?? [];
  return anyCidrContains(list, destIp)
    ? { ok: true, why: `${destIp} is inside nodePortAddresses ${list.join(', ')}${ignored}` }
    : { ok: false, why: `${destIp} is outside nodePortAddresses ${list.join(', ')}${ignored}` };
}

/**
 * R-NP-2: the NAT rules did not take the packet (R-NP-1), but iptables' filter rule for a NodePort without usable
 * external endpoints matches every local address (`--dst-type LOCAL`, 127.0.0.1 included) whatever
 * nodePortAddresses and localhostNodePorts say: REJECT with no endpoints at all, DROP under eTP=Local with no
 * local endpoint. Otherwise no kube-proxy rule applies. (nftables has no such rule outside nodePortAddresses.)
 */
function noEndpointFilter(ctx: EngineContext, node: NodeModel, nodePort: number, reason: string): ArrivalResult {
  const cat = ctx.categorization(node);
  const svc = `${ctx.scenario.service.namespace}/${ctx.scenario.service.name}`;
  if (!cat.hasAnyEndpoints) {
    return { kind: 'outcome', verdict: 'rejected', node, reason: `${reason} R-NP-2: but ${svc} has no endpoints, and iptables' filter rule for NodePort ${nodePort} (KUBE-EXTERNAL-SERVICES, --dst-type LOCAL) matches every local address whatever nodePortAddresses says: REJECT, so the client sees "connection refused" (R-DROP-1).` };
  }
  if (ctx.flags.externalPolicyLocal && (cat.local ?? []).length === 0) {
    return { kind: 'outcome', verdict: 'dropped', node, reason: `${reason} R-NP-2: but ${node.name} has no local endpoint under externalTrafficPolicy Local, and iptables' filter rule for NodePort ${nodePort} (KUBE-EXTERNAL-SERVICES, --dst-type LOCAL) matches every local address whatever nodePortAddresses says: DROP, so the client times out (R-DROP-2).` };
  }
  return unmatched(node, `${reason} R-NP-2: the Service has usable endpoints, so no filter rule matches either; the host's own stack answers the port (a TCP reset if nothing listens).`);
}

function pickIngress(ctx: EngineContext, ip: string | null): LoadBalancerIngressModel | null {
  const { ingress } = ctx.scenario.service;
  if (ip) return ingress.find((i) => i.ip === ip) ?? null;
  return ingress[0] ?? null;
}

function arrive(ctx: EngineContext, node: NodeModel, srcIp: string, srcKind: SourceIpKind, destClass: Arrival['destClass'], destIp: string, socketTranslated: boolean): ArrivalResult {
  return {
    kind: 'arrival',
    arrival: {
      node,
      srcIp,
      srcKind,
      isPod: ctx.isPodSource(srcIp),
      isLocal: isLocalAddress(node, srcIp),
      destClass,
      destIp,
      socketTranslated,
    },
  };
}

/**
 * Resolves where and how a flow meets the data plane. `steps` receives the sentences for what happens before
 * the data-plane decision (the balancer, the firewall, which node's rules apply).
 */
export function resolveArrival(ctx: EngineContext, sender: Sender, traffic: TrafficModel, steps: string[]): ArrivalResult {
  const { scenario, flags, traits } = ctx;
  const service = scenario.service;
  const inCluster = sender.kind !== 'external';
  const cilium = traits.family === 'cilium';
  const requested = nodeOf(ctx, traffic.node);
  if (traffic.node && !requested) return unmatched(null, `${destinationRule(traffic.to)}: there is no node named ${traffic.node} to receive the flow, so no node's rules see it.`);
  // In-cluster clients are caught by the rules of their own node for VIP destinations (§1).
  const senderNode = sender.node ?? requested;
  // What an in-cluster sender's packet carries as its source toward a VIP (a host process picks the node IP).
  const inClusterSrc = sender.kind === 'localhost' && sender.node ? sender.node.ip : sender.ip;

  switch (traffic.to) {
    case 'clusterIP': {
      const clusterIP = flags.clusterIP;
      if (!clusterIP) return unmatched(senderNode, 'R-INT-1: the Service has no ClusterIP (headless), so no proxy rule matches.');
      const node = inCluster ? senderNode : requested;
      if (!node) return unmatched(null, `R-INT-1: ${sender.label} is on no node, so no node's rules see the packet.`);
      if (inCluster && requested && requested !== node) {
        steps.push(`R-INT-1: ${sender.label} reaches the ClusterIP through the rules of its own node ${node.name}, not ${requested.name}.`);
      }
      if (cilium && !inCluster) {
        return unmatched(node, `R-INT-1: ${traits.label} (§11) does not serve ClusterIPs to clients outside the cluster (bpf.lbExternalClusterIP is off by default), so nothing answers ${clusterIP}.`);
      }
      return arrive(ctx, node, inCluster ? inClusterSrc : sender.ip, 'client', 'internal', clusterIP, cilium && inCluster);
    }

    case 'externalIP': {
      if (service.externalIPs.length === 0) return unmatched(senderNode, 'R-EXT-1: the Service has no externalIPs, so no proxy rule matches.');
      const destIp = traffic.ip ?? service.externalIPs[0]!;
      if (!service.externalIPs.includes(destIp)) return unmatched(senderNode, `R-EXT-1: ${destIp} is not one of the Service's externalIPs.`);
      const node = inCluster ? senderNode : requested;
      if (!node) return unmatched(null, `R-EXT-1: ${sender.label} is on no node, so no node's rules see the packet.`);
      if (!inCluster) steps.push(`R-EXT-1: ${destIp} is routed to ${node.name}, whose rules handle it as an external destination of the Service (its external chain, R-EXT-1…8).`);
      else steps.push(`R-EXT-1: ${sender.label} sends to the externalIP ${destIp}; the rules of its own node ${node.name} catch it as an external destination (its external chain, R-EXT-1…8).`);
      return arrive(ctx, node, inCluster ? inClusterSrc : sender.ip, 'client', 'external', destIp, cilium && inCluster);
    }

    case 'nodePort': {
      const nodePort = flags.nodePort;
      if (nodePort === null) {
        return unmatched(requested ?? senderNode, 'R-NP-1: the Service has no NodePort (type ClusterIP, or a LoadBalancer with allocateLoadBalancerNodePorts false), so no NodePort rule exists.');
      }
      // The node dialled decides (a NodePort rule matches only local destination addresses), except for Cilium
      // in-cluster clients, whose socket load balancer translates before the packet leaves.
      const node = requested ?? senderNode;
      if (!node) return unmatched(null, 'R-NP-1: no node receives the flow, so no NodePort rule sees it.');
      const destIp = traffic.ip ?? (sender.kind === 'localhost' ? LOOPBACK_IP : node.ip);
      if (sender.kind === 'pod' && destIp === LOOPBACK_IP) {
        // A Pod's loopback is its own network namespace's: the packet never reaches a node's rules.
        return unmatched(sender.node, `R-NP-1: ${sender.label} dials ${LOOPBACK_IP}:${nodePort}, which is the loopback of its own network namespace: the packet never leaves the Pod, so no node's NodePort rule sees it (only something listening inside the Pod could answer).`);
      }
      if (!isLocalAddress(node, destIp)) return unmatched(node, `R-NP-1: ${destIp} is not an address of ${node.name}, so its NodePort rules do not match.`);
      const answers = nodePortAnswers(ctx, node, destIp);
      if (!answers.ok) {
        const reason = `R-NP-1: ${traits.label} on ${node.name} does not answer NodePort ${nodePort} on ${destIp}: ${answers.why}.`;
        return traits.mode === 'iptables' ? noEndpointFilter(ctx, node, nodePort, reason) : unmatched(node, reason);
      }
      steps.push(`R-NP-1: ${sender.label} connects to ${destIp}:${nodePort}; ${answers.why}, so ${node.name}'s rules take it as an external destination.`);
      if (cilium && inCluster && sender.node) {
        return arrive(ctx, sender.node, inClusterSrc, 'client', 'external', destIp, true);
      }
      let srcIp = sender.ip;
      if (sender.kind === 'localhost' && destIp !== LOOPBACK_IP) srcIp = node.ip;
      if (sender.kind === 'node' && sender.node === node && destIp !== node.ip) srcIp = destIp;
      return arrive(ctx, node, srcIp, 'client', 'external', destIp, false);
    }

    case 'loadBalancer': {
      if (service.type !== 'LoadBalancer') return unmatched(senderNode, 'R-LB-6: the Service is not of type LoadBalancer, so there is no load balancer to send to.');
      // R-LBK-9: an ingress entry with a hostname and no IP gets no rule on any node.
      const hostname = service.ingress.length === 0 ? (service.ingressHostnames[0] ?? null) : null;
      const ingress = hostname === null ? pickIngress(ctx, traffic.ip) : null;
      if (!ingress && hostname === null) {
        return unmatched(senderNode, traffic.ip
          ? `R-LBIP-1: ${traffic.ip} is not an ingress IP of the Service.`
          : 'R-LBIP-1: the Service has no load-balancer ingress IP yet (status.loadBalancer.ingress is empty).');
      }
      const ranges = service.loadBalancerSourceRanges;
      const lb = scenario.loadBalancer;
      const viaBalancer = !inCluster || ingress === null || ingress.ipMode === 'Proxy';

      if (!viaBalancer) {
        // In-cluster client, VIP mode: the ingress IP is programmed on every node (no trip to the balancer).
        const node = senderNode;
        if (!node) return unmatched(null, `R-LBIP-1: ${sender.label} is on no node, so no node's rules see the packet.`);
        steps.push(`R-LBIP-1: the ingress IP ${ingress.ip} has ipMode VIP, so ${node.name}'s own rules catch ${sender.label}'s packet; it never goes out to the load balancer.`);
        if (ranges.length > 0) {
          if (!anyCidrContains(ranges, inClusterSrc)) {
            return { kind: 'outcome', verdict: 'dropped', node, reason: `R-FW-1: loadBalancerSourceRanges (${ranges.join(', ')}) do not contain the source ${inClusterSrc}, so the firewall rules DROP it; this applies to pods and nodes too.` };
          }
          steps.push(`R-FW-1: the source ${inClusterSrc} is inside loadBalancerSourceRanges (${ranges.join(', ')}), so the firewall lets it through.`);
        }
        return arrive(ctx, node, inClusterSrc, 'client', 'external', ingress.ip, cilium);
      }

      // The packet really reaches the cloud load balancer.
      let deliveredIp = sender.ip;
      if (inCluster && ingress === null) {
        // R-LBK-10: the balancer sees the sender Pod's IP (a host process: its node's IP).
        deliveredIp = sender.kind === 'pod' || !sender.node ? sender.ip : sender.node.ip;
        const where = sender.node ? ` on the sender's node ${sender.node.name}` : '';
        steps.push(`R-LBK-9: the balancer is known only by its hostname ${hostname}; kube-proxy programs no rule for an ingress entry without an IP, so there is no rule for the balancer's address${where}: ${sender.label}'s packet goes out to the balancer, which sees it from ${deliveredIp}, and comes back as external traffic.`);
      } else if (inCluster && ingress) {
        deliveredIp = sender.node ? sender.node.ip : sender.ip;
        steps.push(`R-LBIP-1: the ingress IP ${ingress.ip} has ipMode Proxy, so no node programs it: ${sender.label}'s packet leaves the cluster for the load balancer, SNATed on the way out to its node's IP ${deliveredIp}.`);
      }
      const plan = lb.targets === 'pods' ? null : balancerPlan(ctx);
      if (plan?.unanswered) return { kind: 'outcome', verdict: 'unanswered', node: null, reason: plan.unanswered };
      if (ranges.length > 0) {
        if (!anyCidrContains(ranges, deliveredIp)) {
          return { kind: 'outcome', verdict: 'dropped', node: requested, reason: `R-FW-1: loadBalancerSourceRanges (${ranges.join(', ')}) do not contain the source ${deliveredIp}, so it is dropped.` };
        }
        steps.push(`R-FW-1: the source ${deliveredIp} is inside loadBalancerSourceRanges (${ranges.join(', ')}), so it is allowed.`);
      }
      let srcKind: SourceIpKind = 'client';
      if (!lb.preservesClientIP) {
        steps.push(`R-SRC-3: the load balancer proxies the connection and delivers it from its own address ${lb.ip}; externalTrafficPolicy cannot restore the client IP.`);
        deliveredIp = lb.ip;
        srcKind = 'loadBalancer';
      } else {
        steps.push(`R-SRC-3: the load balancer passes the connection through with the client's source ${deliveredIp}.`);
      }
      if (lb.targets === 'pods') return { kind: 'pod-targets', srcIp: deliveredIp, srcKind };
      const node = requested ?? senderNode;
      if (!node) return unmatched(null, 'R-LB-6: the load balancer picked no node.');
      const lbStep = plan?.stepFor(node);
      if (lbStep) steps.push(lbStep);
      if (ingress === null) {
        if (flags.nodePort === null) return unmatched(node, 'R-LBK-9: a balancer known only by hostname forwards to the NodePort, but the Service has none.');
        const client = inCluster ? ' — the sender is not recognised as a local Pod or host here, so nothing short-circuits it' : '';
        steps.push(`R-LBK-9: the balancer forwards to ${node.name}:${flags.nodePort} (no rule exists for its own address), so ${node.name}'s rules see an external client ${deliveredIp} hitting the NodePort${client}.`);
        return { kind: 'arrival', arrival: { node, srcIp: deliveredIp, srcKind, isPod: inCluster ? false : ctx.isPodSource(deliveredIp), isLocal: inCluster ? false : isLocalAddress(node, deliveredIp), destClass: 'external', destIp: node.ip, socketTranslated: false } };
      }
      if (ingress.ipMode === 'Proxy') {
        if (flags.nodePort === null) return unmatched(node, 'R-LBIP-1: with ipMode Proxy the load balancer forwards to a NodePort, but the Service has none.');
        steps.push(`R-LBIP-1: the load balancer forwards to ${node.name}:${flags.nodePort} (ipMode Proxy), which kube-proxy handles like any NodePort hit.`);
        return arrive(ctx, node, deliveredIp, srcKind, 'external', node.ip, false);
      }
      steps.push(`R-LB-6: the load balancer sends the connection to ${node.name}, keeping the destination ${ingress.ip}; ${node.name}'s rules handle it.`);
      return arrive(ctx, node, deliveredIp, srcKind, 'external', ingress.ip, false);
    }
  }
}

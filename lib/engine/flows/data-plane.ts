/**
 * The data-plane decision on the evaluating node: which endpoint set, masquerade or not, drop, reject or
 * forward. kube-proxy iptables/nftables follow §3 (R-INT-1..3, R-EXT-1..8, R-DROP-1/2, R-EP-1/2/5 notes);
 * IPVS differs for eTP=Local (R-X-4, R-LB-3); Cilium as in §11 (SNAT only for remote backends, DSR,
 * socket-level translation for in-cluster clients).
 */
import type { Verdict } from '../answer';
import type { EndpointModel } from '../model';
import type { EngineContext } from '../context';
import type { Categorization } from '../endpoints';
import type { Arrival } from './arrival';
import { endpointCount } from './backends';

export interface Decision {
  verdict: Verdict;
  /** The set the backend is chosen from (empty unless forwarded/asymmetric). */
  set: readonly EndpointModel[];
  /** SNAT decided before the endpoint is chosen (kube-proxy's masquerade mark). */
  masquerade: boolean;
  /** Cilium SNAT mode: SNAT only toward remote backends. */
  snatRemoteOnly: boolean;
}

const EMPTY: readonly EndpointModel[] = [];

function stop(verdict: Verdict): Decision {
  return { verdict, set: EMPTY, masquerade: false, snatRemoteOnly: false };
}

function forward(set: readonly EndpointModel[], masquerade: boolean, verdict: Verdict = 'forwarded'): Decision {
  return { verdict, set, masquerade, snatRemoteOnly: false };
}

function svcName(ctx: EngineContext): string {
  const s = ctx.scenario.service;
  return `${s.namespace}/${s.name}`;
}

function clusterSetStep(ctx: EngineContext, cat: Categorization, a: Arrival, steps: string[]): void {
  if (cat.topologyMode === 'PreferSameNode') {
    steps.push(`R-EP-5: trafficDistribution ${ctx.scenario.service.trafficDistribution} gave every ready endpoint a node hint and some are hinted for ${a.node.name}, so the Cluster set keeps only those.`);
  } else if (cat.topologyMode === 'PreferSameZone') {
    steps.push(`R-EP-5: trafficDistribution ${ctx.scenario.service.trafficDistribution} gave every ready endpoint a zone hint and some are in ${a.node.name}'s zone ${a.node.zone}, so the Cluster set keeps only those.`);
  } else if (ctx.hasHints) {
    steps.push(`R-EP-5: the topology hints cannot be used on ${a.node.name} (no hint for its node or zone, or an endpoint lacks one), so the Cluster set is not filtered.`);
  }
  if (cat.clusterServingTerminating) {
    steps.push('R-EP-1: no endpoint is ready anywhere, so the Cluster set falls back to the serving-and-terminating endpoints.');
  }
}

function localSetStep(cat: Categorization, a: Arrival, steps: string[]): void {
  if (cat.localServingTerminating) {
    steps.push(`R-EP-2: ${a.node.name} has no ready local endpoint, so its Local set falls back to its serving-and-terminating endpoints.`);
  }
}

function noEndpoints(ctx: EngineContext, steps: string[]): Decision {
  const how = ctx.traits.family === 'cilium'
    ? 'Cilium answers with ICMP unreachable (service-no-backend-response reject), so the client sees "connection refused"'
    : `${ctx.traits.label} REJECTs it (ICMP port unreachable), so the client sees "connection refused" at once`;
  steps.push(`R-DROP-1: ${svcName(ctx)} has no ready or serving-and-terminating endpoint anywhere ("has no endpoints"); ${how}.`);
  return stop('rejected');
}

/** R-INT-1..3 for kube-proxy modes and Cilium. */
function internal(ctx: EngineContext, cat: Categorization, a: Arrival, steps: string[]): Decision {
  const { flags } = ctx;
  let set: readonly EndpointModel[];
  if (flags.internalPolicyLocal) {
    set = cat.local ?? EMPTY;
    steps.push(`R-INT-1: internalTrafficPolicy is Local, so only ${a.node.name}'s own endpoints (the Local set, ${set.length}) are eligible; externalTrafficPolicy never applies to the ClusterIP.`);
    localSetStep(cat, a, steps);
    if (set.length === 0) {
      steps.push(`R-INT-3: ${a.node.name} has no usable local endpoint while the Service has endpoints elsewhere ("has no local endpoints"), so the packet is DROPped silently (the client times out).`);
      return stop('dropped');
    }
  } else {
    set = cat.cluster ?? EMPTY;
    steps.push(`R-INT-1: traffic to the ClusterIP uses the Cluster set (${endpointCount(set.length)} on any node); externalTrafficPolicy never applies to the ClusterIP.`);
    clusterSetStep(ctx, cat, a, steps);
  }
  if (a.socketTranslated) {
    steps.push('R-INT-2: Cilium (§11) translates the ClusterIP at connect() in the client\'s socket, so the packet leaves with its own source address and is never masqueraded.');
    return forward(set, false);
  }
  const { masqueradeAll } = ctx.scenario.cluster;
  if (masqueradeAll) {
    steps.push('R-INT-2: kube-proxy runs with --masquerade-all, so every packet to the ClusterIP is masqueraded.');
    return forward(set, true);
  }
  if (!ctx.hasDetector) {
    steps.push('R-INT-2: kube-proxy runs without a local-traffic detector, so nothing sent to the ClusterIP is masqueraded.');
    return forward(set, false);
  }
  if (a.isPod) {
    steps.push(`R-INT-2: the source ${a.srcIp} is a pod (inside the local-traffic detector's range), so it is not masqueraded.`);
    return forward(set, false);
  }
  steps.push(`R-INT-2: the source ${a.srcIp} is not a pod, so the packet is marked for masquerade.`);
  return forward(set, true);
}

/** §3.2/§3.3 for iptables and nftables. */
function externalKubeProxy(ctx: EngineContext, cat: Categorization, a: Arrival, steps: string[]): Decision {
  const { flags, traits } = ctx;
  if (!flags.externalPolicyLocal) {
    const set = cat.cluster ?? EMPTY;
    steps.push('R-EXT-1: externalTrafficPolicy is Cluster, so every packet entering the external chain is masqueraded, whatever its source and whichever endpoint is then chosen.');
    steps.push(`R-EXT-2: the endpoint is chosen from the Cluster set (${endpointCount(set.length)} on any node), with no preference for ${a.node.name}'s own.`);
    clusterSetStep(ctx, cat, a, steps);
    if (flags.internalPolicyLocal) steps.push('R-EXT-3: internalTrafficPolicy Local does not apply to NodePort, load-balancer or externalIP traffic.');
    return forward(set, true);
  }
  if (ctx.hasDetector && a.isPod) {
    const set = cat.cluster ?? EMPTY;
    const note = traits.mode === 'nftables' ? ' (nftables: as fixed in v1.34 and the v1.33 backport, PR #132456; older nftables dropped this on nodes without local endpoints, issue #131765)' : '';
    steps.push(`R-EXT-4: the source ${a.srcIp} is a pod, so the external chain short-circuits it to the Cluster set (${endpointCount(set.length)} on any node) without masquerade, as if it had gone out to the load balancer and back${note}.`);
    clusterSetStep(ctx, cat, a, steps);
    return forward(set, false);
  }
  if (a.isLocal) {
    const set = cat.cluster ?? EMPTY;
    steps.push(`R-EXT-5: the source ${a.srcIp} is local to ${a.node.name}, so it is masqueraded and sent to the Cluster set (${endpointCount(set.length)} on any node).`);
    clusterSetStep(ctx, cat, a, steps);
    return forward(set, true);
  }
  const set = cat.local ?? EMPTY;
  if (!ctx.hasDetector && a.srcKind === 'client' && ctx.scenario.cluster.pods.some((p) => p.ip === a.srcIp)) {
    steps.push('R-EXT-8: kube-proxy has no local-traffic detector, so there is no pod short-circuit: the pod is treated like an external client.');
  }
  steps.push(`R-EXT-6: externalTrafficPolicy is Local and ${a.srcIp} is neither a pod nor local to ${a.node.name}, so only ${a.node.name}'s endpoints (the Local set, ${set.length}) are eligible and the packet is not masqueraded.`);
  localSetStep(cat, a, steps);
  if (set.length === 0) {
    steps.push(`R-EXT-7: ${a.node.name} has no usable local endpoint while the Service has endpoints elsewhere ("has no local endpoints"), so the packet is DROPped silently: the client times out (R-DROP-2: drop, not reject).`);
    return stop('dropped');
  }
  return forward(set, false);
}

/** IPVS: eTP=Local virtual servers (R-X-4, R-LB-3); otherwise as iptables. */
function externalIpvs(ctx: EngineContext, cat: Categorization, a: Arrival, steps: string[]): Decision {
  if (!ctx.flags.externalPolicyLocal) return externalKubeProxy(ctx, cat, a, steps);
  const local = cat.local ?? EMPTY;
  if (local.length > 0) {
    steps.push(`R-X-4: IPVS has no pod short-circuit: the eTP=Local virtual server on ${a.node.name} holds its ${local.length} local endpoint${local.length === 1 ? '' : 's'}, for every source, and the packet is not masqueraded (KUBE-*-LOCAL ipsets).`);
    localSetStep(cat, a, steps);
    return forward(local, false);
  }
  const set = cat.cluster ?? EMPTY;
  steps.push(`R-X-4: ${a.node.name} has no local endpoint, so IPVS fills its eTP=Local virtual server with the whole Cluster set (${set.length}) and does not masquerade (PR #97081).`);
  clusterSetStep(ctx, cat, a, steps);
  if (!a.isPod && !a.isLocal) {
    steps.push(`R-X-4: the packet from ${a.srcIp} is forwarded unmasqueraded to a Pod on another node, whose reply bypasses ${a.node.name}'s NAT: the connection fails in practice (asymmetric).`);
    return forward(set, false, 'asymmetric');
  }
  return forward(set, false);
}

/** Cilium kube-proxy replacement (§11). */
function externalCilium(ctx: EngineContext, cat: Categorization, a: Arrival, steps: string[]): Decision {
  const { flags, traits } = ctx;
  if (a.socketTranslated) {
    const set = cat.cluster ?? EMPTY;
    steps.push(`R-EXT-4: ${traits.label} (§11) translates the service address at connect() in the client's socket: in-cluster clients reach the Cluster set (${endpointCount(set.length)}) from any node, whatever externalTrafficPolicy says, and are not SNATed.`);
    clusterSetStep(ctx, cat, a, steps);
    return forward(set, false);
  }
  if (flags.externalPolicyLocal) {
    const set = cat.local ?? EMPTY;
    steps.push(`R-EXT-6: externalTrafficPolicy is Local, so ${traits.label} on ${a.node.name} uses only its local endpoints (${set.length}) and keeps the client IP.`);
    localSetStep(cat, a, steps);
    if (set.length === 0) {
      steps.push(`R-EXT-7: ${a.node.name} has no usable local endpoint, so the packet is dropped (the client times out).`);
      return stop('dropped');
    }
    return forward(set, false);
  }
  const set = cat.cluster ?? EMPTY;
  steps.push(`R-EXT-2: externalTrafficPolicy is Cluster: the endpoint is chosen from the Cluster set (${endpointCount(set.length)} on any node).`);
  clusterSetStep(ctx, cat, a, steps);
  if (traits.cilium === 'dsr') {
    steps.push('R-SRC-1: Cilium DSR mode (§11): a remote backend receives the packet with the client IP and replies straight to the client with the service address as source; nothing is SNATed.');
    return forward(set, false);
  }
  steps.push(`R-SRC-2: Cilium SNAT mode (§11) masquerades only when the chosen backend is on another node; a backend on ${a.node.name} sees the client IP even under Cluster.`);
  const allRemote = set.length > 0 && set.every((e) => e.node !== a.node.name);
  return { verdict: 'forwarded', set, masquerade: allRemote, snatRemoteOnly: true };
}

/** The decision on `a.node` for the flow that arrived there. */
export function decide(ctx: EngineContext, a: Arrival, steps: string[]): Decision {
  const cat = ctx.categorization(a.node);
  if (!cat.hasAnyEndpoints) return noEndpoints(ctx, steps);
  if (a.destClass === 'internal') return internal(ctx, cat, a, steps);
  if (ctx.traits.family === 'cilium') return externalCilium(ctx, cat, a, steps);
  if (ctx.traits.ipvs) return externalIpvs(ctx, cat, a, steps);
  return externalKubeProxy(ctx, cat, a, steps);
}

/**
 * `trace`: one flow from its sender to the Pods that may receive it, with one sentence per rule applied
 * (R-INT, R-EXT, R-DROP, R-FW, R-NP, R-LBIP, R-HP, R-SRC, R-X, R-LB-1..5, §11). The answer's `flows`, the load
 * shares, explanations and diagrams all read this trace.
 *
 * Session affinity (R-LB-5) is expressed in the steps, not in the probabilities: the probabilities are those of
 * a client's *first* connection (uniform over the chosen set); later connections from the same source IP, as
 * seen on that node before SNAT, stick to the Pod chosen first until the affinity timeout.
 */
import type { BackendAnswer, SourceIpKind, Verdict } from '../answer';
import type { CniModel, EndpointModel, NodeModel, TrafficModel } from '../model';
import type { EngineContext } from '../context';
import { share } from '../fractions';
import { podTargetPlan } from '../balancer';
import { buildBackends, describeUniform, snatSource, uniformProbability } from './backends';
import { destinationRule, resolveArrival, type Arrival } from './arrival';
import { decide } from './data-plane';
import type { FlowTrace } from './flow-trace';
import { resolveSender } from './sender';

const NONE: readonly EndpointModel[] = [];

function ended(traffic: TrafficModel, node: NodeModel | null, verdict: Verdict, steps: string[]): FlowTrace {
  return { traffic, evaluatedOn: node?.name ?? null, verdict, masquerade: false, endpointSet: NONE, probability: null, backends: [], steps };
}

function balancingStep(ctx: EngineContext, n: number): string {
  const { traits } = ctx;
  if (traits.ipvs) return `R-LB-3: IPVS schedules round robin with weight 1, so the connections rotate over ${describeUniform(n)}.`;
  if (traits.family === 'cilium') return `R-LB-4: Cilium (§11) picks a backend at random, with no locality preference: ${describeUniform(n)}.`;
  if (traits.mode === 'nftables') return `R-LB-2: nftables picks with one numgen random mod ${n} map: ${describeUniform(n)}.`;
  return `R-LB-1: iptables picks with --probability 1/(N−i) rules: ${describeUniform(n)}.`;
}

function crossingStep(ctx: EngineContext, a: Arrival, set: readonly EndpointModel[]): string {
  const remote = ctx.remoteCount(set, a.node.name);
  if (remote === 0) {
    return ctx.flags.externalPolicyLocal && a.destClass === 'external' && !a.isPod && !a.isLocal
      ? `R-X-1: every eligible endpoint is on ${a.node.name}, so the connection never crosses nodes.`
      : `R-X-2: every eligible endpoint is on ${a.node.name}, so the connection does not cross nodes.`;
  }
  const frac = uniformProbability(set.length).mul(share(remote)).toFraction();
  const rule = a.isPod && ctx.flags.externalPolicyLocal && a.destClass === 'external' && ctx.traits.podShortCircuit ? 'R-X-3' : 'R-X-2';
  // Number agreement at the source (issue 12): "the only …", "both …", "all N …", "1 of the N … is", "k of the N … are".
  const which =
    remote === set.length
      ? set.length === 1
        ? 'the only eligible endpoint is on another node'
        : `${set.length === 2 ? 'both' : `all ${set.length}`} eligible endpoints are on other nodes`
      : `${remote} of the ${set.length} eligible endpoints ${remote === 1 ? 'is on another node' : 'are on other nodes'}`;
  const how = remote === set.length ? 'all new connections' : `${frac} of new connections`;
  return `${rule}: ${which}, so ${how} entering ${a.node.name} cross nodes.`;
}

/**
 * What a masqueraded packet's source becomes toward a Pod on another node and toward one on `node` (R-SRC-2).
 * With a declared network plugin (kube-proxy modes) the sentence says why, citing R-CNI; without one it is the
 * pre-R-CNI sentence, word for word.
 */
function snatWords(node: NodeModel, cni: CniModel | null, crossesNodes: boolean): string {
  const to = snatSource(node, crossesNodes, cni);
  if (!cni?.declared) return crossesNodes ? `a Pod on another node sees ${node.name}'s IP ${to.ip}` : `a Pod on ${node.name} sees its bridge IP ${to.ip}`;
  const plugin = cni.preset ?? 'the network plugin';
  if (crossesNodes) {
    return to.kind === 'tunnel'
      ? `a Pod on another node sees ${node.name}'s tunnel address ${to.ip} (R-CNI-3: ${plugin} sends packets for other nodes' Pods out of its overlay device, which carries that address)`
      : `a Pod on another node sees ${node.name}'s IP ${to.ip} (R-CNI-3: ${plugin} routes other nodes' Pods directly through the node's own interface)`;
  }
  if (cni.podInterface === 'bridge') return `a Pod on ${node.name} sees its bridge IP ${to.ip} (R-CNI-2: the packet leaves through the Pod bridge, which holds the Pod subnet's gateway address)`;
  if (cni.podInterface === 'veth-gateway')
    return `a Pod on ${node.name} sees its Pod-subnet gateway ${to.ip} (R-CNI-2: ${plugin} gives each host-side veth the gateway address as a /32)`;
  return `a Pod on ${node.name} sees ${node.name}'s IP ${to.ip} (R-CNI-2: ${plugin}'s host-side veth has no IPv4 address, so MASQUERADE takes the node's primary address, R-CNI-1)`;
}

function sourceSteps(ctx: EngineContext, a: Arrival, masquerade: boolean, snatRemoteOnly: boolean, set: readonly EndpointModel[], backends: readonly BackendAnswer[], steps: string[]): void {
  const srcName = a.srcKind === 'loadBalancer' ? `the load balancer's address ${a.srcIp}` : a.srcIp;
  const cni = ctx.traits.family === 'kube-proxy' ? ctx.scenario.cluster.cni : null;
  if (masquerade) {
    const local = backends.some((b) => !b.crossesNodes);
    const remote = backends.some((b) => b.crossesNodes);
    const parts: string[] = [];
    if (remote) parts.push(snatWords(a.node, cni, true));
    if (local) parts.push(snatWords(a.node, cni, false));
    steps.push(`R-SRC-2: the packet is masqueraded (MASQUERADE, random-fully): ${parts.join(', and ')}.`);
    return;
  }
  if (snatRemoteOnly) {
    steps.push(`R-SRC-2: a Pod on another node sees ${a.node.name}'s IP ${a.node.ip}; a Pod on ${a.node.name} sees ${srcName} (R-SRC-1).`);
  } else {
    steps.push(`R-SRC-1: not masqueraded, so the Pod sees ${srcName}.`);
  }
  const i = set.findIndex((e) => e.ip === a.srcIp);
  const hairpin = i >= 0 ? backends[i] : undefined;
  if (hairpin && hairpin.sourceIpKind !== 'client' && hairpin.sourceIpKind !== 'loadBalancer') {
    const why = cni?.declared ? ` (R-CNI-4: the packet goes back out through the Pod's own device, so the same-node rule R-CNI-2 applies)` : '';
    steps.push(`R-HP-1: if ${hairpin.pod} is chosen it is talking to itself (hairpin), so that packet is masqueraded and it sees ${hairpin.sourceIp}${why}.`);
  }
}

function affinityStep(ctx: EngineContext, a: Arrival | null, steps: string[]): void {
  const s = ctx.scenario.service;
  if (s.sessionAffinity !== 'ClientIP') return;
  const where = a ? ` on ${a.node.name}` : '';
  steps.push(`R-LB-5: sessionAffinity ClientIP: the probabilities are for a client's first connection; later connections from the same source IP${where} (as seen before SNAT) stick to the Pod chosen first for ${s.sessionAffinityTimeoutSeconds} s. The state is per node, so a load balancer spreading one client over several nodes can still reach different Pods.`);
}

/** LB with IP targets: kube-proxy is bypassed (R-CLOUD-AWS, R-SRC-3; per zone for an AWS NLB, R-LBK-4). */
function podTargets(ctx: EngineContext, traffic: TrafficModel, srcIp: string, srcKind: SourceIpKind, steps: string[]): FlowTrace {
  const plan = podTargetPlan(ctx);
  const ready = plan.set;
  steps.push('R-CLOUD-AWS: the load balancer targets Pod IPs directly, so kube-proxy and externalTrafficPolicy play no part and no node is crossed.');
  if (ready.length === 0) {
    steps.push('R-CLOUD-AWS: no Pod is ready, so the load balancer has no healthy target and the connection is dropped.');
    return ended(traffic, null, 'dropped', steps);
  }
  if (plan.step === null) steps.push(`R-CLOUD-AWS: the load balancer spreads connections evenly over its ${ready.length} healthy (ready) Pod target${ready.length === 1 ? '' : 's'}: ${describeUniform(ready.length)}.`);
  else steps.push(plan.step);
  const backends = buildBackends(ready, { node: null, srcIp, srcKind, masquerade: false, snatRemote: false, hairpin: false, onNode: [], cni: null });
  if (plan.step !== null) backends.forEach((b, i) => (b.probability = plan.shares[i]!.toFraction()));
  steps.push(srcKind === 'loadBalancer' ? `R-SRC-3: the Pod sees the load balancer's address ${srcIp}.` : `R-SRC-1: the Pod sees the client IP ${srcIp}.`);
  affinityStep(ctx, null, steps);
  const probability = plan.shares.every((s) => s.equals(plan.shares[0]!)) ? uniformProbability(ready.length) : null;
  return { traffic, evaluatedOn: null, verdict: 'forwarded', masquerade: false, endpointSet: ready, probability, backends, steps };
}

/** The destination address with its default filled in, so that equivalent flows share one cached trace. */
function canonicalIp(ctx: EngineContext, t: TrafficModel): string | null {
  if (t.ip !== null) return t.ip;
  if (t.to === 'loadBalancer') return ctx.scenario.service.ingress[0]?.ip ?? null;
  if (t.to === 'externalIP') return ctx.scenario.service.externalIPs[0] ?? null;
  return null;
}

/** Traces one flow of `ctx`'s scenario (memoised per context). */
export function traceFlow(ctx: EngineContext, traffic: TrafficModel): FlowTrace {
  // No node and no address key as '' (as the joined key this replaces did).
  const node = traffic.node ?? '';
  const ip = canonicalIp(ctx, traffic) ?? '';
  const hit = ctx.traceCache.get(traffic.from, traffic.to, node, ip) as FlowTrace | undefined;
  if (hit) return hit.traffic === traffic ? hit : { ...hit, traffic };
  const result = computeTrace(ctx, traffic);
  ctx.traceCache.set(traffic.from, traffic.to, node, ip, result);
  return result;
}

function computeTrace(ctx: EngineContext, traffic: TrafficModel): FlowTrace {
  const steps: string[] = [];
  const sender = resolveSender(ctx, traffic);
  if (!sender.ok) {
    steps.push(`${destinationRule(traffic.to)}: ${sender.reason}, so no rule applies.`);
    return ended(traffic, null, 'unmatched', steps);
  }
  const arrival = resolveArrival(ctx, sender.sender, traffic, steps);
  if (arrival.kind === 'outcome') {
    steps.push(arrival.reason);
    return ended(traffic, arrival.node, arrival.verdict, steps);
  }
  if (arrival.kind === 'pod-targets') return podTargets(ctx, traffic, arrival.srcIp, arrival.srcKind, steps);

  const a = arrival.arrival;
  const d = decide(ctx, a, steps);
  if (d.verdict !== 'forwarded' && d.verdict !== 'asymmetric') return ended(traffic, a.node, d.verdict, steps);

  const backends = buildBackends(d.set, {
    node: a.node,
    srcIp: a.srcIp,
    srcKind: a.srcKind,
    masquerade: d.masquerade,
    snatRemote: d.snatRemoteOnly,
    hairpin: ctx.traits.family === 'kube-proxy',
    onNode: ctx.localPositions(d.set, a.node.name),
    cni: ctx.traits.family === 'kube-proxy' ? ctx.scenario.cluster.cni : null,
  });
  steps.push(balancingStep(ctx, d.set.length));
  steps.push(crossingStep(ctx, a, d.set));
  const masquerade = d.masquerade || (backends.length > 0 && backends.every((b) => b.sourceIpKind === 'node' || b.sourceIpKind === 'bridge' || b.sourceIpKind === 'tunnel'));
  sourceSteps(ctx, a, d.masquerade, d.snatRemoteOnly, d.set, backends, steps);
  affinityStep(ctx, a, steps);
  return { traffic, evaluatedOn: a.node.name, verdict: d.verdict, masquerade, endpointSet: d.set, probability: uniformProbability(d.set.length), backends, steps };
}

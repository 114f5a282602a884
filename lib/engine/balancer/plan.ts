/**
 * How the external load balancer spreads new connections over nodes (stage one of R-LB-6), per balancing model
 * and provider (R-LBK-1…10). Computed once per evaluation context and read by the flows (their steps and the
 * `unanswered` verdict) and by the load shares.
 *
 * - healthy-nodes: 1/h over the registered targets passing the check (R-LB-6; GCP R-LBK-2, AWS with cross-zone
 *   on R-LBK-3/5, Azure R-LBK-6).
 * - weighted: X-Load-Balancing-Endpoint-Weight / Σ over passing targets, under Local (R-HC-4, R-LBK-2); /healthz
 *   and TCP checks carry no weight, so otherwise as healthy-nodes.
 * - all-nodes: equal over every target, before failing checks are noticed (R-LB-7).
 * - per-zone: AWS without cross-zone (R-LBK-3/5): 1 / (|Zh| × h_z) for a healthy target in zone z, Zh = zones
 *   with a healthy target.
 * - single-node / announcing-nodes: MetalLB layer 2 / BGP (R-LBK-7/8, metallb.ts).
 * When every target fails its check: fail-open spreads as if all passed (per zone for per-zone, over zones with a
 * registered target); drop (Azure's AllProbedDown, R-LBK-6) sends nothing: the flow is `unanswered`.
 *
 * The generic balancer with healthy-nodes / weighted / all-nodes is the pre-R-LBK model: its shares are what they
 * were and its flows get no extra step (existing answers stay word for word the same).
 */
import type { EngineContext } from '../context';
import type { EndpointModel, NodeModel } from '../model';
import { share, ZERO, type Share } from '../fractions';
import { bgpAnnouncement, layer2Announcement } from './metallb';
import { awsExclusion, nodePassesBalancerCheck, registeredTargets, zonesApply } from './targets';
import { BALANCING } from '../scenario/vocabulary';

export interface BalancerPlan {
  /** Share of new connections entering each node (every node of the scenario present). */
  shares: Map<string, Share>;
  /** Set when no node receives anything: the step that explains the `unanswered` verdict. */
  unanswered: string | null;
  /** The step for a flow the balancer delivers to `node`; null for the generic pre-R-LBK models. */
  stepFor(node: NodeModel): string | null;
}

/** The generic balancer's pre-R-LBK models. */
const LEGACY_BALANCING: ReadonlySet<string> = new Set(BALANCING);

const PROVIDER_NAME = {
  generic: 'the load balancer',
  gcp: 'the GCP passthrough load balancer',
  'aws-nlb': 'the AWS NLB',
  'aws-clb': 'the AWS classic load balancer',
  azure: "Azure's Standard load balancer",
  'metallb-l2': 'MetalLB (layer 2)',
  'metallb-bgp': 'MetalLB (BGP)',
} as const;

/** The rule behind the balancer's node split. */
function ruleOf(ctx: EngineContext): string {
  const { provider, balancing } = ctx.scenario.loadBalancer;
  if (balancing === 'single-node') return 'R-LBK-7';
  if (balancing === 'announcing-nodes') return 'R-LBK-8';
  switch (provider) {
    case 'gcp':
      return 'R-LBK-2';
    case 'aws-nlb':
      return 'R-LBK-3';
    case 'aws-clb':
      return 'R-LBK-5';
    case 'azure':
      return 'R-LBK-6';
    default:
      return balancing === 'per-zone' ? 'R-LBK-3' : 'R-LB-6';
  }
}

function checkText(ctx: EngineContext): string {
  if (ctx.flags.needsHealthCheck) return `HTTP on the health-check node port ${ctx.scenario.service.healthCheckNodePort}, 200 iff the node has a ready local endpoint (R-HC-3)`;
  const provider = ctx.scenario.loadBalancer.provider;
  if (provider === 'aws-nlb' || provider === 'aws-clb' || provider === 'azure')
    return `a TCP connection to the NodePort, which succeeds wherever the Service has a usable endpoint (R-LBK-1)`;
  return "kube-proxy's /healthz on port 10256 (R-PH-3)";
}

/** The balancer's plan for `ctx` (memoised on the context). */
export function balancerPlan(ctx: EngineContext): BalancerPlan {
  ctx.balancerPlan ??= computePlan(ctx);
  return ctx.balancerPlan;
}

function zeroShares(ctx: EngineContext): Map<string, Share> {
  const m = new Map<string, Share>();
  for (const n of ctx.scenario.cluster.nodes) m.set(n.name, ZERO);
  return m;
}

function equalOver(ctx: EngineContext, chosen: readonly NodeModel[]): Map<string, Share> {
  const m = zeroShares(ctx);
  const each = share(1, chosen.length);
  for (const n of chosen) m.set(n.name, each);
  return m;
}

const zoneName = (z: string | null) => z ?? 'no zone';

function computePlan(ctx: EngineContext): BalancerPlan {
  const lb = ctx.scenario.loadBalancer;
  const rule = ruleOf(ctx);
  const name = PROVIDER_NAME[lb.provider];
  const legacy = lb.provider === 'generic' && LEGACY_BALANCING.has(lb.balancing);
  const shares0 = zeroShares(ctx);
  const fmt = (s: Share | undefined) => (s ?? ZERO).toFraction();
  const unanswered = (reason: string): BalancerPlan => ({ shares: shares0, unanswered: reason, stepFor: () => null });

  if (lb.balancing === 'single-node' || lb.balancing === 'announcing-nodes') {
    const ip = ctx.scenario.service.ingress[0]?.ip ?? '(no ingress IP)';
    if (lb.balancing === 'single-node') {
      const a = layer2Announcement(ctx);
      const leader = a.nodes[0];
      if (!leader) return unanswered(`${rule}: no node may announce ${ip} (${a.reason}), so nothing answers ARP for it: the connection attempt times out (unanswered).`);
      const shares = equalOver(ctx, [leader]);
      const order = a.order.map((o) => `${o.node.name} (${o.score > 0 ? `score ${o.score}, ` : ''}${o.hash.slice(0, 8)})`).join(', ');
      const why = `${a.reason} are candidates; ordered by preferredNodes score, then sha256(nodeName#${ip}): ${order}`;
      return {
        shares,
        unanswered: null,
        stepFor: (n) =>
          `${rule}: MetalLB layer 2: ${leader.name} is the leader for ${ip} (${why}); it alone answers ARP and receives every new connection${n === leader ? '' : `, so ${n.name} receives none`}.`,
      };
    }
    const a = bgpAnnouncement(ctx);
    if (a.nodes.length === 0) return unanswered(`${rule}: no node announces a route to ${ip} (${a.reason}): the address is unreachable and the connection attempt times out (unanswered).`);
    const shares = equalOver(ctx, a.nodes);
    const list = a.nodes.map((n) => n.name).join(', ');
    return {
      shares,
      unanswered: null,
      stepFor: (n) =>
        `${rule}: MetalLB BGP: ${a.nodes.length} node${a.nodes.length === 1 ? '' : 's'} announce${a.nodes.length === 1 ? 's' : ''} a route to ${ip} (${a.reason}: ${list}) and the router spreads new connections equally over them (ECMP): ${n.name} ${shares.get(n.name)!.isZero() ? 'does not announce and receives none' : `receives ${fmt(shares.get(n.name))}`}.`,
    };
  }

  const targets = registeredTargets(ctx);
  const targetSet = new Set(targets);
  /** Why a node is not a target at all (a step for flows delivered there anyway). */
  const notTarget = (n: NodeModel): string | null => {
    if (targetSet.has(n)) return null;
    const excluded = lb.provider === 'aws-nlb' ? awsExclusion(n) : null;
    if (excluded) return `${rule}: ${n.name} is not a registered target of ${name} (${excluded}, R-LBK-1) and receives no new connections.`;
    return `${rule}: ${n.name} is in ${zoneName(n.zone)}, not one of ${name}'s enabled zones (${lb.zones.map(zoneName).join(', ')}), so it receives no new connections.`;
  };
  if (targets.length === 0) return unanswered(`${rule}: ${name} has no registered target (every node is excluded or outside its enabled zones): the connection attempt times out (unanswered).`);

  const check = checkText(ctx);
  if (lb.balancing === 'all-nodes') {
    const shares = equalOver(ctx, targets);
    return {
      shares,
      unanswered: null,
      stepFor: (n) => (legacy ? null : (notTarget(n) ?? `R-LB-7: ${name} has not yet noticed any failing check, so it still spreads new connections over all ${targets.length} targets: ${n.name} receives ${fmt(shares.get(n.name))}.`)),
    };
  }

  const healthy = targets.filter((n) => nodePassesBalancerCheck(ctx, n));
  const healthySet = new Set(healthy);
  if (healthy.length === 0 && lb.allUnhealthy === 'drop') {
    return unanswered(
      lb.provider === 'azure'
        ? `${rule}: no node passes Azure's probe (${check}); with its default NoHealthyBackendsBehavior AllProbedDown the balancer sends no new flow to any node: the connection attempt times out (unanswered).`
        : `${rule}: no node passes ${name}'s check (${check}) and it sends nothing then (allUnhealthy: drop): the connection attempt times out (unanswered).`,
    );
  }

  if (lb.balancing === 'per-zone') return perZonePlan(ctx, { rule, name, check, targets, healthy, notTarget, fmt });

  const weights = lb.balancing === 'weighted' && ctx.flags.needsHealthCheck ? healthy.map((n) => ctx.healthCheckCount(n.name)) : [];
  const total = weights.reduce((a, b) => a + b, 0);
  if (total > 0) {
    const shares = zeroShares(ctx);
    healthy.forEach((n, i) => shares.set(n.name, share(weights[i]!, total)));
    const how = lb.provider === 'gcp' ? ' (WEIGHTED_MAGLEV: the Service has networking.gke.io/weighted-load-balancing: pods-per-node and externalTrafficPolicy Local)' : '';
    return {
      shares,
      unanswered: null,
      stepFor: (n) =>
        legacy
          ? null
          : (notTarget(n) ??
            `${rule}: ${name} weights each node that passes its check (${check}) by its X-Load-Balancing-Endpoint-Weight (R-HC-4)${how}: ${n.name} ${healthySet.has(n) ? `(weight ${ctx.healthCheckCount(n.name)} of ${total}) receives ${fmt(shares.get(n.name))}` : 'fails the check and receives none'}.`),
    };
  }

  // healthy-nodes (and weighted without weights): equal over passing targets; none passing → fail open.
  const failOpen = healthy.length === 0;
  const shares = equalOver(ctx, failOpen ? targets : healthy);
  const where = lb.provider === 'gcp' ? ', all zones together' : lb.provider === 'azure' ? ' (5-tuple hash, zone-redundant)' : lb.crossZone ? ' (cross-zone load balancing is on)' : '';
  return {
    shares,
    unanswered: null,
    stepFor: (n) => {
      if (legacy) return null;
      const excluded = notTarget(n);
      if (excluded) return excluded;
      if (failOpen)
        return `${rule}: no node passes ${name}'s check (${check}), so it fails open and spreads new connections over all ${targets.length} targets: ${n.name} receives ${fmt(shares.get(n.name))}.`;
      return `${rule}: ${name} spreads new connections evenly over the ${healthy.length} node${healthy.length === 1 ? '' : 's'} that pass its check (${check})${where}: ${n.name} ${healthySet.has(n) ? `receives ${fmt(shares.get(n.name))}` : 'fails the check and receives none'}.`;
    },
  };
}

interface PlanParts {
  rule: string;
  name: string;
  check: string;
  targets: NodeModel[];
  healthy: NodeModel[];
  notTarget: (n: NodeModel) => string | null;
  fmt: (s: Share | undefined) => string;
}

/** R-LBK-3/5: each zone with a healthy target gets an equal part, split evenly over its healthy targets. */
function perZonePlan(ctx: EngineContext, p: PlanParts): BalancerPlan {
  const lb = ctx.scenario.loadBalancer;
  const failOpen = p.healthy.length === 0;
  const members = failOpen ? p.targets : p.healthy;
  const byZone = new Map<string | null, NodeModel[]>();
  for (const n of members) {
    let list = byZone.get(n.zone);
    if (!list) byZone.set(n.zone, (list = []));
    list.push(n);
  }
  const shares = zeroShares(ctx);
  for (const list of byZone.values()) for (const n of list) shares.set(n.name, share(1, byZone.size * list.length));
  const off = lb.provider === 'aws-nlb' || lb.provider === 'aws-clb' ? 'cross-zone load balancing off (the default)' : 'per-zone balancing';
  const memberSet = new Set(members);
  return {
    shares,
    unanswered: null,
    stepFor: (n) => {
      const excluded = p.notTarget(n);
      if (excluded) return excluded;
      const zone = byZone.get(n.zone) ?? [];
      if (failOpen)
        return `${p.rule}: no target passes ${p.name}'s check (${p.check}), so with ${off} it fails open: ${byZone.size === 1 ? 'the only enabled zone with a registered target gets all new connections' : `each of the ${byZone.size} enabled zones with a registered target gets 1/${byZone.size} of new connections`}, split evenly over its ${zone.length} target${zone.length === 1 ? '' : 's'}: ${n.name} (${zoneName(n.zone)}) receives ${p.fmt(shares.get(n.name))}.`;
      if (!memberSet.has(n)) return `${p.rule}: ${p.name} splits per zone (${off}), and ${n.name} fails its check (${p.check}), so it receives none.`;
      const zonePart = byZone.size === 1 ? 'the only zone with a healthy target gets all new connections' : `each of the ${byZone.size} zones with a healthy target gets 1/${byZone.size} of new connections`;
      return `${p.rule}: ${p.name} has ${off}: ${zonePart} (clients spread evenly over its DNS answers), split evenly over that zone's healthy targets: ${n.name} (${zoneName(n.zone)}, ${zone.length} healthy target${zone.length === 1 ? '' : 's'}) receives ${p.fmt(shares.get(n.name))}.`;
    },
  };
}

export interface PodTargetPlan {
  /** The Pods the balancer sends to, in endpoint order, with each one's share. */
  set: EndpointModel[];
  shares: Share[];
  /** The step for the split; null outside AWS (the pre-R-LBK text, uniform over ready Pods). */
  step: string | null;
}

/**
 * IP targets (R-CLOUD-AWS, R-LBK-4): ready Pods, straight from the balancer. AWS NLB without cross-zone splits per
 * zone first (a Pod's zone is its endpoint's zone); otherwise evenly.
 */
export function podTargetPlan(ctx: EngineContext): PodTargetPlan {
  const lb = ctx.scenario.loadBalancer;
  const zones = zonesApply(ctx) ? new Set(lb.zones) : null;
  const set = ctx.scenario.endpoints.filter((e) => e.ready && (zones === null || zones.has(e.zone)));
  const perZone = lb.balancing === 'per-zone';
  if (!perZone) {
    const each = share(1, Math.max(1, set.length));
    const aws = lb.provider === 'aws-nlb' || lb.provider === 'aws-clb';
    return { set, shares: set.map(() => each), step: aws ? `R-LBK-4: ${PROVIDER_NAME[lb.provider]} spreads new connections evenly over its ${set.length} healthy Pod targets (no per-zone split).` : null };
  }
  const count = new Map<string | null, number>();
  for (const e of set) count.set(e.zone, (count.get(e.zone) ?? 0) + 1);
  const shares = set.map((e) => share(1, count.size * count.get(e.zone)!));
  const parts = [...count].map(([z, k]) => `${zoneName(z)}: ${k} Pod${k === 1 ? '' : 's'}`).join(', ');
  return {
    set,
    shares,
    step: `R-LBK-4: ${PROVIDER_NAME[lb.provider]} splits per zone (cross-zone load balancing off): each of the ${count.size} zone${count.size === 1 ? '' : 's'} with a healthy Pod target gets 1/${count.size} of new connections, split evenly over that zone's Pods (${parts}).`,
  };
}

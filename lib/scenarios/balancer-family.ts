/**
 * The balancer families a generated question may use beyond the even "passes its check" ones (issue 12 item 10,
 * R-LBK-3 … R-LBK-8): an AWS NLB with cross-zone load balancing off (per-zone split), Azure's Standard LB (no new
 * flow when every probe fails), MetalLB layer 2 (one announcing node) and MetalLB BGP (equal over announcing
 * nodes, ECMP). Only kinds whose prompts describe these behaviours opt in (`LayoutOptions.families`); the draw is
 * on its own forked stream, so the layout's other draws keep their values.
 *
 * Each family's sentence states everything its keys depend on: the zones and cross-zone off, Azure's all-down
 * behaviour, MetalLB's lack of health checks, the layer-2 leader order for this address (so the learner can
 * tell which node announces), and what Local changes.
 */
import { sha256Hex } from '@/lib/engine';
import type { Layout, LayoutNode, ProviderChoice } from './layout';
import type { Rng } from './random';

export interface FamilyDraw {
  provider: ProviderChoice;
  /** aws-nlb only: cross-zone load balancing (R-LBK-3; the generators' default is on). */
  crossZone: boolean;
}

/**
 * The family for a flavour, or null to keep the flavour's own. EKS: cross-zone off half the time; AKS: Azure
 * half the time; kind-like and bare-metal clusters: MetalLB (layer 2 or BGP) most of the time.
 */
export function drawFamily(rng: Rng, flavour: Layout['flavour']): FamilyDraw | null {
  switch (flavour) {
    case 'eks':
      return rng.chance(0.5) ? { provider: 'aws-nlb', crossZone: false } : null;
    case 'aks':
      return rng.chance(0.5) ? { provider: 'azure', crossZone: false } : null;
    case 'kind':
    case 'bare-metal':
      return rng.chance(0.6) ? { provider: rng.pick(['metallb-l2', 'metallb-bgp'] as const), crossZone: false } : null;
    default:
      return null;
  }
}

/** Two or three zones over the nodes, every zone holding at least one node, sizes uneven when possible. */
export function assignZones(rng: Rng, nodes: LayoutNode[], region: string): void {
  const count = nodes.length >= 4 && rng.chance(0.4) ? 3 : 2;
  const names = ['a', 'b', 'c'].slice(0, count).map((s) => `${region}${s}`);
  nodes.forEach((n, i) => (n.zone = names[i < count ? i : rng.int(0, count - 1)] ?? null));
}

/** Whether this layout's balancer is one of the families above (and not overridden by a balancing knob). */
export function isFamily(provider: ProviderChoice, crossZone: boolean): boolean {
  return provider === 'azure' || provider === 'metallb-l2' || provider === 'metallb-bgp' || (provider === 'aws-nlb' && !crossZone);
}

/** R-LBK-7: the speakers in MetalLB's layer-2 order for `ip` (no preferredNodes: bytewise sha256(name#ip)). */
export function layer2Order(nodes: readonly LayoutNode[], ip: string): LayoutNode[] {
  return nodes
    .map((n) => ({ n, h: sha256Hex(`${n.name}#${ip}`) }))
    .sort((a, b) => (a.h < b.h ? -1 : a.h > b.h ? 1 : 0))
    .map((x) => x.n);
}

function zonesText(layout: Layout): string {
  const byZone = new Map<string, string[]>();
  for (const n of layout.nodes) {
    const z = n.zone ?? 'no zone';
    byZone.set(z, [...(byZone.get(z) ?? []), n.name]);
  }
  return [...byZone].map(([z, ns]) => `${z}: ${ns.join(', ')}`).join('; ');
}

const SERVABLE = 'a ready local Pod (or a terminating one that still passes readiness)';

/**
 * The sentence naming the family and every setting its keys depend on; '' for the other providers. `both`: the
 * question compares the two policies (policy-choice), so say what each one does.
 */
export function familyText(layout: Layout, provider: ProviderChoice, both = false): string {
  const local = layout.policy === 'Local';
  const check = both
    ? `under Local HTTP /healthz on the health-check node port, under Cluster a TCP connection to NodePort ${layout.nodePort}`
    : local
      ? `HTTP /healthz on the health-check node port ${layout.healthCheckNodePort}`
      : `a TCP connection to NodePort ${layout.nodePort}`;
  const l2Rule = both
    ? `Under Cluster every node may announce while some endpoint can serve; under Local a node may announce only while it has ${SERVABLE}`
    : local
      ? `Under Local a node may announce only while it has ${SERVABLE}`
      : 'Under Cluster every node may announce while some endpoint can serve';
  const bgpRule = both
    ? `under Cluster every node announces while some endpoint can serve; under Local a node announces only while it has ${SERVABLE}`
    : local
      ? `under Local a node announces only while it has ${SERVABLE}`
      : 'under Cluster every node announces while some endpoint can serve';
  switch (provider) {
    case 'aws-nlb':
      if (layout.crossZone) return '';
      return `The balancer is an AWS Network Load Balancer with instance targets and cross-zone load balancing off (the default): clients spread evenly over its zones (its DNS name answers one address per zone with a healthy node), and each zone's part is split evenly over that zone's nodes that pass the check (${check}). Zones: ${zonesText(layout)}.`;
    case 'azure':
      return `The balancer is an Azure Standard Load Balancer: it splits new connections evenly over the nodes whose probe passes (${check}), across zones; when every probe fails it sends no new flow to any node (NoHealthyBackendsBehavior AllProbedDown).`;
    case 'metallb-l2': {
      const order = layer2Order(layout.nodes, layout.naming.lbIP).map((n) => n.name).join(', ');
      return `The address ${layout.naming.lbIP} is announced by MetalLB in layer 2 mode, with a speaker on every node: one node, the leader, answers ARP for it and receives every new connection. MetalLB runs no health check. ${l2Rule}; the leader is the first node that may, in MetalLB's order for this address: ${order}. When no node may announce, nothing answers.`;
    }
    case 'metallb-bgp':
      return `The address ${layout.naming.lbIP} is announced by MetalLB in BGP mode, with a speaker on every node peered with the router, which spreads new connections equally over the nodes announcing a route (ECMP, not weighted by Pods). MetalLB runs no health check: ${bgpRule}. When no node announces, the address is unreachable.`;
    default:
      return '';
  }
}

/** The engine's `loadBalancer` block for a family, or null for the other providers. */
export function familyInput(provider: ProviderChoice, crossZone: boolean): { provider: ProviderChoice; crossZone?: boolean } | null {
  if (provider === 'aws-nlb') return { provider, crossZone };
  if (provider === 'azure' || provider === 'metallb-l2' || provider === 'metallb-bgp') return { provider };
  return null;
}

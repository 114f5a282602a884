/**
 * Stage one of R-LB-6 for the balancer families (routing-semantics.md §17, R-LBK-2 … R-LBK-8), written from the
 * spec for the oracles (model.ts, external-model.ts) and NOT calling lib/engine or lib/scenarios:
 *
 * - even (generic, gcp unweighted R-LBK-2, aws-nlb cross-zone on R-LBK-3, azure R-LBK-6): share(n) = 1/h over the
 *   h nodes passing the check; h = 0 → fail open (1/|N|), except azure: no new flow at all (AllProbedDown).
 * - aws-nlb cross-zone off (R-LBK-3): Zh = zones with a healthy node; share(n) = 1 / (|Zh| × h_z(n)); Zh = ∅ →
 *   fail open over the zones with a registered node: 1 / (|Z*| × t_z(n)).
 * - metallb-l2 (R-LBK-7): E = every node (all run a speaker) if some endpoint can serve (ready or serving), under
 *   Local only nodes with a servable local endpoint; the leader is the first of E by bytewise sha256(name#ip):
 *   share 1. E = ∅ → nothing answers.
 * - metallb-bgp (R-LBK-8): every node of E announces; the router's ECMP gives 1/|E| each. E = ∅ → unreachable.
 * The caller decides each node's check (Local: the health-check node port; Cluster: per provider, R-LBK-1).
 */
import { createHash } from 'node:crypto';
import Fraction from 'fraction.js';

export interface FamilyNode {
  name: string;
  zone: string | null;
  /** Passes the balancer's check (ignored by MetalLB, which checks nothing). */
  passes: boolean;
  /** Has a local endpoint that can serve: ready, or serving while terminating (MetalLB's EndpointCanServe). */
  servableLocal: boolean;
}

export interface FamilyInput {
  provider: string;
  crossZone: boolean;
  local: boolean;
  /** Some endpoint anywhere can serve (ready or serving). */
  anyServable: boolean;
  /** The first ingress IP (MetalLB's hash key). */
  ip: string;
  nodes: FamilyNode[];
}

/** Per-node shares, or null when no node receives anything (the flow is unanswered: the client times out). */
export function familyShares(f: FamilyInput): Map<string, Fraction> | null {
  const out = new Map<string, Fraction>(f.nodes.map((n) => [n.name, new Fraction(0)]));
  const equal = (chosen: FamilyNode[]) => {
    for (const n of chosen) out.set(n.name, new Fraction(1, chosen.length));
    return out;
  };
  if (f.provider === 'metallb-l2' || f.provider === 'metallb-bgp') {
    const eligible = !f.anyServable ? [] : f.local ? f.nodes.filter((n) => n.servableLocal) : f.nodes;
    if (eligible.length === 0) return null;
    if (f.provider === 'metallb-bgp') return equal(eligible);
    const hash = (n: FamilyNode) => createHash('sha256').update(`${n.name}#${f.ip}`).digest('hex');
    const leader = [...eligible].sort((a, b) => (hash(a) < hash(b) ? -1 : hash(a) > hash(b) ? 1 : 0))[0]!;
    return equal([leader]);
  }
  const healthy = f.nodes.filter((n) => n.passes);
  if (f.provider === 'aws-nlb' && !f.crossZone) {
    const members = healthy.length > 0 ? healthy : f.nodes;
    const zones = new Map<string | null, number>();
    for (const n of members) zones.set(n.zone, (zones.get(n.zone) ?? 0) + 1);
    for (const n of members) out.set(n.name, new Fraction(1, zones.size * zones.get(n.zone)!));
    return out;
  }
  if (healthy.length === 0) return f.provider === 'azure' ? null : equal(f.nodes);
  return equal(healthy);
}

/** The providers familyShares models (aws-clb, hostname-only balancers and IP targets are refused by the callers). */
export const MODELLED_PROVIDERS = ['generic', 'gcp', 'aws-nlb', 'azure', 'metallb-l2', 'metallb-bgp'];

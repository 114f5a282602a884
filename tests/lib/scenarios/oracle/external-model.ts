/**
 * A second, simpler derivation of external LoadBalancer traffic, written from routing-semantics.md without the
 * engine (issue 12 item 14): the two-stage model of R-LB-6 for the scenarios the practice generators build
 * (a LoadBalancer Service, nodes, Pods, a proxy mode, a balancing model). It refuses anything it does not model,
 * so an agreement is never an accident of defaults.
 *
 * Per node n receiving the balancer's share s(n):
 *   no usable endpoint anywhere → rejected (R-DROP-1)
 *   eTP=Cluster → uniform over the Cluster set (R-EP-1, R-EXT-2); kube-proxy masquerades all (R-EXT-1), Cilium SNAT
 *     only toward a remote backend, Cilium DSR never (§11)
 *   eTP=Local  → the Local set (R-EP-2, R-EXT-6), not masqueraded; empty → dropped (R-EXT-7), except IPVS, which
 *     sends to the Cluster set unmasqueraded and the reply is lost (R-X-4: crosses, fails)
 * Balancer shares: all-nodes = equal over every node (R-LB-7); otherwise over the nodes passing the check —
 * Local: the health-check port answers 200 iff a ready local endpoint (R-HC-2/3; kube-proxy also needs its own
 * health, R-PH-2; Cilium does not, R-HC-CIL-4); Cluster: kube-proxy's /healthz (R-PH-3), which Cilium does not
 * serve (R-HC-CIL-7); weighted by local ready count only with a health-check port (R-HC-4); nobody passing → fail
 * open to every node.
 */
import type { ScenarioInput } from '@/lib/engine';
import Fraction from 'fraction.js';
import { familyShares, MODELLED_PROVIDERS } from './balancer-families';

type Spec = ScenarioInput['service']['spec'];

export interface OEndpoint {
  pod: string;
  node: string | null;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
}

export interface ONodeFlow {
  node: string;
  share: Fraction;
  verdict: 'forwarded' | 'dropped' | 'rejected' | 'asymmetric';
  set: OEndpoint[];
  /** Per backend: does the Pod see the client's address? */
  keepsClient: (e: OEndpoint) => boolean;
}

export interface OModel {
  endpoints: OEndpoint[];
  flows: ONodeFlow[];
}

const MODES = ['iptables', 'nftables', 'ipvs', 'cilium-snat', 'cilium-dsr'];
const CA_TAINT = 'ToBeDeletedByClusterAutoscaler';

function refuse(what: string): never {
  throw new Error(`oracle: does not model ${what}`);
}

export function endpointsOf(s: ScenarioInput): OEndpoint[] {
  const selector = s.service.spec.selector ?? {};
  return (s.cluster.pods ?? [])
    .filter((p) => Object.entries(selector).every(([k, v]) => p.labels?.[k] === v))
    .map((p) => {
      const ready = p.ready ?? true;
      return { pod: p.name, node: p.node ?? null, ready, serving: p.serving ?? ready, terminating: p.terminating ?? false };
    });
}

const usableFallback = (e: OEndpoint) => e.serving && e.terminating;

export function clusterSet(eps: OEndpoint[]): OEndpoint[] {
  const ready = eps.filter((e) => e.ready);
  return ready.length > 0 ? ready : eps.filter(usableFallback);
}

export function localSet(eps: OEndpoint[], node: string): OEndpoint[] {
  const mine = eps.filter((e) => e.node === node);
  const ready = mine.filter((e) => e.ready);
  return ready.length > 0 ? ready : mine.filter(usableFallback);
}

export function model(s: ScenarioInput): OModel {
  const spec: Spec = s.service.spec;
  if (spec.type !== 'LoadBalancer') refuse(`type ${spec.type}`);
  if (s.traffic) refuse('explicit traffic');
  if (spec.trafficDistribution) refuse('topology hints');
  const mode = s.cluster.proxyMode ?? 'iptables';
  if (!MODES.includes(mode)) refuse(`proxy mode ${mode}`);
  const lb = s.loadBalancer ?? {};
  if (lb.targets === 'pods') refuse('IP targets');
  // Balancer families (R-LBK-2 … R-LBK-8, balancer-families.ts); aws-clb and explicit zones/speakers are refused.
  const provider = lb.provider ?? 'generic';
  if (!MODELLED_PROVIDERS.includes(provider)) refuse(`provider ${provider}`);
  if (lb.zones || lb.speakers || lb.preferredNodes || lb.allUnhealthy) refuse('explicit balancer zones or speakers');
  const ingressIp = s.service.status?.loadBalancer?.ingress?.[0]?.ip;
  if (!ingressIp) refuse('a balancer without an ingress IP');
  if (provider !== 'generic' && lb.balancing) refuse('a provider with an explicit balancing model');
  const balancing = lb.balancing ?? 'healthy-nodes';
  if (!['healthy-nodes', 'weighted', 'all-nodes'].includes(balancing)) refuse(`balancing ${balancing}`);
  const keepsIp = lb.preservesClientIP ?? true;
  const local = (spec.externalTrafficPolicy ?? 'Cluster') === 'Local';
  const cilium = mode.startsWith('cilium');
  const eps = endpointsOf(s);
  const nodes = s.cluster.nodes;
  const readyLocal = (n: string) => eps.filter((e) => e.node === n && e.ready).length;

  const passes = (n: (typeof nodes)[number]): boolean => {
    if (local) return readyLocal(n.name) > 0 && (cilium || n.proxyHealthy !== false);
    if (cilium) return false;
    return n.proxyHealthy !== false && !n.deleting && !(n.taints ?? []).includes(CA_TAINT);
  };
  const anyUsable = eps.some((e) => e.ready || usableFallback(e));
  let shares = new Map<string, Fraction>(nodes.map((n) => [n.name, new Fraction(0)]));
  const healthy = nodes.filter(passes);
  if (provider !== 'generic') {
    // Cluster: AWS and Azure open a TCP connection to the NodePort (R-LBK-1): it succeeds wherever an endpoint is
    // usable; GCP probes /healthz as the generic balancer does.
    const tcp = provider !== 'gcp' && !local;
    shares =
      familyShares({
        provider,
        crossZone: lb.crossZone ?? false,
        local,
        anyServable: eps.some((e) => e.ready || e.serving),
        ip: ingressIp,
        nodes: nodes.map((n) => ({
          name: n.name,
          zone: n.zone ?? null,
          passes: tcp ? anyUsable : passes(n),
          servableLocal: eps.some((e) => e.node === n.name && (e.ready || e.serving)),
        })),
      }) ?? shares;
  } else {
  const chosen = balancing === 'all-nodes' || healthy.length === 0 ? nodes : healthy;
  const total = healthy.reduce((a, n) => a + readyLocal(n.name), 0);
  if (balancing === 'weighted' && local && total > 0) for (const n of healthy) shares.set(n.name, new Fraction(readyLocal(n.name), total));
  else for (const n of chosen) shares.set(n.name, new Fraction(1, chosen.length));
  }

  const flows: ONodeFlow[] = nodes.map((n) => {
    const share = shares.get(n.name) ?? new Fraction(0);
    const base = { node: n.name, share };
    if (!anyUsable) return { ...base, verdict: 'rejected', set: [], keepsClient: () => false };
    if (!local) {
      const set = clusterSet(eps);
      const keepsClient = (e: OEndpoint) => keepsIp && (mode === 'cilium-dsr' || (mode === 'cilium-snat' && e.node === n.name));
      return { ...base, verdict: 'forwarded', set, keepsClient };
    }
    const own = localSet(eps, n.name);
    const keepsClient = () => keepsIp;
    if (own.length > 0) return { ...base, verdict: 'forwarded', set: own, keepsClient };
    if (mode === 'ipvs') return { ...base, verdict: 'asymmetric', set: clusterSet(eps), keepsClient };
    return { ...base, verdict: 'dropped', set: [], keepsClient };
  });
  return { endpoints: eps, flows };
}

/** Probability that a connection entering this flow's node goes to a Pod on another node. */
export function crossing(f: ONodeFlow): Fraction {
  if (f.set.length === 0) return new Fraction(0);
  return new Fraction(f.set.filter((e) => e.node !== f.node).length, f.set.length);
}

export function receiving(m: OModel): ONodeFlow[] {
  return m.flows.filter((f) => !f.share.equals(0));
}

export function crossingTotal(m: OModel): Fraction {
  return receiving(m).reduce((a, f) => a.add(f.share.mul(crossing(f))), new Fraction(0));
}

export type OProperty = 'client-ip' | 'even-pods' | 'no-drops' | 'no-cross-node';

/** The four practice properties (the requirement texts of policy-choice and fix-it), from the model. */
export function holds(m: OModel, p: OProperty): boolean {
  const flows = receiving(m);
  switch (p) {
    case 'client-ip':
      return flows.every((f) => f.set.every((e) => f.keepsClient(e)) || f.verdict === 'dropped' || f.verdict === 'rejected');
    case 'even-pods': {
      const podShare = new Map<string, Fraction>(m.endpoints.map((e) => [e.pod, new Fraction(0)]));
      for (const f of flows)
        if (f.verdict === 'forwarded') for (const e of f.set) podShare.set(e.pod, (podShare.get(e.pod) ?? new Fraction(0)).add(f.share.div(f.set.length)));
      const ready = m.endpoints.filter((e) => e.ready).map((e) => podShare.get(e.pod) ?? new Fraction(0));
      const first = ready[0];
      return !!first && !first.equals(0) && ready.every((x) => x.equals(first));
    }
    case 'no-drops':
      return flows.every((f) => f.verdict === 'forwarded');
    case 'no-cross-node':
      return crossingTotal(m).equals(0);
  }
}

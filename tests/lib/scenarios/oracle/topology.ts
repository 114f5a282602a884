/**
 * Oracle for topology (issue 13), from routing-semantics.md R-EP-1, R-EP-4, R-EP-5 and R-LB-1, without lib/engine.
 * It reads what the generator makes (one Pod calling the ClusterIP of a Service with trafficDistribution, under
 * kube-proxy, iTP Cluster or Local, no affinity) and refuses anything else with an "oracle:" error.
 *  - hints (EndpointSlice controller): with PreferClose / PreferSameZone / PreferSameNode every ready selected Pod
 *    gets a zone hint for its node's zone (if the node has one); PreferSameNode adds a node hint for its node;
 *  - kube-proxy on the sender's node: node hints on every ready endpoint and one for this node → those; else zone
 *    hints on every ready endpoint and one for this node's zone → those; else every ready endpoint;
 *  - no ready endpoint at all → serving-and-terminating ones, topology ignored; the pick is uniform over the set;
 *  - internalTrafficPolicy: Local → the sender node's own endpoints (ready, else serving-and-terminating), no topology.
 */
import Fraction from 'fraction.js';
import type { ScenarioInput } from '@/lib/engine';
import type { TopologyAsk } from '@/lib/scenarios/kinds/topology';

const DISTRIBUTIONS = ['PreferClose', 'PreferSameZone', 'PreferSameNode'];

export function oracleKey(s: ScenarioInput, ask: TopologyAsk): Record<string, string> {
  const spec = s.service.spec;
  if (spec.type !== 'ClusterIP') throw new Error('oracle: ClusterIP Services only');
  if (!['iptables', 'nftables', 'ipvs'].includes(s.cluster.proxyMode ?? 'iptables')) throw new Error('oracle: kube-proxy only');
  if (spec.sessionAffinity === 'ClientIP') throw new Error('oracle: unsupported Service field');
  const itpLocal = spec.internalTrafficPolicy === 'Local';
  const t = s.traffic?.[0];
  if (!t || s.traffic?.length !== 1 || t.to !== 'clusterIP' || !t.from.startsWith('pod/')) throw new Error('oracle: one flow from a Pod to the ClusterIP');
  const zoneOfNode = new Map(s.cluster.nodes.map((n) => [n.name, n.zone ?? null]));
  const sender = (s.cluster.pods ?? []).find((p) => `pod/${p.name}` === t.from);
  if (!sender) throw new Error('oracle: unknown sender');
  if ((s.cluster.pods ?? []).some((p) => 'zone' in p)) throw new Error('oracle: a Pod-level zone is not modelled');
  const nodeOf = (p: { name: string; node?: string }): string => {
    if (!p.node) throw new Error(`oracle: Pod ${p.name} has no node`);
    return p.node;
  };
  const myNode = nodeOf(sender);
  const myZone = zoneOfNode.get(myNode) ?? null;
  const selector = spec.selector ?? {};
  const pods = (s.cluster.pods ?? []).filter((p) => Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => p.labels?.[k] === v));
  const ready = pods.filter((p) => (p.ready ?? true) && !p.terminating);
  const hinted = DISTRIBUTIONS.includes(spec.trafficDistribution ?? '');
  const sameNode = spec.trafficDistribution === 'PreferSameNode';
  const zoneHint = (p: (typeof pods)[number]) => (hinted ? (zoneOfNode.get(nodeOf(p)) ?? null) : null);
  let uses: 'node' | 'zone' | 'cluster' = 'cluster';
  let set: string[];
  if (itpLocal) {
    // iTP Local: the sender node's ready endpoints, else its serving-and-terminating ones; never topology (R-INT-1, R-EP-2).
    uses = 'node';
    const here = pods.filter((p) => p.node === myNode);
    const hereReady = here.filter((p) => (p.ready ?? true) && !p.terminating);
    set = (hereReady.length > 0 ? hereReady : here.filter((p) => p.terminating && p.serving)).map((p) => p.name);
  } else if (ready.length > 0) {
    if (sameNode && ready.some((p) => p.node === myNode)) uses = 'node';
    else if (ready.every((p) => zoneHint(p) !== null) && myZone !== null && ready.some((p) => zoneHint(p) === myZone)) uses = 'zone';
    set = ready.filter((p) => (uses === 'node' ? p.node === myNode : uses === 'zone' ? zoneHint(p) === myZone : true)).map((p) => p.name);
  } else {
    set = pods.filter((p) => p.terminating && p.serving).map((p) => p.name);
  }
  if (set.length === 0) throw new Error('oracle: no usable endpoint');
  const each = new Fraction(1, set.length);
  const key: Record<string, string> = { uses, podShare: set.includes(ask.pod) ? each.toFraction() : '0' };
  if (ask.sameZone) {
    const inZone = set.filter((n) => zoneOfNode.get(nodeOf(pods.find((p) => p.name === n)!)) === myZone).length;
    key.sameZone = each.mul(inZone).toFraction();
  }
  return key;
}

/**
 * Oracle for session-affinity (issue 13), from routing-semantics.md R-EP-1, R-LB-1..3 and R-LB-5, without lib/engine.
 * It reads what the generator makes (a Pod calling the ClusterIP of a ClientIP-affinity Service under kube-proxy,
 * iTP Cluster, no topology, no terminating Pods) and refuses anything else with an "oracle:" error.
 *  - a first connection is uniform over the ready selected Pods (the Cluster set);
 *  - the next connection within timeoutSeconds (default 10800) of the previous one → the same Pod, else fresh;
 *  - after the first Pod is deleted → uniform over the ready selected Pods that remain.
 */
import Fraction from 'fraction.js';
import type { ScenarioInput } from '@/lib/engine';
import type { SessionAffinityAsk } from '@/lib/scenarios/kinds/session-affinity';

export function oracleKey(s: ScenarioInput, ask: SessionAffinityAsk): Record<string, string> {
  const spec = s.service.spec;
  if (spec.sessionAffinity !== 'ClientIP') throw new Error('oracle: ClientIP affinity only');
  if (!['iptables', 'nftables', 'ipvs'].includes(s.cluster.proxyMode ?? 'iptables')) throw new Error('oracle: kube-proxy only');
  if (spec.internalTrafficPolicy === 'Local' || spec.trafficDistribution) throw new Error('oracle: unsupported Service field');
  const t = s.traffic?.[0];
  if (!t || s.traffic?.length !== 1 || t.to !== 'clusterIP' || !t.from.startsWith('pod/'))
    throw new Error('oracle: one flow from a Pod to the ClusterIP');
  const selector = spec.selector ?? {};
  const pods = (s.cluster.pods ?? []).filter((p) => Object.entries(selector).every(([k, v]) => p.labels?.[k] === v));
  if (pods.some((p) => p.terminating)) throw new Error('oracle: no terminating Pods');
  const ready = pods.filter((p) => p.ready ?? true).map((p) => p.name);
  if (ready.length === 0) throw new Error('oracle: no ready Pod');
  const uniform = (set: string[], pod: string) => (set.includes(pod) ? new Fraction(1, set.length).toFraction() : '0');
  const timeout = spec.sessionAffinityConfig?.clientIP.timeoutSeconds ?? 10800;
  const key: Record<string, string> = {
    firstShare: uniform(ready, ask.pod),
    next: ask.gap < timeout ? 'same' : 'fresh',
  };
  if (ask.afterGonePod) key.afterGone = uniform(ready.filter((p) => p !== ask.first), ask.afterGonePod);
  return key;
}

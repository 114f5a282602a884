/**
 * Oracle for troubleshooting (issue 13), from routing-semantics.md R-EP-1/R-EP-4, R-DROP-1/2, R-EXT-1/6/7 and
 * R-SRC-3 plus the Pod side (a container answers only on the port and address it listens on), without lib/engine
 * or the generator. It reads what the generator makes (a LoadBalancer Service under kube-proxy in iptables mode,
 * curls from outside through the balancer or to a node's NodePort, no terminating Pods) and refuses anything else
 * with an "oracle:" error.
 *  - no ready selected Pod: REJECT → `selector` if the selector matches no Pod, else `readiness`;
 *  - Local and no ready selected Pod on the node the curl reaches: DROP → `local-no-endpoint`;
 *  - a Pod the curl may reach belongs to another app (its `app` label is not the ask's `app`) → `broad-selector`;
 *  - the Pods the curl may reach do not listen on targetPort → `target-port`; listen on 127.0.0.1 → `localhost-only`;
 *  - the team needs the client address: a proxying balancer (curl through it) → `proxy-balancer`; Cluster → `snat-cluster`.
 */
import type { ScenarioInput } from '@/lib/engine';
import type { TroubleshootingAsk } from '@/lib/scenarios/kinds/troubleshooting';

const FIX: Record<string, string> = {
  selector: 'fix-selector',
  readiness: 'fix-readiness',
  'target-port': 'fix-target-port',
  'localhost-only': 'listen-all',
  'local-no-endpoint': 'cluster-or-local-pod',
  'snat-cluster': 'etp-local',
  'proxy-balancer': 'passthrough',
  'broad-selector': 'narrow-selector',
};

export function oracleKey(s: ScenarioInput, ask: TroubleshootingAsk): Record<string, string> {
  const spec = s.service.spec;
  if (spec.type !== 'LoadBalancer') throw new Error('oracle: LoadBalancer Services only');
  if ((s.cluster.proxyMode ?? 'iptables') !== 'iptables')
    throw new Error('oracle: kube-proxy in iptables mode only');
  if (
    spec.trafficDistribution ||
    spec.internalTrafficPolicy === 'Local' ||
    spec.sessionAffinity === 'ClientIP'
  )
    throw new Error('oracle: unsupported Service field');
  const lb = s.loadBalancer ?? {};
  if (
    (lb.provider ?? 'generic') !== 'generic' ||
    (lb.targets ?? 'nodes') !== 'nodes' ||
    (lb.balancing ?? 'healthy-nodes') !== 'healthy-nodes'
  )
    throw new Error('oracle: a generic balancer with node targets only');
  const proxying = lb.preservesClientIP === false;
  const policy = spec.externalTrafficPolicy ?? 'Cluster';
  if (proxying && policy === 'Cluster')
    throw new Error('oracle: a proxying balancer under Cluster is not modelled');
  const port = spec.ports[0];
  const target = port?.targetPort ?? port?.port;
  if (spec.ports.length !== 1 || typeof target !== 'number')
    throw new Error('oracle: one port with a numeric targetPort');
  const selector = spec.selector ?? {};
  if (Object.keys(selector).length === 0) throw new Error('oracle: a selector is needed');
  const selected = (s.cluster.pods ?? []).filter((p) =>
    Object.entries(selector).every(([k, v]) => p.labels?.[k] === v),
  );
  if (selected.some((p) => p.terminating)) throw new Error('oracle: no terminating Pods');
  const ready = selected.filter((p) => p.ready ?? true);
  const causes = new Set<string>();
  for (const t of s.traffic ?? []) {
    if (t.from !== 'external' || (t.to !== 'loadBalancer' && t.to !== 'nodePort') || !t.node)
      throw new Error('oracle: curls from outside to the balancer or a NodePort, with a node');
    if (ready.length === 0) {
      causes.add(selected.length === 0 ? 'selector' : 'readiness');
      continue;
    }
    const reachable = policy === 'Local' ? ready.filter((p) => p.node === t.node) : ready;
    if (reachable.length === 0) {
      causes.add('local-no-endpoint');
      continue;
    }
    if (ask.app !== undefined && reachable.some((p) => p.labels?.app !== ask.app)) {
      causes.add('broad-selector');
      continue;
    }
    const listens = reachable.map(
      (p) => ask.workload.pods?.[p.name]?.listen ?? { address: '0.0.0.0', port: target },
    );
    if (listens.some((l) => l.port !== target)) causes.add('target-port');
    else if (listens.some((l) => l.address === '127.0.0.1')) causes.add('localhost-only');
    else if (ask.needsClientIp && t.to === 'loadBalancer' && proxying) causes.add('proxy-balancer');
    else if (ask.needsClientIp && policy === 'Cluster') causes.add('snat-cluster');
  }
  if (causes.size !== 1) throw new Error(`oracle: ${causes.size} causes`);
  const cause = [...causes][0]!;
  return { cause, fix: FIX[cause]! };
}

/**
 * Cilium's kube-proxy replacement answers the health-check node port and :10256 itself (routing-semantics.md
 * §15, R-HC-CIL-1…8; cilium/cilium pkg/loadbalancer/healthserver/healthserver.go, daemon/healthz/
 * kube_proxy_healthz.go).
 *
 * - R-HC-CIL-1 One listener per LoadBalancer + Local Service with a non-zero port, on every node (with or
 *   without local backends); nodePortAddresses plays no part.
 * - R-HC-CIL-2 localEndpoints = the Service's Active backends whose nodeName is this node or empty. A backend is
 *   one address:port/protocol, so a Pod behind a two-port Service counts 2. Active = ready (terminating or not).
 * - R-HC-CIL-4 200 iff the count > 0, else 503; no proxy-health term (kube-proxy's `proxyHealthy` plays no part).
 * - R-HC-CIL-5 Content-Type, X-Content-Type-Options, X-Load-Balancing-Endpoint-Weight (on 200 and 503).
 * - R-HC-CIL-6 Body: encoding/json's compact encoding followed by one "\n".
 * - R-HC-CIL-7 :10256 answers only when kube-proxy-replacement-healthz-bind-address is set, and then only
 *   /healthz: 503 while the Node is being deleted (the ToBeDeletedByClusterAutoscaler taint does not matter).
 *   The agent's own status (the other 503 cause) is not in the scenario format; `proxyHealthy` is kube-proxy's
 *   staleness and plays no part under Cilium.
 * R-HC-CIL-3 (a Service redirected to Cilium's L7 proxy counts a synthetic 1) is not modelled: the scenario
 * format has no L7 redirect.
 */
import type { HealthCheckNodeAnswer, HealthChecksAnswer, ProxyHealthAnswer } from '../answer';
import type { NodeModel, Scenario, ServicePortModel } from '../model';

/**
 * The distinct port/protocol backends one endpoint IP gives: a numeric targetPort is the port; a named one is
 * resolved per Pod, so distinct names are taken as distinct ports.
 */
function backendPortsPerEndpoint(ports: readonly ServicePortModel[]): number {
  const keys = new Set<string>();
  for (const p of ports)
    keys.add(`${typeof p.targetPort === 'number' ? p.targetPort : `name:${p.targetPort}`}/${p.protocol}`);
  return Math.max(1, keys.size);
}

/** R-HC-CIL-2 for every node: Active (ready) backends on the node, plus those without nodeName. */
export function ciliumLocalEndpointCounts(
  scenario: Pick<Scenario, 'endpoints' | 'service' | 'cluster'>,
): Map<string, number> {
  const perEndpoint = backendPortsPerEndpoint(scenario.service.ports);
  const ips = new Map<string, Set<string>>();
  const anywhere = new Set<string>();
  for (const e of scenario.endpoints) {
    if (!e.ready) continue;
    if (e.node === null) anywhere.add(e.ip);
    else {
      let set = ips.get(e.node);
      if (!set) ips.set(e.node, (set = new Set()));
      set.add(e.ip);
    }
  }
  const counts = new Map<string, number>();
  for (const n of scenario.cluster.nodes) {
    const local = ips.get(n.name);
    let distinct = anywhere.size;
    if (local) for (const ip of local) if (!anywhere.has(ip)) distinct++;
    counts.set(n.name, distinct * perEndpoint);
  }
  return counts;
}

/** R-HC-CIL-6: the exact body; length 57 + len(ns) + len(name) + len(String(n)). */
export function ciliumHealthBody(namespace: string, name: string, localEndpoints: number): string {
  return `{"service":{"namespace":${JSON.stringify(namespace)},"name":${JSON.stringify(name)}},"localEndpoints":${localEndpoints}}\n`;
}

/** R-HC-CIL-4/5/6: one node's answer. */
export function ciliumHealthAnswer(
  namespace: string,
  name: string,
  localEndpoints: number,
): HealthCheckNodeAnswer {
  return {
    status: localEndpoints > 0 ? 200 : 503,
    headers: {
      'Content-Type': 'application/json',
      'X-Content-Type-Options': 'nosniff',
      'X-Load-Balancing-Endpoint-Weight': String(localEndpoints),
    },
    body: ciliumHealthBody(namespace, name, localEndpoints),
  };
}

/** R-HC-CIL-1: every node's answer, or null when the Service has no health-check node port. */
export function ciliumHealthChecks(
  scenario: Pick<Scenario, 'endpoints' | 'service' | 'cluster'>,
  needsHealthCheck: boolean,
  countFor: (nodeName: string) => number = (n) => ciliumLocalEndpointCounts(scenario).get(n) ?? 0,
): HealthChecksAnswer | null {
  const port = scenario.service.healthCheckNodePort;
  if (!needsHealthCheck || !port) return null;
  const { namespace, name } = scenario.service;
  const nodes: Record<string, HealthCheckNodeAnswer> = {};
  for (const node of scenario.cluster.nodes)
    nodes[node.name] = ciliumHealthAnswer(namespace, name, countFor(node.name));
  return { port, nodes };
}

/** R-HC-CIL-7: Cilium's /healthz on :10256 when enabled (null: nothing listens). */
export function ciliumProxyHealth(node: NodeModel, enabled: boolean): ProxyHealthAnswer | null {
  if (!enabled) return null;
  return { healthz: node.deleting ? 503 : 200 };
}

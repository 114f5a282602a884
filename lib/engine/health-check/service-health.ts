/**
 * The Service health-check server on healthCheckNodePort (R-HC-1..5; KP-HC-SVC hcHandler.ServeHTTP,
 * KP-EP getLocalReadyEndpointIPs).
 *
 * - R-HC-1 It exists only for type LoadBalancer + externalTrafficPolicy Local with a non-zero port, and every
 *   node's kube-proxy answers on it (a node with no local Pod still answers, 503).
 * - R-HC-2 localEndpoints = distinct IPs of this node's *ready* endpoints (serving-but-terminating and
 *   not-ready endpoints are not counted).
 * - R-HC-3 200 iff localEndpoints > 0 and kube-proxy is healthy; node deletion and taints do not matter here.
 * - R-HC-4 Headers Content-Type, X-Content-Type-Options and X-Load-Balancing-Endpoint-Weight (the count, on
 *   200 and on 503 alike).
 * - R-HC-5 The body: a tab-indented JSON template with no trailing newline, byte for byte.
 */
import type { HealthCheckNodeAnswer, HealthChecksAnswer } from '../answer';
import type { EndpointModel, NodeModel, Scenario } from '../model';
import type { ServiceFlags } from '../endpoints';

/** R-HC-2: the number of distinct IPs of ready endpoints whose nodeName is `nodeName`. */
export function localReadyEndpointCount(endpoints: readonly EndpointModel[], nodeName: string): number {
  let count = 0;
  let seen: Set<string> | null = null;
  for (const e of endpoints) {
    if (e.node !== nodeName || !e.ready) continue;
    seen ??= new Set();
    if (seen.has(e.ip)) continue;
    seen.add(e.ip);
    count++;
  }
  return count;
}

/** Go's %q for the names Kubernetes allows (DNS labels/subdomains): a JSON string literal is identical. */
function goQuote(s: string): string {
  return JSON.stringify(s);
}

/** The last Service's body head: evaluations of one scenario (or its variants) repeat the same names. */
let lastHead = { namespace: '', name: '', head: '' };

/** R-HC-5: the part of the body before the count, which depends only on the Service. */
function serviceHealthBodyHead(namespace: string, name: string): string {
  if (lastHead.head === '' || lastHead.namespace !== namespace || lastHead.name !== name) {
    const head = '{\n\t"service": {\n\t\t"namespace": ' + goQuote(namespace) + ',\n\t\t"name": ' + goQuote(name) + '\n\t},\n\t"localEndpoints": ';
    lastHead = { namespace, name, head };
  }
  return lastHead.head;
}

function serviceHealthBodyFrom(head: string, localEndpoints: number, proxyHealthy: boolean): string {
  return head + String(localEndpoints) + ',\n\t"serviceProxyHealthy": ' + String(proxyHealthy) + '\n}';
}

/**
 * R-HC-5: the exact body. Its length is 99 + len(ns) + len(name) + len(String(n)) + (healthy ? 4 : 5).
 * @example serviceHealthBody('default', 'web', 1, true)
 */
export function serviceHealthBody(namespace: string, name: string, localEndpoints: number, proxyHealthy: boolean): string {
  return serviceHealthBodyFrom(serviceHealthBodyHead(namespace, name), localEndpoints, proxyHealthy);
}

function serviceHealthAnswerFrom(head: string, localEndpoints: number, proxyHealthy: boolean): HealthCheckNodeAnswer {
  return {
    status: localEndpoints > 0 && proxyHealthy ? 200 : 503,
    headers: {
      'Content-Type': 'application/json',
      'X-Content-Type-Options': 'nosniff',
      'X-Load-Balancing-Endpoint-Weight': String(localEndpoints),
    },
    body: serviceHealthBodyFrom(head, localEndpoints, proxyHealthy),
  };
}

/** R-HC-3/4/5: one node's answer on the health-check node port. */
export function serviceHealthAnswer(namespace: string, name: string, localEndpoints: number, proxyHealthy: boolean): HealthCheckNodeAnswer {
  return serviceHealthAnswerFrom(serviceHealthBodyHead(namespace, name), localEndpoints, proxyHealthy);
}

/** Whether the node's health-check port answers 200 (R-HC-3), without building the body. */
export function serviceHealthy(endpoints: readonly EndpointModel[], node: NodeModel): boolean {
  return node.proxyHealthy && localReadyEndpointCount(endpoints, node.name) > 0;
}

/**
 * R-HC-1: every node's answer, or null when the Service has no health-check node port. `countFor` gives a
 * node's R-HC-2 count (the evaluation context precomputes it; defaults to counting here).
 */
export function serviceHealthChecks(
  scenario: Scenario,
  flags: ServiceFlags,
  countFor: (nodeName: string) => number = (n) => localReadyEndpointCount(scenario.endpoints, n),
): HealthChecksAnswer | null {
  const port = scenario.service.healthCheckNodePort;
  if (!flags.needsHealthCheck || !port) return null;
  const { namespace, name } = scenario.service;
  const nodes: Record<string, HealthCheckNodeAnswer> = {};
  // Quoted once for all nodes: the names are the same in every node's body.
  const head = serviceHealthBodyHead(namespace, name);
  for (const node of scenario.cluster.nodes) {
    const count = countFor(node.name);
    nodes[node.name] = serviceHealthAnswerFrom(head, count, node.proxyHealthy);
  }
  return { port, nodes };
}

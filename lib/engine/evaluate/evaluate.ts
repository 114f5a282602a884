/**
 * `evaluate(scenario)`: the whole answer of scenario-format.md, assembled from the engine's parts:
 * validation (R-API-*, ENGINE-IO's validateService), the Service after defaulting, endpoints, health checks
 * (R-HC-*), kube-proxy health (R-PH-*), load shares (R-LB-6/7) and one trace per flow. Pure: the same scenario
 * always gives the same answer.
 */
import type { Answer, EndpointAnswer, ProxyHealthAnswer } from '../answer';
import type { Scenario, TrafficModel } from '../model';
import { createContext } from '../context';
import { traceFlow, toFlowAnswer, type FlowTrace } from '../flows';
import { ciliumHealthChecks, ciliumProxyHealth, proxyHealth, serviceHealthChecks } from '../health-check';
import { loadShares } from '../load-share';
import { serviceAnswer, validateService } from '../validation';

/**
 * Evaluates a normalised scenario (see `parseScenario`). Every flow in `scenario.traffic` is traced; shares and
 * the per-node balancer split are given for LoadBalancer Services only (null otherwise); healthChecks only for
 * LoadBalancer + externalTrafficPolicy Local (R-HC-1).
 */
export function evaluate(scenario: Scenario): Answer {
  const ctx = createContext(scenario);
  const endpoints: EndpointAnswer[] = scenario.endpoints.map((e) => ({
    pod: e.pod,
    node: e.node,
    ip: e.ip,
    ready: e.ready,
    serving: e.serving,
    terminating: e.terminating,
  }));
  const cilium = ctx.traits.family === 'cilium';
  const proxy = proxyHealthAnswers(scenario, cilium);
  const lb = scenario.service.type === 'LoadBalancer' ? loadShares(ctx) : null;
  const validation = validateService(scenario);
  const service = serviceAnswer(scenario.service);
  const healthChecks = cilium
    ? ciliumHealthChecks(scenario, ctx.flags.needsHealthCheck, (n) => ctx.healthCheckCount(n))
    : serviceHealthChecks(scenario, ctx.flags, (n) => ctx.localReadyCount(n));
  const loadBalancer = lb ? lb.loadBalancer : null;
  const shares = lb ? lb.shares : null;
  const flows = scenario.traffic.map((t) => toFlowAnswer(traceFlow(ctx, t)));
  // Two literals rather than spreading a finished answer behind `name`: the copy cost as much as a small flow.
  const answer: Answer =
    scenario.name !== null
      ? { name: scenario.name, validation, service, endpoints, healthChecks, proxyHealth: proxy, loadBalancer, shares, flows }
      : { validation, service, endpoints, healthChecks, proxyHealth: proxy, loadBalancer, shares, flows };
  // R-API-UPD-9: only an update scenario has one.
  if (scenario.update) answer.update = scenario.update;
  return answer;
}

/** :10256 per node: kube-proxy's (R-PH-*), or under cilium-* null unless Cilium serves /healthz (R-HC-CIL-7). */
function proxyHealthAnswers(scenario: Scenario, cilium: boolean): Record<string, ProxyHealthAnswer> | null {
  const enabled = scenario.cluster.kubeProxyReplacementHealthz;
  if (cilium && !enabled) return null;
  const proxy: Record<string, ProxyHealthAnswer> = {};
  for (const n of scenario.cluster.nodes) proxy[n.name] = cilium ? ciliumProxyHealth(n, true)! : proxyHealth(n);
  return proxy;
}

/**
 * `trace(scenario, traffic)`: one flow's trace (verdict, masquerade, backends with exact probabilities, steps).
 * For several flows of one scenario prefer `evaluate`, which shares the per-node categorisation.
 */
export function trace(scenario: Scenario, traffic: TrafficModel): FlowTrace {
  return traceFlow(createContext(scenario), traffic);
}

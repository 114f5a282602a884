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
import { proxyHealth, serviceHealthChecks } from '../health-check';
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
  const proxy: Record<string, ProxyHealthAnswer> = {};
  for (const n of scenario.cluster.nodes) proxy[n.name] = proxyHealth(n);
  const lb = scenario.service.type === 'LoadBalancer' ? loadShares(ctx) : null;
  const validation = validateService(scenario);
  const service = serviceAnswer(scenario.service);
  const healthChecks = serviceHealthChecks(scenario, ctx.flags, (n) => ctx.localReadyCount(n));
  const loadBalancer = lb ? lb.loadBalancer : null;
  const shares = lb ? lb.shares : null;
  const flows = scenario.traffic.map((t) => toFlowAnswer(traceFlow(ctx, t)));
  // Two literals rather than spreading a finished answer behind `name`: the copy cost as much as a small flow.
  return scenario.name !== null
    ? { name: scenario.name, validation, service, endpoints, healthChecks, proxyHealth: proxy, loadBalancer, shares, flows }
    : { validation, service, endpoints, healthChecks, proxyHealth: proxy, loadBalancer, shares, flows };
}

/**
 * `trace(scenario, traffic)`: one flow's trace (verdict, masquerade, backends with exact probabilities, steps).
 * For several flows of one scenario prefer `evaluate`, which shares the per-node categorisation.
 */
export function trace(scenario: Scenario, traffic: TrafficModel): FlowTrace {
  return traceFlow(createContext(scenario), traffic);
}

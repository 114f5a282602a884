/**
 * The routing engine's public face. Pure TypeScript: no React, Next, database or I/O (eslint.config.mjs).
 * It predicts what kube-proxy does with traffic to a Service (../shared/routing-semantics.md, rules R-…)
 * and answers scenarios exactly as ../shared/scenario-format.md says.
 *
 * Two entries, one door: this one takes scenarios as values (what browsers evaluate: generated questions, the
 * explorer's layouts, imported clusters); ./text.ts adds reading YAML/JSON text (the `yaml` package) and comes
 * in through the same door. Browser code imports only this one (issue 18; rule `wall/text-entry`).
 *
 *   runScenario(value)              THE door: scenario value → { scenario, answer }, or every problem (path)
 *   parseScenario(value)            its reading half: a JS value (e.g. from a generator) → Scenario, or problems
 *   runScenarioText / readScenarioText / readScenario   text → the same, with lines: in ./text.ts
 *   evaluate(scenario)              Scenario → Answer
 *   trace(scenario, traffic)        one flow, with its steps
 *   validateService(scenario)       the API server's defaulting and errors only (R-API-*)
 *   updateService(previous, request, pool)  an update's outcome (R-API-UPD-*); the reader runs it for `previous`
 *   formatShare / parseShare        exact-fraction strings ("1/6")
 *   lbFlows, stepsOf, entryShare, …  queries on an Answer (queries/)
 */
export * from './answer';
export * from './model';
export * from './scenario';
export * from './validation';
export { evaluate, trace } from './evaluate';
export { issuesText, runScenario, type EngineRun } from './run';
export type { FlowTrace } from './flows';
export { formatShare, parseShare, share, sharePercent, sumShares, Fraction, Share, ZERO, ONE } from './fractions';
export { categorizeEndpoints, assignHints, externallyAccessible, needsHealthCheck, serviceFlags, topologyModeFromHints } from './endpoints';
export type { Categorization, HintedEndpoint, ServiceFlags, TopologyMode } from './endpoints';
export { serviceHealthBody, serviceHealthAnswer, localReadyEndpointCount, proxyHealth, proxyHealthResponse, nodeEligible } from './health-check';
export { ciliumHealthBody, ciliumHealthAnswer, ciliumLocalEndpointCounts, ciliumProxyHealth } from './health-check';
export type { ProxyHealthResponse } from './health-check';
export { balancerNodeShares, nodePassesBalancerCheck } from './load-share';
export { crossingShare, entryShare, externalFlowsAt, flowCrossing, lbFlows, receivingFlows, sourceIpsSeen, stepsOf } from './queries';
export { sha256Hex } from './hash';

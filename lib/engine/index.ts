/**
 * The routing engine's public face. Pure TypeScript: no React, Next, database or I/O (eslint.config.mjs).
 * It predicts what kube-proxy does with traffic to a Service (../shared/routing-semantics.md, rules R-…)
 * and answers scenarios exactly as ../shared/scenario-format.md says.
 *
 *   runScenario(text | value)       THE door: scenario → { scenario, answer }, or every problem (path, line)
 *   readScenario(text | value)      the reading half of it: → Scenario, or every problem
 *   readScenarioText(text, format)  YAML/JSON text → Scenario, or every problem with its field path and line
 *   parseScenario(value)            a JS value (e.g. from a generator) → Scenario, or problems
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
export { issuesText, readScenario, runScenario, type EngineRun, type ScenarioSourceOptions } from './run';
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

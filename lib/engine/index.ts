/**
 * The routing engine's public face. Pure TypeScript: no React, Next, database or I/O (eslint.config.mjs).
 * It predicts what kube-proxy does with traffic to a Service (../shared/routing-semantics.md, rules R-…)
 * and answers scenarios exactly as ../shared/scenario-format.md says.
 *
 *   readScenarioText(text, format)  YAML/JSON text → Scenario, or every problem with its field path and line
 *   parseScenario(value)            a JS value (e.g. from a generator) → Scenario, or problems
 *   evaluate(scenario)              Scenario → Answer
 *   validateService(scenario)       the API server's defaulting and errors only (R-API-*)
 */
export * from './answer';
export * from './model';
export { scenarioSchema, LIMITS, PROXY_MODES, BALANCING, SERVICE_TYPES, TRAFFIC_DESTINATIONS } from './scenario/schema';
export type { ScenarioInput, ScenarioDoc } from './scenario/schema';

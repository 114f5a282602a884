/**
 * Reading scenarios (scenario-format.md "The scenario"): text or a JS value → the engine's `Scenario`, with
 * every default filled in, or every problem named by field path (and line, for text).
 */
export { readScenarioText, type ScenarioFormat } from './read';
export { parseScenario } from './parse';
export { formatIssue, formatPath, type Issue, type ScenarioResult } from './issues';
export { scenarioSchema, LIMITS, PROXY_MODES, BALANCING, BALANCING_MODELS, LB_PROVIDERS, CNI_PRESETS, SERVICE_TYPES, TRAFFIC_DESTINATIONS } from './schema';
export type { ScenarioInput, ScenarioDoc } from './schema';

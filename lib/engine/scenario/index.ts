/**
 * Reading scenarios (scenario-format.md "The scenario"): a JS value → the engine's `Scenario`, with every
 * default filled in, or every problem named by field path. Text (YAML/JSON, with lines) is read by read.ts,
 * which only lib/engine/text.ts exports: this barrel stays free of the `yaml` package (issue 18).
 */
export { parseScenario } from './parse';
export { formatIssue, formatPath, type Issue, type ScenarioResult } from './issues';
export { scenarioSchema, LIMITS, TRAFFIC_DESTINATIONS } from './schema';
export { PROXY_MODES, BALANCING, BALANCING_MODELS, LB_PROVIDERS, CNI_PRESETS, SERVICE_TYPES } from './vocabulary';
export type { ScenarioInput, ScenarioDoc } from './schema';

/**
 * The text half of the engine's door (exported by lib/engine/text.ts): YAML or JSON text → `Scenario` and
 * `Answer`, or every problem with its field path and line. Reads the text, then evaluates as runScenario does.
 */
import type { Scenario } from '../model';
import { parseScenario, type ScenarioResult } from '../scenario';
import { readScenarioText, type ScenarioFormat } from '../scenario/read';
import { evaluateRead, type EngineRun } from './run-scenario';

export interface ScenarioSourceOptions {
  /** How text is written; YAML when not given (JSON is also YAML 1.2, but JSON errors are located better). */
  format?: ScenarioFormat;
}

/** Text (a string) is read as YAML/JSON; anything else is taken as the parsed document (scenario-format.md). */
export function readScenario(source: unknown, options: ScenarioSourceOptions = {}): ScenarioResult<Scenario> {
  return typeof source === 'string' ? readScenarioText(source, options.format ?? 'yaml') : parseScenario(source);
}

/** Scenario text (YAML unless `options.format` says JSON) → its Scenario and Answer, or every problem (path, line). */
export function runScenarioText(text: string, options: ScenarioSourceOptions = {}): EngineRun {
  return evaluateRead(readScenarioText(text, options.format ?? 'yaml'));
}

/**
 * The one door into the engine: a scenario as text (YAML or JSON) or as a JS value → the engine's `Scenario`
 * and its `Answer`, or every problem with its field path (and line, for text). Every caller (CLI, generator,
 * grader, diagram, explorer, article loader) comes in here, so reading and evaluating happen one way.
 * Lives apart from evaluate/ so that the evaluator bundles without the scenario reader.
 */
import type { Answer } from '../answer';
import { evaluate } from '../evaluate';
import type { Scenario } from '../model';
import { formatIssue, parseScenario, readScenarioText, type ScenarioFormat, type Issue, type ScenarioResult } from '../scenario';

export interface ScenarioSourceOptions {
  /** How text is written; YAML when not given (JSON is also YAML 1.2, but JSON errors are located better). */
  format?: ScenarioFormat;
}

export type EngineRun = { ok: true; scenario: Scenario; answer: Answer } | { ok: false; issues: Issue[] };

/** Text (a string) is read as YAML/JSON; anything else is taken as the parsed document (scenario-format.md). */
export function readScenario(source: unknown, options: ScenarioSourceOptions = {}): ScenarioResult<Scenario> {
  return typeof source === 'string' ? readScenarioText(source, options.format ?? 'yaml') : parseScenario(source);
}

/** Reads `source` (see readScenario) and evaluates it. */
export function runScenario(source: unknown, options: ScenarioSourceOptions = {}): EngineRun {
  const read = readScenario(source, options);
  if (!read.ok) return read;
  return { ok: true, scenario: read.scenario, answer: evaluate(read.scenario) };
}

/** Every issue on one line each (`cluster.pods[2].ip (line 14): …`), joined by `separator`. */
export function issuesText(issues: readonly Issue[], separator = '; '): string {
  return issues.map(formatIssue).join(separator);
}

/**
 * The engine's door for scenarios as JS values (a generated ScenarioInput, an explorer layout, a parsed
 * document): value → the engine's `Scenario` and its `Answer`, or every problem with its field path. Every
 * caller comes in here (or, for text, through lib/engine/text.ts, which reads the text and comes in here), so
 * reading and evaluating happen one way. Lives apart from evaluate/ so that the evaluator bundles without the
 * scenario reader, and apart from the text reader (YAML) so that browsers evaluating objects never load `yaml`.
 */
import type { Answer } from '../answer';
import { evaluate } from '../evaluate';
import type { Scenario } from '../model';
import { formatIssue, parseScenario, type Issue, type ScenarioResult } from '../scenario';

export type EngineRun = { ok: true; scenario: Scenario; answer: Answer } | { ok: false; issues: Issue[] };

/** A read scenario evaluated; problems passed through. Shared by runScenario and the text door. */
export function evaluateRead(read: ScenarioResult<Scenario>): EngineRun {
  if (!read.ok) return read;
  return { ok: true, scenario: read.scenario, answer: evaluate(read.scenario) };
}

/**
 * A scenario as a value (scenario-format.md "The scenario") → its Scenario and Answer, or every problem.
 * Text is refused with a pointer to the text door: reading YAML/JSON is lib/engine/text.ts's business.
 */
export function runScenario(value: unknown): EngineRun {
  if (typeof value === 'string')
    return { ok: false, issues: [{ path: '', message: 'scenario text is read by runScenarioText (lib/engine/text), not by runScenario, which takes a parsed value' }] };
  return evaluateRead(parseScenario(value));
}

/** Every issue on one line each (`cluster.pods[2].ip (line 14): …`), joined by `separator`. */
export function issuesText(issues: readonly Issue[], separator = '; '): string {
  return issues.map(formatIssue).join(separator);
}

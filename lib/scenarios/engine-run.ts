/**
 * The generator's use of the engine's one door (runScenario): a generated ScenarioInput that does not read
 * is a generator bug, so this throws with every issue instead of returning them.
 */
import { issuesText, parseScenario, runScenario, type Answer, type Scenario, type ScenarioInput } from '@/lib/engine';

/** The parsed Scenario and its Answer; throws when the generated scenario is not readable. */
export function runGenerated(input: ScenarioInput): { scenario: Scenario; answer: Answer } {
  const run = runScenario(input);
  if (!run.ok) throw new Error(`generated scenario is not readable: ${issuesText(run.issues)}`);
  return run;
}

export function runEngine(input: ScenarioInput): Answer {
  return runGenerated(input).answer;
}

/** The parsed Scenario alone (no evaluation), for callers that need the Service's shape but not the answer. */
export function parseGenerated(input: ScenarioInput): Scenario {
  const read = parseScenario(input);
  if (!read.ok) throw new Error(`generated scenario is not readable: ${issuesText(read.issues)}`);
  return read.scenario;
}

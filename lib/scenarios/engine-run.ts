/**
 * The generator's use of the engine's one door (runScenario): a generated ScenarioInput that does not read
 * is a generator bug, so this throws with every issue instead of returning them.
 */
import { issuesText, runScenario, type Answer, type Scenario, type ScenarioInput } from '@/lib/engine';

/** The parsed Scenario and its Answer; throws when the generated scenario is not readable. */
export function runGenerated(input: ScenarioInput): { scenario: Scenario; answer: Answer } {
  const run = runScenario(input);
  if (!run.ok) throw new Error(`generated scenario is not readable: ${issuesText(run.issues)}`);
  return run;
}

export function runEngine(input: ScenarioInput): Answer {
  return runGenerated(input).answer;
}

/**
 * The one door to the engine for generation and grading: parse a generated ScenarioInput and evaluate
 * it. A generated scenario that does not parse is a generator bug, so it throws with every issue.
 */
import { evaluate, formatIssue, parseScenario, type Answer, type ScenarioInput } from '@/lib/engine';

export function runEngine(input: ScenarioInput): Answer {
  const parsed = parseScenario(input);
  if (!parsed.ok) {
    throw new Error(
      `generated scenario is not readable: ${parsed.issues.map(formatIssue).join('; ')}`,
    );
  }
  return evaluate(parsed.scenario);
}

/** Runs the engine on an explorer layout (in the browser). */
import { evaluate, formatIssue, parseScenario, type Answer, type Scenario } from '@/lib/engine';
import type { ExplorerState } from '@/lib/explorer/state';
import { toScenario } from '@/lib/explorer/to-scenario';

export type EngineRun =
  | { ok: true; scenario: Scenario; answer: Answer; focusFlow: number; nodePortAnswer: Answer }
  | { ok: false; error: string };

export function runEngine(state: ExplorerState): EngineRun {
  const lb = toScenario(state);
  const np = toScenario(state, { traffic: 'nodePort' });
  const parsed = parseScenario(lb.input);
  const parsedNp = parseScenario(np.input);
  if (!parsed.ok || !parsedNp.ok) {
    const issues = [...(parsed.ok ? [] : parsed.issues), ...(parsedNp.ok ? [] : parsedNp.issues)];
    return { ok: false, error: issues.map(formatIssue).join('; ') };
  }
  return {
    ok: true,
    scenario: parsed.scenario,
    answer: evaluate(parsed.scenario),
    focusFlow: lb.focusFlow,
    nodePortAnswer: evaluate(parsedNp.scenario),
  };
}

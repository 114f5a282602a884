/** Runs the engine on an explorer layout (in the browser), through the engine's one door (runScenario). */
import { issuesText, runScenario, type Answer, type Scenario } from '@/lib/engine';
import type { ExplorerState } from '@/lib/explorer/state';
import { toScenario } from '@/lib/explorer/to-scenario';

export type EngineRun =
  | { ok: true; scenario: Scenario; answer: Answer; focusFlow: number; nodePortAnswer: Answer }
  | { ok: false; error: string };

/** The layout's load-balancer traffic and, for the NodePort view, the same cluster's NodePort traffic. */
export function runExplorer(state: ExplorerState): EngineRun {
  const lb = toScenario(state);
  const lbRun = runScenario(lb.input);
  const npRun = runScenario(toScenario(state, { traffic: 'nodePort' }).input);
  if (!lbRun.ok || !npRun.ok) {
    const issues = [...(lbRun.ok ? [] : lbRun.issues), ...(npRun.ok ? [] : npRun.issues)];
    return { ok: false, error: issuesText(issues) };
  }
  return { ok: true, scenario: lbRun.scenario, answer: lbRun.answer, focusFlow: lb.focusFlow, nodePortAnswer: npRun.answer };
}

/** Runs the engine on an explorer layout (in the browser), through the engine's one door (runScenario). */
import { issuesText, runScenario, type Answer, type Scenario } from '@/lib/engine';
import { DEFAULT_STATE, type ExplorerState } from '@/lib/explorer/state';
import { toScenario } from '@/lib/explorer/to-scenario';

export type EngineRun = { ok: true; scenario: Scenario; answer: Answer; focusFlow: number } | { ok: false; error: string };

/** The layout's load-balancer traffic: what the diagram, the summary and the details show. */
export function runExplorer(state: ExplorerState): EngineRun {
  const lb = toScenario(state);
  const run = runScenario(lb.input);
  if (!run.ok) return { ok: false, error: issuesText(run.issues) };
  return { ok: true, scenario: run.scenario, answer: run.answer, focusFlow: lb.focusFlow };
}

/**
 * The same cluster's NodePort traffic, for the artefacts' commands only (so a change's first paint does not wait
 * for it). Null when the layout cannot be read: runExplorer reports why.
 */
export function runNodePort(state: ExplorerState): Answer | null {
  const run = runScenario(toScenario(state, { traffic: 'nodePort' }).input);
  return run.ok ? run.answer : null;
}

let prepared = false;

/**
 * Readies the engine for a first change, once: runs the default layout, which defines the scenario schema (the
 * engine defines it on its first read, so that bringing the engine in stays a short task, issue 18) and compiles
 * the reader's and the evaluator's code, so that the change itself runs warm. The default layout, not the one in
 * view: it costs the same few milliseconds whatever is in view (an imported cluster of thousands of Pods takes a
 * quarter of a second to run). The controls call it when a reader first reaches for them (focus, pointer down),
 * ahead of the change; the result is not kept.
 */
export function prepareChange(): void {
  if (prepared) return;
  prepared = true;
  runExplorer(DEFAULT_STATE);
}

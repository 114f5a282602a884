/**
 * fix-it from the oracle model (no engine): apply the change (the trainer's own scenario edit, applyChange — not
 * routing), then check the goal's requirements in the model; a change the API server refuses reaches nothing.
 */
import type { ScenarioInput } from '@/lib/engine';
import { applyChange } from '@/lib/scenarios/fix-it';
import type { Change, FixGoal } from '@/lib/scenarios/types';
import { apiValidationOracle } from './api-validation';
import { holds, model, type OProperty } from './external-model';

const GOALS: Record<FixGoal, OProperty[]> = {
  'client-ip-no-drops': ['client-ip', 'no-drops'],
  'even-pod-load': ['even-pods', 'no-drops'],
  'no-drops': ['no-drops'],
  'no-cross-node': ['no-cross-node', 'no-drops'],
  'client-ip-even-load': ['client-ip', 'even-pods', 'no-drops'],
};

export function fixItOracle(s: ScenarioInput, ask: { goal: FixGoal; change: Change }): Record<string, string> {
  const after = applyChange(s, ask.change);
  if (apiValidationOracle(after).validation !== 'accepted') return { reaches: 'no' };
  const m = model(after);
  return { reaches: GOALS[ask.goal].every((p) => holds(m, p)) ? 'yes' : 'no' };
}

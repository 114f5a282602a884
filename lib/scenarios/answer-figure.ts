/**
 * Which cluster the feedback's "correct flows" figure draws (issue 20): usually the question's own, but a
 * policy-choice question asks which policy meets the requirements, so its figure must show the cluster under the
 * CORRECT policy, not under the one the scenario happens to carry. The browser's question has no key; the grade
 * result (built where the key is known) carries this change, and the view applies it with `applyChange`.
 */
import type { Change, Question } from './types';

/** The change to apply to the question's scenario before drawing its correct flows, or null for none. */
export function answerFigureChange(q: Question): Change | null {
  if (q.spec.kind !== 'policy-choice') return null;
  const policy = q.key.fields.find((f) => f.field === 'policy')?.expected;
  // "either": the scenario's own policy meets every requirement too; "neither": no policy to show.
  return policy === 'Cluster' || policy === 'Local' ? { action: 'policy', policy } : null;
}

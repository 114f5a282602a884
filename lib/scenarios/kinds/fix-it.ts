/**
 * Kind 9 — fix-it: change one thing (policy, a Pod's node, replicas, spread) to reach a goal. Generation
 * searches candidate changes with the engine until one works (the witness); the current policy (a no-op)
 * is the counterexample. Grading re-runs the engine on the learner's own change.
 */
import { runEngine } from '../engine-run';
import { describeChange, evaluateChange, GOAL_TEXT, goalMet } from '../fix-it';
import { buildLayout, describeSetup, toScenarioInput, type Layout } from '../layout';
import type { Rng } from '../random';
import type { Change, Difficulty, FixGoal } from '../types';
import { choiceField, stepsOf, lbFlows, type Draft } from './draft';

function setupFor(rng: Rng, difficulty: Difficulty): { layout: Layout; goal: FixGoal } {
  const goal = rng.pick<FixGoal>(
    difficulty === 'expert' ? ['client-ip-no-drops', 'even-pod-load', 'no-drops', 'no-cross-node'] : ['client-ip-no-drops', 'even-pod-load', 'no-cross-node'],
  );
  const policy = goal === 'even-pod-load' ? 'Local' : goal === 'no-drops' ? 'Local' : 'Cluster';
  // Uneven goals need at least two nodes with Pods: an empty node only where the goal is about drops.
  const layout = buildLayout(rng, difficulty, { policy, emptyNode: goal === 'no-drops' || (goal === 'client-ip-no-drops' && rng.chance(0.5)) });
  if (goal === 'no-drops') layout.balancing = 'all-nodes';
  return { layout, goal };
}

/**
 * Changes to try, cheapest to explain first: the policy flip, spreading, scaling, then a few moves. The
 * search stops at the first that works, so a typical question costs two engine runs.
 */
function candidates(rng: Rng, layout: Layout): Change[] {
  const list: Change[] = [
    { action: 'policy', policy: layout.policy === 'Cluster' ? 'Local' : 'Cluster' },
    ...rng.shuffle<Change>([{ action: 'spread' }, { action: 'replicas', replicas: layout.nodes.length }, { action: 'replicas', replicas: layout.nodes.length * 2 }]),
  ];
  for (const pod of rng.sample(layout.pods, 2)) for (const node of rng.sample(layout.nodes, 2)) list.push({ action: 'move', pod: pod.name, node: node.name });
  return list;
}

export function generateFixIt(rng: Rng, difficulty: Difficulty): Draft | null {
  const { layout, goal } = setupFor(rng, difficulty);
  const scenario = toScenarioInput(layout);
  const answer = runEngine(scenario);
  if (goalMet(answer, goal).score === 1) return null; // already fine: not a question
  const counterexample: Change = { action: 'policy', policy: layout.policy };
  let witness: Change | null = null;
  for (const c of candidates(rng, layout)) {
    if (evaluateChange(scenario, c, goal).score === 1) {
      witness = c;
      break;
    }
  }
  if (!witness) return null;
  const action = choiceField(
    rng,
    'action',
    'Change',
    [
      { value: 'policy', label: 'Set externalTrafficPolicy', correct: witness.action === 'policy', misconception: null },
      { value: 'move', label: 'Move one Pod to another node', correct: witness.action === 'move', misconception: null },
      { value: 'replicas', label: 'Change the number of replicas', correct: witness.action === 'replicas', misconception: null },
      { value: 'spread', label: 'Spread the Pods evenly over the nodes', correct: witness.action === 'spread', misconception: null },
    ],
    { shuffle: false },
  );
  const fields = [
    action.field,
    {
      type: 'choice' as const,
      name: 'policy',
      label: 'New externalTrafficPolicy',
      when: { field: 'action', oneOf: ['policy'] },
      options: [
        { value: 'Cluster', label: 'Cluster' },
        { value: 'Local', label: 'Local' },
      ],
    },
    {
      type: 'choice' as const,
      name: 'pod',
      label: 'Pod to move',
      when: { field: 'action', oneOf: ['move'] },
      options: layout.pods.map((p) => ({ value: p.name, label: `${p.name} (on ${p.node})` })),
    },
    {
      type: 'choice' as const,
      name: 'node',
      label: 'Move it to node',
      when: { field: 'action', oneOf: ['move'] },
      options: layout.nodes.map((n) => ({ value: n.name, label: n.name })),
    },
    { type: 'integer' as const, name: 'replicas', label: 'Replicas', min: 1, max: 12, when: { field: 'action', oneOf: ['replicas'] } },
  ];
  const failing = goalMet(answer, goal).failing;
  return {
    title: 'Fix it with one change',
    prompt: `${describeSetup(layout)} The team wants this: ${GOAL_TEXT[goal]}. Today that does not hold. Make exactly one change that achieves it; the engine will run your change.`,
    scenario,
    response: { fields },
    key: {
      // The action field's expected value is the witness's; any change that reaches the goal scores 1.
      fields: [action.key],
      steps: [`Today: ${failing.length} requirement${failing.length === 1 ? '' : 's'} fail${failing.length === 1 ? 's' : ''} (${failing.join(', ')}).`, ...stepsOf(lbFlows(answer)).slice(0, 10)],
      explanation: `One change that works: ${describeChange(witness)}.`,
      fixIt: { goal, witness, counterexample },
    },
  };
}


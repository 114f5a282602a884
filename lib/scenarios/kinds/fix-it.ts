/**
 * Kind 9 — fix-it: change one thing (policy, a Pod's node, replicas, spread) to reach a goal. The key is the
 * goal and the judgement of a change, `judge(scenario, goal, change)` (fix-it.ts): the engine runs the changed
 * cluster. `keyOf(scenario, {goal, change})` states that judgement as a field ("yes" / "no").
 *
 * Some goals cannot be reached by flipping the policy, so a placement, replica or spread change is the only
 * kind of fix (issue 12 item 12): the Pods must see the client IP (so Local) while the load must be even per Pod,
 * or while the balancer still sends to every node (it has not noticed the failing checks) so that every node
 * needs a ready Pod of its own. The witness is the first change that works in a seeded order of candidates.
 */
import type { Answer, ScenarioInput } from '@/lib/engine';
import { runEngine } from '../engine-run';
import { applyChange, clusterSteps, describeChange, GOAL_TEXT, goalMet, judge, notMet, reaches } from '../fix-it';
import { buildLayout, describeSetup, toScenarioInput, type Layout } from '../layout';
import type { Rng } from '../random';
import type { Change, Difficulty, FixGoal } from '../types';
import { choiceField } from './choice-field';
import type { Draft } from './draft';
import { dataPlaneSentence } from './stated';

export interface FixItAsk {
  goal: FixGoal;
  change: Change;
}

/** The answer key of one judgement: does `ask.change` reach `ask.goal`? */
export function keyOf(scenario: ScenarioInput, ask: FixItAsk): Record<string, string> {
  return { reaches: judge(scenario, ask.goal, ask.change) ? 'yes' : 'no' };
}

function setupFor(rng: Rng, difficulty: Difficulty): { layout: Layout; goal: FixGoal } {
  const goal = rng.pick<FixGoal>(
    difficulty === 'expert'
      ? ['client-ip-no-drops', 'even-pod-load', 'no-drops', 'no-cross-node', 'client-ip-even-load']
      : ['client-ip-no-drops', 'even-pod-load', 'no-cross-node', 'client-ip-even-load'],
  );
  if (goal === 'client-ip-no-drops' && rng.chance(0.5)) {
    // Local already keeps the client IP, but the balancer still sends to a node without a Pod: flipping to
    // Cluster would lose the client IP, so a Pod has to get onto that node.
    const layout = buildLayout(rng, difficulty, { policy: 'Local', emptyNode: true });
    layout.balancing = 'all-nodes';
    return { layout, goal };
  }
  const policy = goal === 'even-pod-load' || goal === 'no-drops' || goal === 'client-ip-even-load' ? 'Local' : 'Cluster';
  // Uneven goals need at least two nodes with Pods: an empty node only where the goal is about drops.
  const layout = buildLayout(rng, difficulty, { policy, emptyNode: goal === 'no-drops' || (goal === 'client-ip-no-drops' && rng.chance(0.5)) });
  if (goal === 'no-drops') layout.balancing = 'all-nodes';
  if (goal === 'client-ip-even-load' && layout.balancing === 'weighted') layout.balancing = 'healthy-nodes';
  return { layout, goal };
}

function podCounts(layout: Layout): Map<string, number> {
  const counts = new Map(layout.nodes.map((n) => [n.name, 0]));
  for (const p of layout.pods) counts.set(p.node, (counts.get(p.node) ?? 0) + 1);
  return counts;
}

/**
 * Changes to try, in a seeded order: the policy flip, spreading, a few replica counts, moves from the most
 * crowded node to the emptiest one, and a few random moves. The search stops at the first that works.
 */
function candidates(rng: Rng, layout: Layout): Change[] {
  const counts = [...podCounts(layout).entries()].sort((a, b) => a[1] - b[1]);
  const emptiest = counts[0]?.[0];
  const crowded = counts[counts.length - 1]?.[0];
  const n = layout.pods.length;
  const replicaCounts = [...new Set([layout.nodes.length, layout.nodes.length * 2, n - 1, n + 1, n - 2, n + 2])].filter(
    (r) => r >= 1 && r <= 12 && r !== n,
  );
  const moves: Change[] = [];
  for (const pod of layout.pods.filter((p) => p.node === crowded).slice(0, 2)) if (emptiest && emptiest !== crowded) moves.push({ action: 'move', pod: pod.name, node: emptiest });
  for (const pod of rng.sample(layout.pods, 2))
    for (const node of rng.sample(layout.nodes, 2)) if (node.name !== pod.node) moves.push({ action: 'move', pod: pod.name, node: node.name });
  // At most ten engine runs per draw: a draw with no witness among them is redrawn.
  const groups: Change[][] = [
    [{ action: 'policy', policy: layout.policy === 'Cluster' ? 'Local' : 'Cluster' }],
    [{ action: 'spread' }],
    rng.shuffle(replicaCounts.map((r): Change => ({ action: 'replicas', replicas: r }))).slice(0, 3),
    moves.slice(0, 5),
  ];
  return rng.shuffle(groups).flat();
}

export function generateFixIt(rng: Rng, difficulty: Difficulty): Draft | null {
  const { layout, goal } = setupFor(rng, difficulty);
  const scenario = toScenarioInput(layout);
  const answer = runEngine(scenario);
  if (goalMet(answer, goal).score === 1) return null; // already fine: not a question
  // One engine run per distinct change: the witness search, the flip and the explanation share them.
  const runs = new Map<string, Answer>();
  const after = (c: Change): Answer => {
    const k = JSON.stringify(c);
    let a = runs.get(k);
    if (!a) runs.set(k, (a = runEngine(applyChange(scenario, c))));
    return a;
  };
  const flip: Change = { action: 'policy', policy: layout.policy === 'Cluster' ? 'Local' : 'Cluster' };
  const flipWorks = reaches(after(flip), goal);
  const witness = candidates(rng, layout).find((c) => reaches(after(c), goal)) ?? null;
  if (!witness) return null;
  // The counterexample (self-test): the policy flip when it does not help, else leaving the policy as it is.
  const counterexample: Change = flipWorks ? { action: 'policy', policy: layout.policy } : flip;
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
  const flipText =
    witness.action === 'policy'
      ? ''
      : flipWorks
        ? ` Setting externalTrafficPolicy: ${flip.policy} would work too.`
        : ` Setting externalTrafficPolicy: ${flip.policy} would not: ${notMet(after(flip), goal).join(' ')}`;
  return {
    title: 'Fix it with one change',
    prompt: `${describeSetup(layout)}${dataPlaneSentence(layout)} The team wants this: ${GOAL_TEXT[goal]}. Today that does not hold. Make exactly one change that achieves it; the engine will run your change.`,
    scenario,
    response: { fields },
    key: {
      // The action field's expected value is the witness's; any change that reaches the goal scores 1.
      fields: [action.key],
      steps: [
        ...notMet(answer, goal).map((s) => `Today: ${s}`),
        `After "${describeChange(witness)}" every requirement is met:`,
        ...clusterSteps(after(witness), goal, 10),
      ],
      explanation: `Today: ${notMet(answer, goal).join(' ')} One change that works: ${describeChange(witness)}.${flipText}`,
      fixIt: { goal, witness, counterexample },
    },
  };
}

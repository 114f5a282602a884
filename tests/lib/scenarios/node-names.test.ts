import { generateQuestion, generateSession, QUESTION_KINDS, type Difficulty, type QuestionKind } from '@/lib/scenarios';
import { buildLayout } from '@/lib/scenarios/layout';
import { Rng } from '@/lib/scenarios/random';

/**
 * GKE-style node names end in a random 4-character suffix (36^4 ≈ 1.7M values). Before the fix two nodes
 * of one cluster could draw the same suffix (about one generated question in a million), and the engine's
 * reader rejected the scenario ("duplicate node name"), which a per-student drill turned into an HTTP 500.
 * These seeds, in the drill's real format `${drill.seed}:${attemptId}`, all drew such a collision.
 */
const ALL_KINDS: QuestionKind[] = [...QUESTION_KINDS];

const SESSIONS: { name: string; seed: string; kinds: QuestionKind[]; difficulty: Difficulty; count: number }[] = [
  {
    name: 'standard, five kinds: question 48 (health-check) collided at nodes[0]/nodes[2]',
    seed: 'A6nlgFRXDOO308rO:281c901e-1bf1-4bd9-a198-cf92eaec6f35',
    kinds: ['source-ip', 'health-check', 'client-outcome', 'api-validation', 'fix-it'],
    difficulty: 'standard',
    count: 50,
  },
  {
    name: 'standard, all kinds: question 25 (health-check) collided at nodes[3]/nodes[4]',
    seed: 'tUGoB-Aluxn9ZV5U:ca56f2a1-00a3-46ed-a24e-8659c022b6d3',
    kinds: ALL_KINDS,
    difficulty: 'standard',
    count: 50,
  },
];

function duplicates(names: string[]): string[] {
  return names.filter((n, i) => names.indexOf(n) !== i);
}

describe('generated clusters never repeat a node name', () => {
  it.each(SESSIONS)('a drill session generates and every scenario has distinct node names ($name)', (o) => {
    const questions = generateSession({ seed: o.seed, kinds: o.kinds, difficulty: o.difficulty, count: o.count });
    expect(questions).toHaveLength(o.count);
    for (const q of questions) expect(duplicates(q.scenario.cluster.nodes.map((n) => n.name))).toEqual([]);
  });

  it.each([
    { kind: 'health-check' as const, seed: 'A6nlgFRXDOO308rO:281c901e-1bf1-4bd9-a198-cf92eaec6f35-48' },
    { kind: 'health-check' as const, seed: 'tUGoB-Aluxn9ZV5U:ca56f2a1-00a3-46ed-a24e-8659c022b6d3-25' },
  ])('the colliding $kind question itself generates with distinct GKE node names ($seed)', ({ kind, seed }) => {
    const q = generateQuestion({ kind, difficulty: 'standard', seed });
    const names = q.scenario.cluster.nodes.map((n) => n.name);
    expect(names.every((n) => n.startsWith('gke-prod-'))).toBe(true);
    expect(duplicates(names)).toEqual([]);
  });

  it.each([
    { seed: 'layout-379550', difficulty: 'expert' as const },
    { seed: 'layout-724963', difficulty: 'standard' as const },
    { seed: 'layout-1115177', difficulty: 'expert' as const },
  ])('buildLayout gives distinct node names where the GKE suffix draw repeats ($seed, $difficulty)', ({ seed, difficulty }) => {
    const layout = buildLayout(new Rng(seed), difficulty);
    expect(layout.naming.style).toBe('gke');
    expect(duplicates(layout.nodes.map((n) => n.name))).toEqual([]);
  });
});

/** The "correct flows" figure's change (issue 20): policy-choice draws the correct policy; the grade carries it. */
import { gradeAnswer, correctAnswer } from '@/lib/grading';
import { answerFigureChange, DIFFICULTIES, generateQuestion } from '@/lib/scenarios';

describe('answerFigureChange', () => {
  it('policy-choice: the correct policy when it is Cluster or Local, none for either/neither; in every graded result', () => {
    const seen = new Set<string>();
    for (const difficulty of DIFFICULTIES)
      for (let i = 0; i < 40; i++) {
        const q = generateQuestion({ kind: 'policy-choice', difficulty, seed: `figure-${i}` });
        const key = q.key.fields[0]?.expected ?? '';
        seen.add(key);
        const want = key === 'Cluster' || key === 'Local' ? { action: 'policy', policy: key } : null;
        expect(answerFigureChange(q)).toEqual(want);
        const r = gradeAnswer(q, correctAnswer(q));
        expect(r.status === 'graded' ? (r.figure ?? null) : 'invalid').toEqual(want);
      }
    expect(seen).toEqual(new Set(['Cluster', 'Local', 'either', 'neither']));
  });

  it.each(['load-share', 'cross-node', 'fix-it'] as const)('%s: the question\'s own cluster', (kind) => {
    const q = generateQuestion({ kind, difficulty: 'standard', seed: 'figure' });
    expect(answerFigureChange(q)).toBeNull();
  });
});

/**
 * The PrairieLearn-style self-test: for SELF_TEST_SEEDS seeds per kind (difficulty rotating), the
 * correct answer scores 1, a wrong one less, garbage is invalid, and every multiple-choice field has
 * exactly one correct option. The default suite runs 150 seeds per kind to stay fast; the full
 * 10,000 seeds per kind run in `npm run bench` (tests/bench/practice.bench.ts), or here with
 * SELF_TEST_SEEDS=10000.
 */
import { DIFFICULTIES, generateQuestion, QUESTION_KINDS, type Question } from '@/lib/scenarios';
import { correctAnswer, gradeAnswer, invalidAnswer, wrongAnswer } from '@/lib/grading';

const SEEDS = Number(process.env.SELF_TEST_SEEDS ?? 150);

function questions(kind: (typeof QUESTION_KINDS)[number]): Question[] {
  return Array.from({ length: SEEDS }, (_, i) =>
    generateQuestion({ kind, difficulty: DIFFICULTIES[i % DIFFICULTIES.length] ?? 'intro', seed: `self-test-${i}` }),
  );
}

describe.each(QUESTION_KINDS)('self-test of %s questions', (kind) => {
  const qs = questions(kind);

  it(`scores the key's own answer 1 on ${SEEDS} seeds`, () => {
    const failures = qs.filter((q) => {
      const r = gradeAnswer(q, correctAnswer(q));
      return r.status !== 'graded' || r.score !== 1;
    });
    expect(failures.map((q) => q.id)).toEqual([]);
  });

  it('scores a wrong answer below 1', () => {
    const failures = qs.filter((q) => {
      const r = gradeAnswer(q, wrongAnswer(q));
      return r.status !== 'graded' || r.score >= 1;
    });
    expect(failures.map((q) => q.id)).toEqual([]);
  });

  it('answers garbage with "invalid" and a problem on a field of the question, never a score', () => {
    const failures = qs.filter((q) => {
      const r = gradeAnswer(q, invalidAnswer(q));
      const names = new Set(q.response.fields.map((f) => f.name));
      return r.status !== 'invalid' || r.problems.length === 0 || r.problems.some((p) => !names.has(p.field) || p.message.length === 0);
    });
    expect(failures.map((q) => q.id)).toEqual([]);
  });

  it('gives every multiple-choice field exactly one correct option', () => {
    const failures: string[] = [];
    for (const q of qs) {
      if (q.key.fixIt) continue; // fix-it is graded by running the engine on the change, not by a key
      const base = correctAnswer(q);
      for (const field of q.response.fields) {
        if (field.type !== 'choice') continue;
        const correct = field.options.filter((o) => {
          const r = gradeAnswer(q, { ...base, [field.name]: o.value });
          return r.status === 'graded' && r.parts.find((p) => p.field === field.label)?.score === 1;
        });
        if (correct.length !== 1) failures.push(`${q.id} ${field.name}: ${correct.length} correct`);
        if (new Set(field.options.map((o) => o.label)).size !== field.options.length) failures.push(`${q.id} ${field.name}: duplicate labels`);
      }
    }
    expect(failures).toEqual([]);
  });
});

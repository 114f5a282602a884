'use client';
/**
 * The interviewer's twist: a freshly generated scenario question (new seed every time) on the card's
 * idea, answered in <QuestionView> and graded by the engine. The grade also reviews the concepts the
 * question tests (rated from the score, not by the learner), so the twist feeds spaced review.
 */
import { useEffect, useRef, useState } from 'react';
import type { Question, RawAnswer } from '@/lib/scenarios';
import type { GradeResult } from '@/lib/grading';
import { ratingFromScore, recordReview } from '@/lib/review';
import type { CardTwist } from '@/lib/interview';
import { today, updateLearner } from '@/app/_components/learner/learner-store';
import { randomSeed } from '@/lib/scenarios/random';

/**
 * What a twist needs — the generators, the grader (both with the engine) and the question view — loaded when the
 * learner takes one, not with the card (issue 18: the card's first screen needs none of it).
 */
async function loadTwistKit() {
  const [{ generateQuestion, toPublicQuestion }, { gradeAnswer }, { QuestionView }] = await Promise.all([
    import('@/lib/scenarios'),
    import('@/lib/grading'),
    import('@/app/_components/question'),
  ]);
  return { generateQuestion, toPublicQuestion, gradeAnswer, QuestionView };
}
type TwistKit = Awaited<ReturnType<typeof loadTwistKit>>;

export function InterviewerTwist({ twist, cardConcepts }: { twist: CardTwist; cardConcepts: readonly string[] }) {
  const [kit, setKit] = useState<TwistKit | null>(null);
  const [question, setQuestion] = useState<Question | null>(null);
  const [result, setResult] = useState<GradeResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Each new question takes focus once it is on the page (its code loads on demand: a frame may be too early).
  useEffect(() => {
    if (question) headingRef.current?.focus();
  }, [question]);

  const ask = async () => {
    try {
      const k = kit ?? (await loadTwistKit());
      const q = k.generateQuestion({ kind: twist.kind, difficulty: twist.difficulty, seed: randomSeed() });
      setKit(k);
      setQuestion(q);
      setResult(null);
      setError(null);
    } catch (e) {
      setError(`Could not generate a question: ${(e as Error).message}`);
    }
  };

  const submit = (raw: RawAnswer) => {
    if (!question || !kit) return;
    const graded = kit.gradeAnswer(question, raw);
    setResult(graded);
    if (graded.status !== 'graded') return;
    const now = new Date();
    const linked = question.concepts.filter((c) => cardConcepts.includes(c));
    const concepts = linked.length ? linked : question.concepts.slice(0, 1);
    updateLearner((d) =>
      concepts.reduce(
        (acc, id) =>
          recordReview(acc, {
            type: 'concept',
            id,
            rating: ratingFromScore(graded.score),
            now,
            day: today(now),
            score: graded.score,
            seed: question.spec.seed,
            kind: question.spec.kind,
          }),
        d,
      ),
      now,
    );
  };

  return (
    <section aria-labelledby="twist-heading" className="mt-8 rounded border border-border p-4">
      <h2 id="twist-heading" ref={headingRef} tabIndex={-1} className="text-xl font-semibold">
        Interviewer twist
      </h2>
      <p className="mt-2 italic">“{twist.lead}”</p>
      {error ? (
        <p role="alert" className="mt-2 text-bad">
          {error}
        </p>
      ) : null}
      {question && kit ? (
        <div className="mt-4">
          <kit.QuestionView
            question={kit.toPublicQuestion(question)}
            onSubmit={submit}
            result={result}
            onNext={() => void ask()}
            nextLabel="Another twist (new cluster)"
          />
        </div>
      ) : (
        <button type="button" onClick={() => void ask()} className="mt-3 rounded bg-accent px-4 py-2 font-semibold text-accent-fg">
          Take the twist
        </button>
      )}
    </section>
  );
}

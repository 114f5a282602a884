'use client';
/**
 * A practice session in the browser: generates the questions from the URL's seed and settings, grades
 * each answer locally, records progress, and ends with a summary by kind and "retry the missed ones".
 */
import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useRef, useState } from 'react';
import { QuestionView } from '@/app/_components/question';
import { storeAttempt, storeSession } from '@/app/progress/progress-store';
import { gradeAnswer, type GradeResult } from '@/lib/grading';
import { generateQuestion, sessionSpecs, toPublicQuestion, type RawAnswer } from '@/lib/scenarios';
import { randomSeed, settingsQuery, type PracticeSettings } from './settings';
import { SessionSummary, type AnsweredQuestion } from './session-summary';
import { formatDuration, SessionTimer } from './session-timer';

export function PracticeSession({ settings }: { settings: PracticeSettings }) {
  const router = useRouter();
  // Specs are cheap; each question is generated when it is reached (a few ms), not all up front.
  const specs = useMemo(
    () => sessionSpecs({ seed: settings.seed, kinds: settings.kinds, difficulty: settings.difficulty, count: settings.count }),
    [settings.seed, settings.kinds, settings.difficulty, settings.count],
  );
  const [index, setIndex] = useState(0);
  const [result, setResult] = useState<GradeResult | null>(null);
  const [answered, setAnswered] = useState<AnsweredQuestion[]>([]);
  const [finishedAt, setFinishedAt] = useState<number | null>(null);
  const [totalMs, setTotalMs] = useState(0);
  const startedAt = useRef<number>(0);
  const questionStartedAt = useRef<number>(0);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // A new session (new URL) starts over.
  const sessionKey = settingsQuery(settings);
  const [currentKey, setCurrentKey] = useState(sessionKey);
  if (currentKey !== sessionKey) {
    setCurrentKey(sessionKey);
    setIndex(0);
    setResult(null);
    setAnswered([]);
    setFinishedAt(null);
  }
  useEffect(() => {
    startedAt.current = Date.now();
    questionStartedAt.current = Date.now();
  }, [sessionKey]);

  const spec = specs[index];
  const question = useMemo(() => (spec ? generateQuestion(spec) : undefined), [spec]);
  const done = finishedAt !== null;

  const onSubmit = (raw: RawAnswer) => {
    if (!question) return;
    const r = gradeAnswer(question, raw);
    setResult(r);
    if (r.status !== 'graded') return; // invalid: costs nothing, no record
    const ms = Date.now() - questionStartedAt.current;
    setAnswered((a) => [...a, { question: toPublicQuestion(question), result: r, ms }]);
    storeAttempt({
      questionId: question.id,
      kind: question.spec.kind,
      difficulty: question.spec.difficulty,
      seed: question.spec.seed,
      score: r.score,
      at: new Date().toISOString(),
      ms,
      concepts: question.concepts,
      misconception: r.misconception?.id ?? null,
    });
  };

  const onNext = () => {
    if (index + 1 < specs.length) {
      setIndex(index + 1);
      setResult(null);
      questionStartedAt.current = Date.now();
      return;
    }
    const end = Date.now();
    setFinishedAt(end);
    setTotalMs(end - startedAt.current);
    storeSession({
      seed: settings.seed,
      difficulty: settings.difficulty,
      kinds: settings.kinds,
      count: specs.length,
      score: answered.reduce((s, a) => s + a.result.score, 0),
      at: new Date(end).toISOString(),
      ms: end - startedAt.current,
    });
  };

  useEffect(() => {
    if (done) headingRef.current?.focus();
  }, [done]);

  const retryMissed = () => {
    const missed = answered.filter((a) => a.result.score < 1).map((a) => a.question.spec.kind);
    if (missed.length === 0) return;
    router.push(`/practice?${settingsQuery({ ...settings, seed: randomSeed(), kinds: missed, count: missed.length })}`);
  };

  const completed = done ? specs.length : index + (result?.status === 'graded' ? 1 : 0);
  return (
    <section aria-label="Practice session" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
        <div className="min-w-48 flex-1">
          <label htmlFor="session-progress" className="block text-muted">
            {completed} of {specs.length} answered
          </label>
          <progress id="session-progress" max={specs.length} value={completed} className="h-2 w-full accent-[var(--accent)]" />
        </div>
        {settings.timer && <SessionTimer key={sessionKey} stopped={done} />}
        <p className="text-muted">
          Seed <code>{settings.seed}</code> · {settings.difficulty}
        </p>
      </div>
      {done ? (
        <SessionSummary
          headingRef={headingRef}
          answered={answered}
          totalMs={totalMs}
          onRetry={retryMissed}
          shareUrl={`/practice?${sessionKey}`}
          formatDuration={formatDuration}
        />
      ) : question ? (
        <QuestionView
          question={toPublicQuestion(question)}
          onSubmit={onSubmit}
          result={result}
          onNext={onNext}
          nextLabel={index + 1 < specs.length ? 'Next question' : 'See the summary'}
          position={`Question ${index + 1} of ${specs.length}`}
        />
      ) : null}
    </section>
  );
}

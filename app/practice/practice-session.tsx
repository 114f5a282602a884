'use client';
/**
 * A practice session in the browser: generates the questions from the URL's seed and settings (or the exact
 * questions a retry names), grades each answer locally, records it in the learner record (which also schedules
 * its concepts for spaced review), and ends with a summary by kind.
 * Where the learner stands is kept per tab (session-store.ts): a reload resumes at the same question.
 * One clock (`startedAt`, `finishedAt`) feeds both the timer and the summary, so they always agree.
 */
import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useRef, useState } from 'react';
import { QuestionView } from '@/app/_components/question';
import { today, updateLearner } from '@/app/_components/learner/learner-store';
import { recordAnswer, recordSession } from '@/lib/learner';
import { gradeAnswer } from '@/lib/grading';
import { generateQuestion, sessionSpecs, toPublicQuestion, type QuestionSpec, type RawAnswer } from '@/lib/scenarios';
import { randomSeed } from '@/lib/scenarios/random';
import { settingsQuery, type PracticeSettings } from './settings';
import { SessionSummary, type AnsweredQuestion } from './session-summary';
import { formatDuration, SessionTimer } from './session-timer';
import { clearSessionProgress, loadSessionProgress, saveSessionProgress, type SessionProgress } from './session-store';

const fresh = (now: number): SessionProgress => ({ index: 0, result: null, answered: [], startedAt: now, questionStartedAt: now, finishedAt: null });

export function PracticeSession({ settings }: { settings: PracticeSettings }) {
  const router = useRouter();
  const sessionKey = settingsQuery(settings);
  // Specs are cheap; each question is generated when it is reached (a few ms), not all up front.
  const specs: QuestionSpec[] = useMemo(
    () =>
      settings.questions ??
      sessionSpecs({ seed: settings.seed, kinds: settings.kinds, difficulty: settings.difficulty, count: settings.count }),
    // sessionKey stands for every setting that shapes the questions.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [sessionKey],
  );
  // Rendered in the browser only (/practice reads its URL there), so this tab's stored progress is read at
  // once: a reload shows the question the learner was on, never question 1 first. Otherwise the clock starts now.
  // The caller keys the session by its URL, so other settings mount a new session.
  const [progress, setProgress] = useState<SessionProgress>(() => {
    const stored = loadSessionProgress(sessionKey);
    return stored && stored.index < specs.length ? stored : fresh(Date.now());
  });
  const headingRef = useRef<HTMLHeadingElement>(null);

  const update = (next: SessionProgress) => {
    setProgress(next);
    saveSessionProgress(sessionKey, next);
  };

  const { index, result, finishedAt } = progress;
  const spec = specs[index];
  const question = useMemo(() => (spec ? generateQuestion(spec) : undefined), [spec]);
  const publicQuestion = useMemo(() => (question ? toPublicQuestion(question) : undefined), [question]);
  const done = finishedAt !== null;
  // The summary's questions, regenerated only once it is shown: not on every answer (each is a generation).
  const answered: AnsweredQuestion[] = useMemo(
    () => (done ? progress.answered.map((a) => ({ question: toPublicQuestion(generateQuestion(a.spec)), result: a.result, ms: a.ms })) : []),
    [done, progress.answered],
  );

  const onSubmit = (raw: RawAnswer) => {
    if (!question) return;
    const r = gradeAnswer(question, raw);
    if (r.status !== 'graded') {
      setProgress({ ...progress, result: r }); // invalid: costs nothing, no record
      return;
    }
    const now = Date.now();
    const ms = now - progress.questionStartedAt;
    update({ ...progress, result: r, answered: [...progress.answered, { spec: question.spec, result: r, ms }] });
    // Kept as an attempt, and rates each concept it tests in spaced review (a miss brings it back soon).
    const attempt = {
      questionId: question.id,
      kind: question.spec.kind,
      difficulty: question.spec.difficulty,
      seed: question.spec.seed,
      score: r.score,
      at: new Date(now).toISOString(),
      ms,
      concepts: question.concepts,
      misconception: r.misconception?.id ?? null,
      source: 'practice' as const,
    };
    updateLearner((record) => recordAnswer(record, attempt, today(new Date(now))), new Date(now));
  };

  const onNext = () => {
    const now = Date.now();
    if (index + 1 < specs.length) {
      update({ ...progress, index: index + 1, result: null, questionStartedAt: now });
      return;
    }
    update({ ...progress, finishedAt: now });
    const session = {
      seed: settings.seed,
      difficulty: settings.difficulty,
      kinds: settings.kinds,
      count: specs.length,
      score: progress.answered.reduce((s, a) => s + a.result.score, 0),
      at: new Date(now).toISOString(),
      ms: now - progress.startedAt,
    };
    updateLearner((record) => recordSession(record, session), new Date(now));
  };

  useEffect(() => {
    if (done) headingRef.current?.focus();
  }, [done]);

  const missedSpecs = progress.answered.filter((a) => a.result.score < 1).map((a) => a.spec);
  /** The same questions again (a `q` list), or new ones of the same kinds (a fresh seed). */
  const retryMissed = (mode: 'same' | 'new') => {
    if (missedSpecs.length === 0) return;
    const seed = randomSeed();
    const kinds = missedSpecs.map((s) => s.kind);
    const next: PracticeSettings =
      mode === 'same'
        ? { ...settings, seed, kinds, count: kinds.length, questions: missedSpecs }
        : { seed, difficulty: settings.difficulty, kinds, count: kinds.length, timer: settings.timer };
    router.push(`/practice?${settingsQuery(next)}`);
  };

  /** Starts this session's questions again from the first, with a new clock. */
  const repeat = () => {
    clearSessionProgress(sessionKey);
    update(fresh(Date.now()));
    // Focus (and so scroll to) the first question's first input once it is back.
    requestAnimationFrame(() => document.querySelector<HTMLElement>('form[aria-label="Your answer"] input')?.focus());
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
        {settings.timer && <SessionTimer startedAt={progress.startedAt} stoppedAt={finishedAt} />}
        <p className="text-muted">
          Seed <code>{settings.seed}</code> · {settings.difficulty}
        </p>
      </div>
      {done ? (
        <SessionSummary
          headingRef={headingRef}
          answered={answered}
          totalMs={finishedAt - progress.startedAt}
          onRetry={() => retryMissed('same')}
          onRetryNew={() => retryMissed('new')}
          onRepeat={repeat}
          shareUrl={`/practice?${sessionKey}`}
          formatDuration={formatDuration}
        />
      ) : publicQuestion ? (
        <QuestionView
          question={publicQuestion}
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

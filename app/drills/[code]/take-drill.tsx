'use client';

import dynamic from 'next/dynamic';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { recordDrillAnswer, type DrillAttemptRef } from '@/lib/learner';
import { today, updateLearner, useLearner } from '@/app/_components/learner/learner-store';
import type { AttemptView, GradedResult, StoredAnswerView } from '@/lib/drills/attempts';
import type { InvalidResult } from '@/lib/grading';
import { problemsFromIssues } from '@/lib/grading/parse';
import type { RawAnswer } from '@/lib/scenarios/types';
import { scoreLabel } from '@/app/_components/question/grade-feedback';
import { ApiFailure, callApi, failureText, issuesByField } from '../_components/api-client';
import { FieldError } from '../_components/field-error';

type Stored = DrillAttemptRef;

/**
 * The question form with its diagram (the engine, run in the browser to draw it) is its own chunk: the page
 * shows the join form first and questions only after joining, so its first load carries none of it (issue 18).
 */
const QuestionView = dynamic(() => import('@/app/_components/question/question-view').then((m) => m.QuestionView), {
  loading: () => (
    <p role="status" className="text-muted">
      Loading the question…
    </p>
  ),
});

/** The attempt this browser is taking, kept in the learner record (one key family for all learner data). */
function writeStored(code: string, value: Stored | null) {
  updateLearner((r) => {
    const { [code]: _previous, ...rest } = r.drills;
    return { ...r, drills: value ? { ...rest, [code]: value } : rest };
  });
}

interface AnswerReply {
  questionId: string;
  answer: RawAnswer;
  stored: true;
  revealed: boolean;
  result?: GradedResult;
}

/**
 * The student's side: join with a name, answer each question (graded on the server), submit.
 * The attempt id and token live in the learner record (localStorage), so a reload resumes the same attempt.
 */
export function TakeDrill({ code, open }: { code: string; open: boolean }) {
  // null on the server and while hydrating.
  const learner = useLearner();
  const stored = learner?.drills[code] ?? null;
  const [view, setView] = useState<AttemptView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!stored || view?.attemptId === stored.attemptId) return;
    let cancelled = false;
    callApi<AttemptView>(`/api/attempts/${stored.attemptId}`, { token: stored.token }).then(
      (v) => {
        if (!cancelled) setView(v);
      },
      (e: unknown) => {
        if (cancelled) return;
        if (e instanceof ApiFailure && (e.status === 403 || e.status === 404)) writeStored(code, null);
        else setError(e instanceof Error ? e.message : 'Could not load your attempt');
      },
    );
    return () => {
      cancelled = true;
    };
  }, [code, stored, view?.attemptId]);

  if (learner === null) return <p className="text-muted">Loading…</p>;
  if (!stored) {
    if (!open) return null;
    return (
      <JoinForm
        code={code}
        onJoined={(s, v) => {
          setView(v);
          writeStored(code, s);
        }}
      />
    );
  }
  if (!view || view.attemptId !== stored.attemptId) return <p className="text-muted">{error ?? 'Loading your attempt…'}</p>;
  return (
    <Attempt
      key={view.attemptId}
      stored={stored}
      view={view}
      onView={setView}
      onRetake={(s, v) => {
        setView(v);
        writeStored(code, s);
      }}
    />
  );
}

interface Started {
  attemptId: string;
  attemptToken: string;
  attempt: AttemptView;
}

function JoinForm({ code, onJoined }: { code: string; onJoined: (s: Stored, v: AttemptView) => void }) {
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = new FormData(event.currentTarget).get('name');
    setBusy(true);
    try {
      const r = await callApi<Started>(`/api/drills/${code}/attempts`, {
        method: 'POST',
        body: { name },
      });
      onJoined({ attemptId: r.attemptId, token: r.attemptToken }, r.attempt);
    } catch (e) {
      if (!(e instanceof ApiFailure)) throw e;
      setErrors(issuesByField(e.issues));
      setMessage(e.message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-md space-y-3 rounded-lg border border-border bg-surface p-4">
      <label htmlFor="name" className="block font-medium">Your name</label>
      <input
        id="name"
        name="name"
        required
        maxLength={60}
        autoComplete="name"
        aria-invalid={errors.name ? true : undefined}
        aria-describedby={errors.name ? 'name-error name-hint' : 'name-hint'}
        className="w-full rounded border border-border bg-bg px-3 py-2"
      />
      <p id="name-hint" className="text-sm text-muted">Shown to your instructor in the gradebook.</p>
      <FieldError id="name-error" messages={errors.name} />
      {message && !errors.name && <p role="alert" className="text-sm text-bad">{message}</p>}
      <button type="submit" disabled={busy} className="rounded bg-accent px-4 py-2 font-medium text-accent-fg disabled:opacity-60">
        {busy ? 'Starting…' : 'Start the drill'}
      </button>
    </form>
  );
}

/** Seconds until the deadline, ticking each second; calls onExpire once the clock reaches it. */
function useSecondsLeft(deadline: string | null, stopped: boolean, onExpire: () => void): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!deadline || stopped) return;
    const end = Date.parse(deadline);
    const t = setInterval(() => {
      const n = Date.now();
      setNow(n);
      if (n >= end) {
        clearInterval(t);
        onExpire();
      }
    }, 1000);
    return () => clearInterval(t);
  }, [deadline, stopped, onExpire]);
  if (!deadline) return null;
  return Math.max(0, Math.ceil((Date.parse(deadline) - now) / 1000));
}

function Attempt({
  stored,
  view,
  onView,
  onRetake,
}: {
  stored: Stored;
  view: AttemptView;
  onView: (v: AttemptView) => void;
  onRetake: (s: Stored, v: AttemptView) => void;
}) {
  const [index, setIndex] = useState(() => {
    const firstOpen = view.questions.findIndex((q) => !view.answers.some((a) => a.questionId === q.id));
    return firstOpen < 0 ? 0 : firstOpen;
  });
  const [announce, setAnnounce] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [invalid, setInvalid] = useState<{ questionId: string; result: InvalidResult } | null>(null);
  // Only a refused retake is shown once the attempt is over (an earlier answer refusal is not: the summary says it).
  const [retakeError, setRetakeError] = useState<string | null>(null);
  const question = view.questions[index];
  const answers = new Map<string, StoredAnswerView>(view.answers.map((a) => [a.questionId, a]));
  const current = question ? answers.get(question.id) : undefined;

  // The attempt as last known here, answers whose reply has just arrived included (a render may not have run
  // yet), and the answers still on their way: a reply builds on the latest view, not the one its form was
  // rendered with, and submitting waits for them (else the server could finish the attempt first and refuse an
  // answer the student had sent, and the count of unanswered questions would miss it).
  const latest = useRef(view);
  useLayoutEffect(() => {
    latest.current = view;
  }, [view]);
  const inFlight = useRef(new Set<Promise<void>>());
  const answersSaved = useCallback(() => Promise.allSettled([...inFlight.current]), []);
  const submitting = useRef(false);

  const submitAttempt = useCallback(async () => {
    try {
      onView(await callApi<AttemptView>(`/api/attempts/${stored.attemptId}/submit`, { method: 'POST', token: stored.token }));
      setAnnounce('Your attempt is submitted.');
    } catch (e) {
      setError(e instanceof ApiFailure ? e.message : 'Could not submit');
    }
  }, [onView, stored]);

  // The same student's next attempt: the server counts it against the attempts allowed (names do not count).
  const retake = useCallback(async () => {
    try {
      const r = await callApi<Started>(`/api/attempts/${stored.attemptId}/retake`, { method: 'POST', token: stored.token });
      onRetake({ attemptId: r.attemptId, token: r.attemptToken }, r.attempt);
    } catch (e) {
      setRetakeError(e instanceof ApiFailure ? failureText(e) : 'Could not start another attempt');
    }
  }, [onRetake, stored]);

  // The server refuses answers after the deadline anyway; submitting makes the page show the result (after the
  // answers still on their way, sent in time).
  const submitAtDeadline = useCallback(async () => {
    await answersSaved();
    await submitAttempt();
  }, [answersSaved, submitAttempt]);
  const secondsLeft = useSecondsLeft(view.deadline, view.finished, submitAtDeadline);

  function sendAnswer(raw: RawAnswer) {
    const sent = saveAnswer(raw);
    inFlight.current.add(sent);
    void sent.finally(() => inFlight.current.delete(sent));
  }

  async function saveAnswer(raw: RawAnswer) {
    if (!question) return;
    setError(null);
    setInvalid(null);
    try {
      const reply = await callApi<AnswerReply>(`/api/attempts/${stored.attemptId}/answers`, {
        method: 'POST',
        token: stored.token,
        body: { questionId: question.id, answer: raw },
      });
      const next: StoredAnswerView = { questionId: reply.questionId, answer: reply.answer, ...(reply.result ? { result: reply.result } : {}) };
      const base = latest.current;
      latest.current = { ...base, answers: [...base.answers.filter((a) => a.questionId !== reply.questionId), next] };
      onView(latest.current);
      // A revealed grade feeds spaced review: the question's concepts are rated as a practice answer would be.
      if (reply.result) {
        const at = new Date();
        const score = reply.result.score;
        updateLearner((r) => recordDrillAnswer(r, { concepts: question.concepts, score, at }, today(at)), at);
      }
      setAnnounce(reply.revealed && reply.result ? `Answer saved. Score ${Math.round(reply.result.score * 100)}%.` : `Answer to question ${index + 1} saved.`);
    } catch (e) {
      if (!(e instanceof ApiFailure)) throw e;
      const detail = failureText(e);
      // A malformed answer is shown by the question itself, each problem beside its field (and costs nothing);
      // other refusals above it.
      if (e.status === 422) {
        const onFields = problemsFromIssues(e.issues);
        setInvalid({ questionId: question.id, result: { status: 'invalid', problems: onFields.length ? onFields : [{ field: '', message: detail }] } });
      } else setError(detail);
    }
  }

  // Submitting: first the answers still on their way, then the count of those left unanswered.
  async function submitWhenSaved() {
    if (submitting.current) return;
    submitting.current = true;
    try {
      await answersSaved();
      const left = latest.current.questions.length - latest.current.answers.length;
      if (left === 0 || window.confirm(`${left} question(s) are unanswered. Submit anyway?`)) await submitAttempt();
    } finally {
      submitting.current = false;
    }
  }

  const answeredCount = view.answers.length;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3 rounded border border-border bg-surface p-3">
        <p>
          <span className="font-medium">{view.name}</span> · {answeredCount} of {view.questions.length} answered
          {view.attemptNumber > 1 && ` · attempt ${view.attemptNumber}`}
        </p>
        {secondsLeft != null && !view.finished && (
          <p role="timer" aria-live="off" className={secondsLeft < 60 ? 'font-semibold text-bad' : ''}>
            Time left: {Math.floor(secondsLeft / 60)}:{String(secondsLeft % 60).padStart(2, '0')}
          </p>
        )}
      </div>
      <p aria-live="polite" className="sr-only">{announce}</p>
      {/* A refusal belongs to the questions; once the attempt is over, the summary says what happened. */}
      {error && !view.finished && <p role="alert" className="rounded border border-bad p-3 text-bad">{error}</p>}

      {view.finished ? (
        <>
          {retakeError && <p role="alert" className="rounded border border-bad p-3 text-bad">{retakeError}</p>}
          <Summary view={view} onRetake={view.drill.phase === 'open' ? () => void retake() : undefined} />
        </>
      ) : (
        <>
          <nav aria-label="Questions">
            <ol className="flex flex-wrap gap-2">
              {view.questions.map((q, i) => (
                <li key={q.id}>
                  <button
                    type="button"
                    onClick={() => setIndex(i)}
                    aria-current={i === index ? 'step' : undefined}
                    className={`min-w-10 rounded border px-2 py-1 ${i === index ? 'border-accent bg-accent text-accent-fg' : 'border-border'}`}
                  >
                    {i + 1}
                    <span className="sr-only">{answers.has(q.id) ? ' (answered)' : ' (not answered)'}</span>
                    {answers.has(q.id) && <span aria-hidden="true"> ✓</span>}
                  </button>
                </li>
              ))}
            </ol>
          </nav>
          {question && (
            <section aria-label={`Question ${index + 1}`} className="space-y-4">
              <QuestionView
                key={question.id}
                question={question}
                onSubmit={sendAnswer}
                result={current?.result ?? (invalid?.questionId === question.id ? invalid.result : null)}
                position={`Question ${index + 1} of ${view.questions.length}`}
                // The answer the server holds (GET /api/attempts/{id} after a reload), so the form shows what was saved.
                initialAnswer={current?.answer}
              />
              {current && !current.result && (
                <p className="rounded border border-border bg-surface p-3 text-sm" data-testid="saved-answer">
                  Saved: {Object.values(current.answer).join(', ')}.
                  {view.drill.revealPolicy !== 'after-answer' && ' You may change it until you submit.'}
                </p>
              )}
              <div className="flex flex-wrap gap-2">
                <button type="button" disabled={index === 0} onClick={() => setIndex(index - 1)} className="rounded border border-border px-3 py-2 disabled:opacity-50">
                  Previous question
                </button>
                <button type="button" disabled={index >= view.questions.length - 1} onClick={() => setIndex(index + 1)} className="rounded border border-border px-3 py-2 disabled:opacity-50">
                  Next question
                </button>
              </div>
            </section>
          )}
          <div className="border-t border-border pt-4">
            <button
              type="button"
              onClick={() => void submitWhenSaved()}
              className="rounded bg-accent px-4 py-2 font-medium text-accent-fg"
            >
              Submit attempt
            </button>
          </div>
        </>
      )}
    </div>
  );
}

/** One question's result in the end-of-attempt list (the full field-by-field view is on each question). */
function ResultSummary({ result }: { result: GradedResult }) {
  const tone = result.score >= 1 ? 'text-ok' : result.score > 0 ? 'text-warn' : 'text-bad';
  return (
    <div className="space-y-1 rounded border border-border p-3">
      <p className={`font-semibold ${tone}`}>{scoreLabel(result.score)}</p>
      <p>{result.feedback}</p>
      <p>
        <span className="font-medium">Correct answer:</span> {result.expected}
      </p>
      {result.misconception && (
        <p>
          <span className="font-medium">{result.misconception.label}.</span> {result.misconception.explanation}
        </p>
      )}
    </div>
  );
}

function Summary({ view, onRetake }: { view: AttemptView; onRetake?: () => void }) {
  const answers = new Map(view.answers.map((a) => [a.questionId, a]));
  return (
    <section aria-labelledby="summary-heading" className="space-y-4">
      <h2 id="summary-heading" className="text-xl font-semibold">
        {view.submittedAt ? 'Submitted' : 'Time is up'}
      </h2>
      {view.drill.phase === 'closed' && <p data-testid="drill-closed">The drill is closed: no more answers are taken.</p>}
      {view.score != null ? (
        <p className="text-lg" data-testid="final-score">
          Your score: <strong>{Math.round(view.score * 100)}%</strong>
        </p>
      ) : (
        <p>Your answers are saved. {view.drill.revealPolicy === 'never' ? 'Scores are not shown in this drill.' : 'Results appear here when the drill closes.'}</p>
      )}
      {view.revealed && (
        <ol className="space-y-4">
          {view.questions.map((q, i) => {
            const a = answers.get(q.id);
            return (
              <li key={q.id} className="space-y-2">
                <h3 className="font-semibold">
                  {i + 1}. {q.title}
                </h3>
                {a?.result ? <ResultSummary result={a.result} /> : <p className="text-muted">Not answered.</p>}
              </li>
            );
          })}
        </ol>
      )}
      {onRetake && view.attemptNumber < view.drill.attemptsAllowed && (
        <button type="button" onClick={onRetake} className="rounded border border-border px-3 py-2">
          Start another attempt
        </button>
      )}
    </section>
  );
}

'use client';
/**
 * Timed mock interview: five cards (different topics where possible, seeded order), each with a time
 * budget. When the time is up the model answer is revealed, as an interviewer would move on. Ratings
 * schedule the cards like any other review. Ends with a summary.
 *
 * Timing is adjustable, pausable or off (WCAG 2.2.1); the remaining time is announced only at one
 * minute and at zero, so screen readers are not flooded.
 */
import Link from 'next/link';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { InterviewCard } from '@/lib/interview';
// Not the '@/lib/interview' barrel: its card schema is full zod, which this page never parses (issue 18).
import { pickMockCards } from '@/lib/interview/pick-cards';
import { RATING_LABELS } from '@/lib/review';
import { DataTable } from '@/app/_components/data-table';
import { CardNotes, ModelAnswer } from './card-notes';
import { toClientCard } from './client-card';
import { randomSeed } from '@/lib/scenarios/random';
import { RecallCard, type RecallOutcome } from './recall-card';

export const MOCK_LENGTH = 5;
const BUDGETS = [
  { value: '120', label: '2 minutes' },
  { value: '180', label: '3 minutes' },
  { value: '300', label: '5 minutes' },
  { value: '0', label: 'No time limit' },
] as const;

export type MockCard = Pick<InterviewCard, 'id' | 'topic' | 'question' | 'keyPoints' | 'concepts' | 'modelAnswer' | 'pitfalls' | 'whyAsked'> & {
  twist: InterviewCard['twist'] | null;
};

interface Result extends RecallOutcome {
  seconds: number;
  timedOut: boolean;
}

function clock(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function MockInterview({ cards, seed: fixedSeed }: { cards: MockCard[]; seed?: string }) {
  const ids = useId();
  const [budget, setBudget] = useState<string>('180');
  const [picked, setPicked] = useState<MockCard[] | null>(null);
  const [index, setIndex] = useState(0);
  const [results, setResults] = useState<Result[]>([]);
  const [elapsed, setElapsed] = useState(0);
  const [paused, setPaused] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [rated, setRated] = useState(false);
  const questionHeading = useRef<HTMLHeadingElement>(null);
  const summaryHeading = useRef<HTMLHeadingElement>(null);

  const limit = Number(budget);
  const timedOut = limit > 0 && elapsed >= limit;
  const running = picked !== null && index < picked.length && !rated && !paused && !timedOut;

  useEffect(() => {
    if (!running) return;
    const started = Date.now() - elapsed * 1000;
    const t = setInterval(() => {
      const raw = (Date.now() - started) / 1000;
      const next = limit > 0 ? Math.min(raw, limit) : raw;
      setElapsed(next);
      if (limit > 0 && next >= limit) setAnnouncement('Time is up. The model answer is shown.');
      else if (limit > 60 && next >= limit - 60 && next < limit - 59) setAnnouncement('One minute left.');
    }, 250);
    return () => clearInterval(t);
    // elapsed is read once when the clock (re)starts; re-running on every tick would reset the origin.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [running, limit]);

  const start = () => {
    setPicked(pickMockCards(cards, MOCK_LENGTH, fixedSeed ?? randomSeed()));
    setIndex(0);
    setResults([]);
    setElapsed(0);
    setRated(false);
    setAnnouncement('');
    requestAnimationFrame(() => questionHeading.current?.focus());
  };

  const onRated = useCallback(
    (o: RecallOutcome) => {
      setResults((r) => [...r, { ...o, seconds: elapsed, timedOut }]);
      setRated(true);
    },
    [elapsed, timedOut],
  );

  const next = () => {
    setIndex((i) => i + 1);
    setElapsed(0);
    setRated(false);
    setPaused(false);
    setAnnouncement('');
    requestAnimationFrame(() => (picked && index + 1 >= picked.length ? summaryHeading : questionHeading).current?.focus());
  };

  if (!picked) {
    return (
      <form
        className="mt-6 max-w-xl rounded border border-border p-4"
        onSubmit={(e) => {
          e.preventDefault();
          start();
        }}
      >
        <p>
          Five questions from different topics, one after another. Answer each in your own words before the time
          runs out; then the model answer is shown and you rate yourself.
        </p>
        <label htmlFor={`${ids}-budget`} className="mt-4 block font-semibold">
          Time per question
        </label>
        <select
          id={`${ids}-budget`}
          value={budget}
          onChange={(e) => setBudget(e.target.value)}
          className="mt-1 rounded border border-border bg-bg p-2 text-fg"
        >
          {BUDGETS.map((b) => (
            <option key={b.value} value={b.value}>
              {b.label}
            </option>
          ))}
        </select>
        <div>
          <button type="submit" className="mt-4 rounded bg-accent px-4 py-2 font-semibold text-accent-fg">
            Start the mock interview
          </button>
        </div>
      </form>
    );
  }

  if (index >= picked.length) {
    const totalPoints = picked.reduce((n, c) => n + c.keyPoints.length, 0);
    const coveredPoints = results.reduce((n, r) => n + r.covered.length, 0);
    const totalSeconds = results.reduce((n, r) => n + r.seconds, 0);
    const revisit = results.filter((r) => r.rating === 'again' || r.rating === 'hard');
    return (
      <section aria-labelledby={`${ids}-summary`} className="mt-6">
        <h2 id={`${ids}-summary`} ref={summaryHeading} tabIndex={-1} className="text-2xl font-semibold">
          Mock interview summary
        </h2>
        <p className="mt-2">
          You covered <strong>{coveredPoints} of {totalPoints}</strong> key points (
          {totalPoints ? Math.round((coveredPoints / totalPoints) * 100) : 0}%) in {clock(totalSeconds)}.
        </p>
        <DataTable
          className="mt-4"
          caption="Each question, the time you took, the key points you covered and your rating"
          captionHidden
          rows={results.map((r) => ({ ...r, card: picked.find((c) => c.id === r.cardId) }))}
          rowKey={(r) => r.cardId}
          columns={[
            {
              header: 'Question',
              cell: (r) => (
                <Link href={`/interview/${r.cardId}`} className="text-accent underline-offset-4 hover:underline">
                  {r.card?.question}
                </Link>
              ),
            },
            { header: 'Time', cell: (r) => `${clock(r.seconds)}${r.timedOut ? ' (time up)' : ''}` },
            { header: 'Key points', cell: (r) => `${r.covered.length} of ${r.card?.keyPoints.length ?? 0}` },
            { header: 'Rating', cell: (r) => RATING_LABELS[r.rating] },
          ]}
        />
        {revisit.length ? (
          <p className="mt-4">
            Worth another look: {revisit.length} question{revisit.length === 1 ? '' : 's'} rated Again or Hard. They
            come back first in your review.
          </p>
        ) : null}
        <div className="mt-4 flex flex-wrap gap-3">
          <button type="button" onClick={() => setPicked(null)} className="rounded bg-accent px-4 py-2 font-semibold text-accent-fg">
            Start another mock interview
          </button>
          <Link href="/review" className="rounded border border-border px-4 py-2 font-semibold">
            Go to review
          </Link>
        </div>
      </section>
    );
  }

  const card = picked[index] as MockCard;
  const remaining = limit > 0 ? limit - elapsed : null;
  return (
    <section aria-labelledby={`${ids}-q`} className="mt-6">
      <div className="flex flex-wrap items-center justify-between gap-3 rounded bg-surface p-3">
        <p className="font-semibold">
          Question {index + 1} of {picked.length}
        </p>
        {remaining !== null ? (
          <p>
            <span className="text-muted">Time left </span>
            <span role="timer" aria-label="Time left" className={`font-mono text-lg ${remaining <= 30 ? 'text-bad' : ''}`}>
              {clock(remaining)}
            </span>
          </p>
        ) : (
          <p className="text-muted">No time limit</p>
        )}
        {remaining !== null && !rated && !timedOut ? (
          <button type="button" onClick={() => setPaused((p) => !p)} className="rounded border border-border bg-bg px-3 py-1">
            {paused ? 'Resume timer' : 'Pause timer'}
          </button>
        ) : null}
      </div>
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
      <h2 id={`${ids}-q`} ref={questionHeading} tabIndex={-1} className="mt-4 text-xl font-semibold sm:text-2xl">
        {card.question}
      </h2>
      <div className="mt-4">
        <RecallCard
          key={card.id}
          card={toClientCard(card)}
          modelAnswer={<ModelAnswer card={card} />}
          notes={<CardNotes card={card} headingLevel={3} />}
          forceReveal={timedOut}
          onRated={onRated}
          headingLevel={3}
          after={
            <button type="button" onClick={next} className="mt-4 rounded bg-accent px-4 py-2 font-semibold text-accent-fg">
              {index + 1 < picked.length ? 'Next question' : 'See the summary'}
            </button>
          }
        />
      </div>
    </section>
  );
}

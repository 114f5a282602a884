'use client';
/**
 * The recall flow for one card: answer in your own words → reveal the model answer → tick the key points
 * you covered → rate Again/Hard/Good/Easy (FSRS schedules the card). The model answer and notes arrive as
 * slots rendered by the server (or by the mock interview).
 */
import { useCallback, useId, useRef, useState, type ReactNode } from 'react';
import {
  createScheduler,
  formatInterval,
  newSchedule,
  RATING_LABELS,
  recordReview,
  REVIEW_RATINGS,
  type ReviewRating,
} from '@/lib/review';
import { RatingButtons } from '@/app/review/_components/rating-buttons';
import { today, updateLearner, useLearner } from '@/app/_components/learner/learner-store';
import type { ClientCard } from './client-card';

export interface RecallOutcome {
  cardId: string;
  answer: string;
  covered: string[];
  rating: ReviewRating;
}

export interface RecallCardProps {
  card: ClientCard;
  modelAnswer: ReactNode;
  notes?: ReactNode;
  /** The mock interview's clock ran out: reveal now (the answer typed so far is kept). */
  forceReveal?: boolean;
  onRated?: (outcome: RecallOutcome) => void;
  /** Shown after rating (e.g. the interviewer twist, or a "next" button). */
  after?: ReactNode;
  headingLevel?: 2 | 3;
}

type Phase = 'answering' | 'revealed' | 'rated';

export function RecallCard({ card, modelAnswer, notes, forceReveal, onRated, after, headingLevel = 2 }: RecallCardProps) {
  const ids = useId();
  const loaded = useLearner();
  const [answer, setAnswer] = useState('');
  const [phase, setPhase] = useState<Phase>('answering');
  const [covered, setCovered] = useState<string[]>([]);
  const [intervals, setIntervals] = useState<Partial<Record<ReviewRating, string>>>({});
  const [recorded, setRecorded] = useState<{ rating: ReviewRating; due: string; at: Date } | null>(null);
  const revealHeading = useRef<HTMLHeadingElement>(null);
  const recordedRef = useRef<HTMLParagraphElement>(null);
  const H = headingLevel === 2 ? 'h2' : 'h3';

  const reveal = useCallback(() => {
    const now = new Date();
    const data = loaded;
    if (data) {
      const scheduler = createScheduler({ desiredRetention: data.settings.desiredRetention });
      const preview = scheduler.preview(data.cards[card.id]?.schedule ?? newSchedule(now), now);
      setIntervals(Object.fromEntries(REVIEW_RATINGS.map((r) => [r, formatInterval(now, preview[r].due)])));
    }
    setPhase('revealed');
    requestAnimationFrame(() => revealHeading.current?.focus());
  }, [loaded, card.id]);

  const effectivePhase: Phase = forceReveal && phase === 'answering' ? 'revealed' : phase;

  const rate = useCallback(
    (rating: ReviewRating) => {
      const now = new Date();
      const score = card.keyPoints.length ? covered.length / card.keyPoints.length : null;
      const data = updateLearner((d) => recordReview(d, { type: 'card', id: card.id, rating, now, day: today(now), score }), now);
      setRecorded({ rating, due: data.cards[card.id]?.schedule.due ?? now.toISOString(), at: now });
      setPhase('rated');
      onRated?.({ cardId: card.id, answer, covered, rating });
      requestAnimationFrame(() => recordedRef.current?.focus());
    },
    [card, covered, answer, onRated],
  );

  const toggle = (id: string) => setCovered((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));

  return (
    <div>
      {effectivePhase === 'answering' ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            reveal();
          }}
        >
          <label htmlFor={`${ids}-answer`} className="block font-semibold">
            Your answer, in your own words
          </label>
          <p id={`${ids}-hint`} className="text-sm text-muted">
            Answer as you would out loud; Ctrl+Enter reveals the model answer.
          </p>
          <textarea
            id={`${ids}-answer`}
            aria-describedby={`${ids}-hint`}
            value={answer}
            onChange={(e) => setAnswer(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                reveal();
              }
            }}
            rows={7}
            className="mt-2 w-full rounded border border-border bg-bg p-2 text-fg"
          />
          <button type="submit" className="mt-3 rounded bg-accent px-4 py-2 font-semibold text-accent-fg">
            Reveal model answer
          </button>
        </form>
      ) : (
        <div>
          {answer.trim() ? (
            <section aria-labelledby={`${ids}-yours`} className="rounded border border-border p-3">
              <H id={`${ids}-yours`} className="font-semibold">
                Your answer
              </H>
              <p className="mt-1 whitespace-pre-wrap">{answer}</p>
            </section>
          ) : null}
          <section aria-labelledby={`${ids}-model`} className="mt-4">
            <H id={`${ids}-model`} ref={revealHeading} tabIndex={-1} className="text-lg font-semibold">
              Model answer
            </H>
            <div className="mt-2">{modelAnswer}</div>
          </section>
          <fieldset className="mt-6 rounded border border-border p-3" disabled={effectivePhase === 'rated'}>
            <legend className="px-1 font-semibold">Key points an interviewer listens for — tick the ones you covered</legend>
            <ul className="mt-2 space-y-2">
              {card.keyPoints.map((kp) => (
                <li key={kp.id} className="flex items-start gap-2">
                  <input
                    id={`${ids}-kp-${kp.id}`}
                    type="checkbox"
                    className="mt-1.5 h-4 w-4"
                    checked={covered.includes(kp.id)}
                    onChange={() => toggle(kp.id)}
                  />
                  <label htmlFor={`${ids}-kp-${kp.id}`}>{kp.text}</label>
                </li>
              ))}
            </ul>
            <p className="mt-2 text-sm text-muted" aria-live="polite">
              {covered.length} of {card.keyPoints.length} key points covered
            </p>
          </fieldset>
          {notes}
          {effectivePhase === 'revealed' ? (
            <RatingButtons onRate={rate} intervals={intervals} disabled={!loaded} />
          ) : null}
          {recorded ? (
            <p ref={recordedRef} tabIndex={-1} role="status" className="mt-4 rounded bg-surface p-3">
              Recorded <strong>{RATING_LABELS[recorded.rating]}</strong>: this card comes back in{' '}
              {formatInterval(recorded.at, recorded.due)}.
            </p>
          ) : null}
          {effectivePhase === 'rated' ? after : null}
        </div>
      )}
    </div>
  );
}

'use client';
/**
 * /review: what is due today (weakest first), the streak, the history chart, weakest concepts, desired
 * retention, and export/import. All state lives in the learner record (app/_components/learner/learner-store).
 * The queue mixes due cards and concepts with concepts missed recently in practice or a drill (lib/learner/queue).
 */
import Link from 'next/link';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Question } from '@/lib/scenarios';
import { activeDays, computeStreak, conceptReviewSpec, dailyCounts, formatInterval, RATING_LABELS, recordReview, RETENTION_RANGE, setDesiredRetention } from '@/lib/review';
import { attemptCounts, conceptMastery, learnerQueue, type QueueEntry } from '@/lib/learner';
import { randomSeed } from '@/lib/scenarios/random';
import { StoredDataPending } from '@/app/_components/stored-data-pending';
import { formatDateTime } from '@/app/_components/dates';
import { ConceptMasteryTable, recallText } from '@/app/_components/learner/concept-mastery-table';
import { LearnerData } from '@/app/_components/learner/learner-data';
import { LearnerNotices } from '@/app/_components/learner/learner-notices';
import { endOfToday, today, updateLearner, useLearner } from '@/app/_components/learner/learner-store';
import type { ConceptInfo, ConceptReview, ConceptReviewDone } from './concept-review';
import { HistoryChart } from './history-chart';

/**
 * A concept review's code — the question generators, the engine and the question view — loads when the learner
 * starts one, not with the page (issue 18: the dashboard's first screen needs none of it).
 */
async function loadConceptReview() {
  const [{ generateQuestion }, { ConceptReview }] = await Promise.all([import('@/lib/scenarios'), import('./concept-review')]);
  return { generateQuestion, ConceptReview };
}

export interface CardInfo {
  id: string;
  question: string;
}

export function ReviewDashboard({ concepts, cards }: { concepts: ConceptInfo[]; cards: CardInfo[] }) {
  const ids = useId();
  const data = useLearner();
  const [now, setNow] = useState(() => new Date());
  const [active, setActive] = useState<{ concept: ConceptInfo; question: Question; View: typeof ConceptReview } | null>(null);
  const [status, setStatus] = useState('');
  const dueHeading = useRef<HTMLHeadingElement>(null);
  const conceptById = useMemo(() => new Map(concepts.map((c) => [c.id, c])), [concepts]);
  const cardById = useMemo(() => new Map(cards.map((c) => [c.id, c])), [cards]);
  // A review that starts moves focus to its heading once it is on the page: its code loads on demand, so the
  // heading appears only after that commit (a frame after setActive may be too early).
  const reviewToFocus = useRef<Question | null>(null);
  useEffect(() => {
    if (!active || reviewToFocus.current !== active.question) return;
    reviewToFocus.current = null;
    document.getElementById('concept-review-heading')?.focus();
  }, [active]);

  if (!data) return <StoredDataPending>Loading your review data…</StoredDataPending>;
  const day = today(now);
  const queue = learnerQueue(data, {
    conceptIds: concepts.map((c) => c.id),
    cardIds: cards.map((c) => c.id),
    now,
    until: endOfToday(now),
    today: day,
  });
  const streak = computeStreak(activeDays(data.history), day);
  const reviewsToday = data.history.filter((h) => h.day === day).length;
  const mastery = conceptMastery(data, concepts.map((c) => c.id), now);
  const due = queue.filter((q) => q.reason === 'due');
  const missed = queue.filter((q) => q.reason === 'missed');
  const fresh = queue.filter((q) => q.reason === 'new');
  const counts = dailyCounts(data.history, day, 30);

  const startConcept = async (conceptId: string) => {
    const concept = conceptById.get(conceptId);
    if (!concept) return;
    const item = data.concepts[conceptId];
    try {
      const spec = conceptReviewSpec(concept.kinds, { schedule: item?.schedule ?? null, lastSeed: item?.lastSeed ?? null }, randomSeed);
      const { generateQuestion, ConceptReview: View } = await loadConceptReview();
      const question = generateQuestion(spec);
      reviewToFocus.current = question;
      setActive({ concept, question, View });
      setStatus('');
    } catch (e) {
      setStatus(`Could not generate a question for ${concept.label}: ${(e as Error).message}`);
    }
  };

  const finish = (d: ConceptReviewDone) => {
    const at = new Date();
    const next = updateLearner(
      (x) => recordReview(x, { type: 'concept', id: d.conceptId, rating: d.rating, now: at, day: today(at), score: d.score, seed: d.seed, kind: d.kind }),
      at,
    );
    const due = next.concepts[d.conceptId]?.schedule.due;
    setStatus(`Recorded ${RATING_LABELS[d.rating]} for ${conceptById.get(d.conceptId)?.label ?? d.conceptId}${due ? `; it comes back in ${formatInterval(at, due)}` : ''}.`);
    setActive(null);
    setNow(at);
    requestAnimationFrame(() => dueHeading.current?.focus());
  };

  const dueRow = (s: QueueEntry) => {
    if (s.type === 'concept') {
      const c = conceptById.get(s.id);
      const why = s.reason === 'missed' && s.missedAt ? `missed in practice ${formatDateTime(s.missedAt)} · ` : '';
      return (
        <li key={`c-${s.id}`} className="flex flex-wrap items-center justify-between gap-2 rounded border border-border p-3" data-reason={s.reason}>
          <span>
            <span className="font-medium">{c?.label ?? s.id}</span>{' '}
            <span className="text-sm text-muted">concept · {why}recall {recallText(s.retrievability)}</span>
          </span>
          <button type="button" onClick={() => void startConcept(s.id)} className="rounded bg-accent px-3 py-1 font-semibold text-accent-fg">
            Review {c?.label ?? s.id}
          </button>
        </li>
      );
    }
    const card = cardById.get(s.id);
    return (
      <li key={`k-${s.id}`} className="flex flex-wrap items-center justify-between gap-2 rounded border border-border p-3">
        <span>
          <span className="font-medium">{card?.question ?? s.id}</span>{' '}
          <span className="text-sm text-muted">interview card · recall {recallText(s.retrievability)}</span>
        </span>
        <Link href={`/interview/${s.id}`} className="rounded border border-border px-3 py-1 font-semibold">
          Answer card
        </Link>
      </li>
    );
  };

  return (
    <div className="mt-6 space-y-10">
      <LearnerNotices notices={data.notices} />

      <section aria-labelledby={`${ids}-today`}>
        <h2 id={`${ids}-today`} className="sr-only">
          Today
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {[
            ['Due today', String(due.length + missed.length)],
            ['New concepts', String(fresh.length)],
            ['Reviews today', String(reviewsToday)],
            ['Streak', `${streak.current} day${streak.current === 1 ? '' : 's'}`],
          ].map(([k, v]) => (
            <div key={k} className="rounded bg-surface p-3">
              <dt className="text-sm text-muted">{k}</dt>
              <dd className="text-2xl font-bold">{v}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-2 text-sm text-muted">
          Longest streak {streak.longest} day{streak.longest === 1 ? '' : 's'}.
          {streak.current > 0 && !streak.practisedToday ? ' Review something today to keep your streak.' : ''}
        </p>
      </section>

      <section aria-labelledby={`${ids}-due`}>
        <h2 id={`${ids}-due`} ref={dueHeading} tabIndex={-1} className="text-2xl font-semibold">
          Due today, weakest first
        </h2>
        <p role="status" className="mt-2 min-h-6">
          {status}
        </p>
        {active ? (
          <active.View key={active.question.id} concept={active.concept} question={active.question} onDone={finish} onCancel={() => setActive(null)} />
        ) : null}
        {queue.length === 0 ? <p className="mt-2">Nothing is due. Come back tomorrow, or practise in Interview mode.</p> : null}
        {due.length + missed.length === 0 && fresh.length > 0 ? <p className="mt-2">Nothing due — start a concept below.</p> : null}
        {due.length ? <ul className="mt-3 space-y-2">{due.map(dueRow)}</ul> : null}
        {missed.length ? (
          <>
            <h3 className="mt-6 text-lg font-semibold">Missed recently in practice or a drill</h3>
            <ul className="mt-2 space-y-2">{missed.map(dueRow)}</ul>
          </>
        ) : null}
        {fresh.length ? (
          <>
            <h3 className="mt-6 text-lg font-semibold">New concepts to start</h3>
            <ul className="mt-2 space-y-2">{fresh.map(dueRow)}</ul>
          </>
        ) : null}
      </section>

      <section aria-labelledby={`${ids}-weak`}>
        <h2 id={`${ids}-weak`} className="text-2xl font-semibold">
          Concepts, weakest first
        </h2>
        <div className="mt-3">
          <ConceptMasteryTable concepts={concepts} mastery={mastery} answers={attemptCounts(data).byConcept} now={now} regionLabel="Concept table (scrolls sideways)" />
        </div>
      </section>

      <section aria-labelledby={`${ids}-history`}>
        <h2 id={`${ids}-history`} className="text-2xl font-semibold">
          History
        </h2>
        <HistoryChart counts={counts} id={`${ids}-chart`} />
      </section>

      <section aria-labelledby={`${ids}-settings`}>
        <h2 id={`${ids}-settings`} className="text-2xl font-semibold">
          Settings
        </h2>
        <label htmlFor={`${ids}-retention`} className="mt-3 block font-semibold">
          Desired retention: <output htmlFor={`${ids}-retention`}>{Math.round(data.settings.desiredRetention * 100)}%</output>
        </label>
        <p id={`${ids}-retention-help`} className="text-sm text-muted">
          The chance of recalling an item when it comes due. Higher means more frequent reviews.
        </p>
        <input
          id={`${ids}-retention`}
          type="range"
          min={RETENTION_RANGE.min}
          max={RETENTION_RANGE.max}
          step={0.01}
          value={data.settings.desiredRetention}
          aria-describedby={`${ids}-retention-help`}
          aria-valuetext={`${Math.round(data.settings.desiredRetention * 100)}%`}
          onChange={(e) => updateLearner((d) => setDesiredRetention(d, Number(e.target.value)))}
          className="mt-2 w-full max-w-md accent-[var(--accent)]"
        />
      </section>

      <section aria-labelledby={`${ids}-backup`}>
        <h2 id={`${ids}-backup`} className="text-2xl font-semibold">
          Export and import
        </h2>
        <div className="mt-3">
          <LearnerData record={data} />
        </div>
      </section>
    </div>
  );
}

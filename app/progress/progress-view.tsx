'use client';
/**
 * /progress from the learner record: per-concept mastery (the same FSRS figure /review schedules by, in the
 * same table), answers by question kind, the history chart, recent sessions, and the one export/import.
 */
import Link from 'next/link';
import { useState } from 'react';
import { activeDays, computeStreak, dailyCounts } from '@/lib/review';
import { attemptCounts, conceptMastery } from '@/lib/learner';
// Leaf modules, not the '@/lib/scenarios' barrel: it would bring the generators, the engine and zod (issue 18).
import { CONCEPTS } from '@/lib/scenarios/concepts';
import { DIFFICULTY_LABELS, KIND_LABELS } from '@/lib/scenarios/labels';
import { QUESTION_KINDS } from '@/lib/scenarios/types';
import { StoredDataPending } from '@/app/_components/stored-data-pending';
import { formatDateTime } from '@/app/_components/dates';
import { ConceptMasteryTable } from '@/app/_components/learner/concept-mastery-table';
import { LearnerData } from '@/app/_components/learner/learner-data';
import { LearnerNotices } from '@/app/_components/learner/learner-notices';
import { today, useLearner } from '@/app/_components/learner/learner-store';
import { HistoryChart } from '@/app/review/_components/history-chart';

export function ProgressView() {
  const record = useLearner();
  const [now] = useState(() => new Date());

  if (!record) return <StoredDataPending>Loading your progress…</StoredDataPending>;

  const mastery = conceptMastery(record, CONCEPTS.map((c) => c.id), now);
  const counts = attemptCounts(record);
  const practised = record.attempts.length > 0 || record.history.length > 0;
  const day = today(now);
  const streak = computeStreak(activeDays(record.history), day);
  const kinds = QUESTION_KINDS.filter((k) => counts.byKind.has(k));

  return (
    <div className="space-y-8">
      <LearnerNotices notices={record.notices} />

      <section aria-labelledby="mastery-heading" className="space-y-3">
        <h2 id="mastery-heading" className="text-xl font-semibold">
          Concepts, weakest first
        </h2>
        {!practised && (
          <p>
            No answers yet. <Link href="/practice" className="text-accent underline">Start practising</Link>.
          </p>
        )}
        <p className="text-sm text-muted">
          Streak {streak.current} day{streak.current === 1 ? '' : 's'} (longest {streak.longest}).{' '}
          <Link href="/review" className="text-accent underline">Review what is due</Link>.
        </p>
        <ConceptMasteryTable concepts={CONCEPTS} mastery={mastery} answers={counts.byConcept} now={now} regionLabel="Mastery by concept (scrolls sideways)" />
      </section>

      {kinds.length > 0 && (
        <section aria-labelledby="kinds-heading" className="space-y-3">
          <h2 id="kinds-heading" className="text-xl font-semibold">
            Answers by question kind
          </h2>
          <ul className="grid gap-2 text-sm sm:grid-cols-2">
            {kinds.map((k) => {
              const c = counts.byKind.get(k);
              return (
                <li key={k} className="rounded bg-surface p-2">
                  {KIND_LABELS[k]}: {c?.right ?? 0} of {c?.answers ?? 0} right
                </li>
              );
            })}
          </ul>
        </section>
      )}

      <section aria-labelledby="history-heading" className="space-y-3">
        <h2 id="history-heading" className="text-xl font-semibold">
          History
        </h2>
        <HistoryChart counts={dailyCounts(record.history, day, 30)} id="progress-chart" />
      </section>

      {record.sessions.length > 0 && (
        <section aria-labelledby="sessions-heading" className="space-y-3">
          <h2 id="sessions-heading" className="text-xl font-semibold">
            Recent sessions
          </h2>
          <ul className="space-y-1 text-sm">
            {[...record.sessions].reverse().slice(0, 10).map((s) => (
              <li key={s.at + s.seed}>
                {formatDateTime(s.at)} — {DIFFICULTY_LABELS[s.difficulty]}, {s.count} questions (
                {[...new Set(s.kinds)].map((k) => KIND_LABELS[k]).join(', ')}): score {Number(s.score.toFixed(2))}{' '}
                <Link
                  href={`/practice?seed=${s.seed}&difficulty=${s.difficulty}&count=${s.count}&kinds=${s.kinds.join(',')}`}
                  className="text-accent underline"
                >
                  repeat
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="data-heading" className="space-y-3">
        <h2 id="data-heading" className="text-xl font-semibold">
          Your data
        </h2>
        <LearnerData record={record} />
      </section>
    </div>
  );
}

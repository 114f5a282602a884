'use client';
/**
 * /review: what is due today (weakest first), the streak, the history chart, weakest concepts, desired
 * retention, and export/import. All state lives in the browser (review-store).
 */
import Link from 'next/link';
import { useId, useMemo, useRef, useState } from 'react';
import { generateQuestion, type Question } from '@/lib/scenarios';
import {
  activeDays,
  computeStreak,
  conceptReviewSpec,
  conceptStrengths,
  dailyCounts,
  formatInterval,
  RATING_LABELS,
  recordReview,
  RETENTION_RANGE,
  reviewQueue,
  serializeReviewData,
  setDesiredRetention,
  type ExportIssue,
  type ItemStrength,
} from '@/lib/review';
import { randomSeed } from '@/lib/scenarios/random';
import { StoredDataPending } from '@/app/_components/stored-data-pending';
import { ConceptReview, type ConceptInfo, type ConceptReviewDone } from './concept-review';
import { describeImportIssues } from '@/app/_components/import-problems';
import { HistoryChart } from './history-chart';
import { endOfToday, importReviewText, today, updateReviewData, useReviewData } from './review-store';

export interface CardInfo {
  id: string;
  question: string;
}

/** File text via FileReader (works in every browser and in jsdom, unlike Blob.text in older engines). */
function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error(`could not read ${file.name}`));
    reader.readAsText(file);
  });
}

function percent(r: number | null): string {
  return r === null ? 'not started' : `${Math.round(r * 100)}%`;
}

export function ReviewDashboard({ concepts, cards }: { concepts: ConceptInfo[]; cards: CardInfo[] }) {
  const ids = useId();
  const loaded = useReviewData();
  const [now, setNow] = useState(() => new Date());
  const [active, setActive] = useState<{ concept: ConceptInfo; question: Question } | null>(null);
  const [status, setStatus] = useState('');
  const [importIssues, setImportIssues] = useState<ExportIssue[] | null>(null);
  const [importMessage, setImportMessage] = useState('');
  const dueHeading = useRef<HTMLHeadingElement>(null);
  const conceptById = useMemo(() => new Map(concepts.map((c) => [c.id, c])), [concepts]);
  const cardById = useMemo(() => new Map(cards.map((c) => [c.id, c])), [cards]);

  if (!loaded) return <StoredDataPending>Loading your review data…</StoredDataPending>;
  const data = loaded.data;
  const day = today(now);
  const queue = reviewQueue(data, {
    conceptIds: concepts.map((c) => c.id),
    cardIds: cards.map((c) => c.id),
    now,
    until: endOfToday(now),
    today: day,
  });
  const streak = computeStreak(activeDays(data.history), day);
  const reviewsToday = data.history.filter((h) => h.day === day).length;
  const strengths = conceptStrengths(data, concepts.map((c) => c.id), now);
  const counts = dailyCounts(data.history, day, 30);

  const startConcept = (conceptId: string) => {
    const concept = conceptById.get(conceptId);
    if (!concept) return;
    const item = data.concepts[conceptId];
    try {
      const spec = conceptReviewSpec(concept.kinds, { schedule: item?.schedule ?? null, lastSeed: item?.lastSeed ?? null }, randomSeed);
      setActive({ concept, question: generateQuestion(spec) });
      setStatus('');
      requestAnimationFrame(() => document.getElementById('concept-review-heading')?.focus());
    } catch (e) {
      setStatus(`Could not generate a question for ${concept.label}: ${(e as Error).message}`);
    }
  };

  const finish = (d: ConceptReviewDone) => {
    const at = new Date();
    const next = updateReviewData(
      (x) => recordReview(x, { type: 'concept', id: d.conceptId, rating: d.rating, now: at, day: today(at), score: d.score, seed: d.seed, kind: d.kind }),
      at,
    );
    const due = next.concepts[d.conceptId]?.schedule.due;
    setStatus(`Recorded ${RATING_LABELS[d.rating]} for ${conceptById.get(d.conceptId)?.label ?? d.conceptId}${due ? `; it comes back in ${formatInterval(at, due)}` : ''}.`);
    setActive(null);
    setNow(at);
    requestAnimationFrame(() => dueHeading.current?.focus());
  };

  const exportData = () => {
    const text = serializeReviewData(data, new Date());
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `service-traffic-trainer-review-${day}.json`;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    setImportMessage('Exported your review data as a JSON file.');
  };

  const importFile = async (file: File) => {
    const result = importReviewText(await readText(file));
    if (result.ok) {
      setImportIssues(null);
      setImportMessage(
        `Imported ${file.name}${result.migrated.length ? ` (upgraded from an older format: ${result.migrated.join('; ')})` : ''}. Your previous data was kept as a backup in this browser.`,
      );
      setNow(new Date());
    } else {
      setImportIssues(result.issues);
      setImportMessage(`${file.name} was not imported; nothing was changed.`);
    }
  };

  const dueRow = (s: ItemStrength) => {
    if (s.type === 'concept') {
      const c = conceptById.get(s.id);
      return (
        <li key={`c-${s.id}`} className="flex flex-wrap items-center justify-between gap-2 rounded border border-border p-3">
          <span>
            <span className="font-medium">{c?.label ?? s.id}</span>{' '}
            <span className="text-sm text-muted">concept · recall {percent(s.retrievability)}</span>
          </span>
          <button type="button" onClick={() => startConcept(s.id)} className="rounded bg-accent px-3 py-1 font-semibold text-accent-fg">
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
          <span className="text-sm text-muted">interview card · recall {percent(s.retrievability)}</span>
        </span>
        <Link href={`/interview/${s.id}`} className="rounded border border-border px-3 py-1 font-semibold">
          Answer card
        </Link>
      </li>
    );
  };

  return (
    <div className="mt-6 space-y-10">
      {loaded.status === 'recovered' ? (
        <p role="alert" className="rounded border border-warn p-3">
          Your stored review data could not be read ({describeImportIssues(loaded.issues, 1)[0]}). It was kept
          as a backup in this browser and you are starting fresh.
        </p>
      ) : null}

      <section aria-labelledby={`${ids}-today`}>
        <h2 id={`${ids}-today`} className="sr-only">
          Today
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {[
            ['Due today', String(queue.due.length)],
            ['New concepts', String(queue.fresh.length)],
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
          <ConceptReview key={active.question.id} concept={active.concept} question={active.question} onDone={finish} onCancel={() => setActive(null)} />
        ) : null}
        {queue.due.length === 0 && queue.fresh.length === 0 ? (
          <p className="mt-2">Nothing is due. Come back tomorrow, or practise in Interview mode.</p>
        ) : null}
        {queue.due.length === 0 && queue.fresh.length > 0 ? <p className="mt-2">Nothing due — start a concept below.</p> : null}
        {queue.due.length ? <ul className="mt-3 space-y-2">{queue.due.map(dueRow)}</ul> : null}
        {queue.fresh.length ? (
          <>
            <h3 className="mt-6 text-lg font-semibold">New concepts to start</h3>
            <ul className="mt-2 space-y-2">{queue.fresh.map(dueRow)}</ul>
          </>
        ) : null}
      </section>

      <section aria-labelledby={`${ids}-weak`}>
        <h2 id={`${ids}-weak`} className="text-2xl font-semibold">
          Concepts, weakest first
        </h2>
        {/* A region with keyboard access: on narrow screens the table scrolls sideways. */}
        <div className="mt-3 overflow-x-auto" role="region" aria-label="Concept table (scrolls sideways)" tabIndex={0}>
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Each concept with the chance you recall it now, reviews, lapses and when it is next due</caption>
            <thead>
              <tr className="border-b border-border">
                <th scope="col" className="py-2 pr-3">Concept</th>
                <th scope="col" className="py-2 pr-3">Recall now</th>
                <th scope="col" className="py-2 pr-3">Reviews</th>
                <th scope="col" className="py-2 pr-3">Lapses</th>
                <th scope="col" className="py-2">Next due</th>
              </tr>
            </thead>
            <tbody>
              {strengths.map((s) => (
                <tr key={s.id} className="border-b border-border">
                  <th scope="row" className="py-2 pr-3 font-normal">{conceptById.get(s.id)?.label ?? s.id}</th>
                  <td className="py-2 pr-3">{percent(s.retrievability)}</td>
                  <td className="py-2 pr-3">{s.reps}</td>
                  <td className="py-2 pr-3">{s.lapses}</td>
                  <td className="py-2">{s.due ? (new Date(s.due) <= now ? 'now' : `in ${formatInterval(now, s.due)}`) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
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
          onChange={(e) => updateReviewData((d) => setDesiredRetention(d, Number(e.target.value)))}
          className="mt-2 w-full max-w-md accent-[var(--accent)]"
        />
      </section>

      <section aria-labelledby={`${ids}-backup`}>
        <h2 id={`${ids}-backup`} className="text-2xl font-semibold">
          Export and import
        </h2>
        <p className="mt-2">Your reviews are kept only in this browser. Export them to keep a copy or move them to another browser.</p>
        <div className="mt-3 flex flex-wrap items-end gap-4">
          <button type="button" onClick={exportData} className="rounded bg-accent px-4 py-2 font-semibold text-accent-fg">
            Export as JSON
          </button>
          <div>
            <label htmlFor={`${ids}-import`} className="block font-semibold">
              Import a review export (JSON)
            </label>
            <input
              id={`${ids}-import`}
              type="file"
              accept="application/json,.json"
              className="mt-1 block max-w-full text-sm"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void importFile(file);
                e.target.value = '';
              }}
            />
          </div>
        </div>
        <div aria-live="polite" className="mt-3">
          {importMessage ? <p>{importMessage}</p> : null}
          {importIssues ? (
            <ul className="mt-1 list-disc pl-6 text-bad">
              {describeImportIssues(importIssues).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : null}
        </div>
      </section>
    </div>
  );
}

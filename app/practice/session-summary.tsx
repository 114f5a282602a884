'use client';
/** The end of a session: score, a table by kind with time taken, and what to do next. */
import Link from 'next/link';
import { CopyLink } from './copy-link';
import type { RefObject } from 'react';
import type { GradedResult } from '@/lib/grading';
import { KIND_LABELS, type PublicQuestion, type QuestionKind } from '@/lib/scenarios';

export interface AnsweredQuestion {
  question: PublicQuestion;
  result: GradedResult;
  ms: number;
}

export interface KindRow {
  kind: QuestionKind;
  questions: number;
  score: number;
  ms: number;
  missed: number;
}

/** Rows by kind, in first-seen order. */
export function summarizeByKind(answered: AnsweredQuestion[]): KindRow[] {
  const rows = new Map<QuestionKind, KindRow>();
  for (const a of answered) {
    const kind = a.question.spec.kind;
    const row = rows.get(kind) ?? { kind, questions: 0, score: 0, ms: 0, missed: 0 };
    row.questions += 1;
    row.score += a.result.score;
    row.ms += a.ms;
    if (a.result.score < 1) row.missed += 1;
    rows.set(kind, row);
  }
  return [...rows.values()];
}

const fmtScore = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));

export function SessionSummary({
  answered,
  totalMs,
  onRetry,
  onRetryNew,
  onRepeat,
  shareUrl,
  headingRef,
  formatDuration,
}: {
  answered: AnsweredQuestion[];
  totalMs: number;
  /** The missed questions again, exactly. */
  onRetry: () => void;
  /** New questions of the missed kinds. */
  onRetryNew?: () => void;
  /** This session's questions again, from the first. */
  onRepeat?: () => void;
  shareUrl: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
  formatDuration: (ms: number) => string;
}) {
  const rows = summarizeByKind(answered);
  const total = answered.reduce((s, a) => s + a.result.score, 0);
  const missed = answered.filter((a) => a.result.score < 1).length;
  return (
    <div className="space-y-4">
      <h2 ref={headingRef} tabIndex={-1} className="text-xl font-semibold">
        Session summary
      </h2>
      <p>
        Score <strong>{fmtScore(total)}</strong> of {answered.length} in {formatDuration(totalMs)}.{' '}
        {missed === 0 ? 'Every answer was right.' : `${missed} question${missed === 1 ? '' : 's'} missed.`}
      </p>
      <div className="overflow-x-auto" role="region" aria-label="Results by kind" tabIndex={0}>
        <table className="w-full border-collapse text-sm">
          <caption className="text-left font-medium">Results by kind</caption>
          <thead>
            <tr className="border-b border-border text-left">
              <th scope="col" className="py-1 pr-3">Kind</th>
              <th scope="col" className="py-1 pr-3">Questions</th>
              <th scope="col" className="py-1 pr-3">Score</th>
              <th scope="col" className="py-1 pr-3">Missed</th>
              <th scope="col" className="py-1">Time</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.kind} className="border-b border-border">
                <th scope="row" className="py-1 pr-3 text-left font-normal">{KIND_LABELS[r.kind]}</th>
                <td className="py-1 pr-3">{r.questions}</td>
                <td className="py-1 pr-3">{fmtScore(r.score)}</td>
                <td className="py-1 pr-3">{r.missed}</td>
                <td className="py-1">{formatDuration(r.ms)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex flex-wrap gap-3">
        {missed > 0 && (
          <button type="button" onClick={onRetry} className="rounded bg-accent px-4 py-2 font-medium text-accent-fg">
            Retry the missed ones
          </button>
        )}
        {missed > 0 && onRetryNew && (
          <button type="button" onClick={onRetryNew} className="rounded border border-border px-4 py-2">
            New questions of the missed kinds
          </button>
        )}
        {onRepeat && (
          <button type="button" onClick={onRepeat} className="rounded border border-border px-4 py-2">
            Repeat this session
          </button>
        )}
        <Link href="/practice" className="rounded border border-border px-4 py-2">
          New session
        </Link>
        <Link href="/progress" className="rounded border border-border px-4 py-2">
          Your progress
        </Link>
      </div>
      <CopyLink path={shareUrl} label="Share this session (the same questions)" />
    </div>
  );
}

'use client';
/** The end of a session: score, a table by kind with time taken, and what to do next. */
import Link from 'next/link';
import { DataTable } from '@/app/_components/data-table';
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
      <DataTable
        caption="Results by kind"
        rows={rows}
        rowKey={(r) => r.kind}
        columns={[
          { header: 'Kind', cell: (r) => KIND_LABELS[r.kind] },
          { header: 'Questions', cell: (r) => r.questions },
          { header: 'Score', cell: (r) => fmtScore(r.score) },
          { header: 'Missed', cell: (r) => r.missed },
          { header: 'Time', cell: (r) => formatDuration(r.ms) },
        ]}
      />
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

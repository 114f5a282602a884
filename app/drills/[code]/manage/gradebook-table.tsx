import type { Gradebook, GradebookStudent } from '@/lib/drills/gradebook';
import { studentLabel } from '@/lib/drills/same-name';
import { DataTable } from '@/app/_components/data-table';
import { KIND_LABELS } from '@/lib/scenarios/labels';

/**
 * The gradebook as two tables. No state: rendered by the polling client component and by the benchmark
 * (renderToString of 500 students × 20 questions). Names are rendered as text, never as HTML.
 */
/** A question kind by its label ("Source IP"), as everywhere else in the app; an unknown slug as is. */
const kindLabel = (kind: string) => (KIND_LABELS as Record<string, string>)[kind] ?? kind;
const pct = (x: number | null) => (x == null ? '—' : `${Math.round(x * 100)}%`);

function duration(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m ? `${m} min ${s} s` : `${s} s`;
}

const STATUS_LABEL = { 'in-progress': 'In progress', submitted: 'Submitted', 'timed-out': 'Time up' } as const;

export function GradebookTable({ gradebook }: { gradebook: Gradebook }) {
  const { students, questions } = gradebook;
  if (students.length === 0) return <p className="text-muted">No student has joined yet.</p>;
  const scoreClass = (score: number | null) => (score == null ? 'text-muted' : score >= 1 ? 'text-ok' : score > 0 ? 'text-warn' : 'text-bad');
  return (
    <DataTable
      caption={`Gradebook: ${students.length} attempt${students.length === 1 ? '' : 's'}`}
      rows={students}
      rowKey={(s) => s.attemptId}
      columns={[
        {
          header: 'Student',
          cell: (s) => (
            <>
              {studentLabel(s)}
              {s.attemptNumber > 1 && <span className="text-muted"> (attempt {s.attemptNumber})</span>}
              {/* Names identify nobody: students who gave the same name are numbered, with their attempt id. */}
              {s.sameName && (
                <span className="block text-xs text-warn">
                  Same name as {s.sameName.of - 1} other student{s.sameName.of > 2 ? 's' : ''} · attempt <span className="font-mono">{s.attemptId.slice(0, 8)}</span>
                </span>
              )}
            </>
          ),
        },
        {
          header: 'Status',
          cell: (s) => (
            <>
              {STATUS_LABEL[s.status]}
              {/* A seen key makes the answers final; a reopen for changes after it is worth knowing when grading. */}
              {s.answersReopenedAt ? (
                <span className="block text-xs text-warn">Reopened for changes after key seen</span>
              ) : s.keySeenAt ? (
                <span className="block text-xs text-muted">Key seen</span>
              ) : null}
            </>
          ),
        },
        { header: 'Score', className: 'font-semibold', cell: (s) => pct(s.score) },
        { header: 'Time', className: 'whitespace-nowrap', cell: (s) => duration(s.seconds) },
        ...questions.map((q) => ({
          key: q.questionId,
          header: `Q${q.position + 1}`,
          className: 'text-center',
          cellClassName: (s: GradebookStudent) => scoreClass(s.cells[q.position]?.score ?? null),
          title: (s: GradebookStudent) => s.cells[q.position]?.misconception?.label,
          cell: (s: GradebookStudent) => pct(s.cells[q.position]?.score ?? null),
        })),
      ]}
    />
  );
}

export function QuestionStatsTable({ gradebook }: { gradebook: Gradebook }) {
  return (
    <DataTable
      caption="Per question"
      rows={gradebook.questions}
      rowKey={(q) => q.position}
      columns={[
        { header: 'Question', cell: (q) => `Q${q.position + 1}` },
        { header: 'Kind', cell: (q) => q.kinds.map(kindLabel).join(', ') || '—' },
        { header: 'Answered', cell: (q) => q.answered },
        { header: 'Fully correct', cell: (q) => q.correct },
        { header: 'Mean score', cell: (q) => pct(q.meanScore) },
        { header: 'Most common misconception', cell: (q) => (q.topMisconception ? `${q.topMisconception.label} (${q.topMisconception.count})` : '—') },
      ]}
    />
  );
}

import type { Gradebook } from '@/lib/drills/gradebook';
import { studentLabel } from '@/lib/drills/same-name';
import { KIND_LABELS } from '@/lib/scenarios';

/**
 * The gradebook as two tables. No hooks: rendered by the polling client component and by the benchmark
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
  return (
    <div className="overflow-x-auto" role="region" aria-labelledby="gradebook-caption" tabIndex={0}>
      <table className="min-w-full border-collapse text-sm">
        <caption id="gradebook-caption" className="mb-2 text-left font-semibold">
          Gradebook: {students.length} attempt{students.length === 1 ? '' : 's'}
        </caption>
        <thead>
          <tr className="border-b border-border text-left">
            <th scope="col" className="p-2">Student</th>
            <th scope="col" className="p-2">Status</th>
            <th scope="col" className="p-2">Score</th>
            <th scope="col" className="p-2">Time</th>
            {questions.map((q) => (
              <th key={q.position} scope="col" className="p-2 text-center">
                {`Q${q.position + 1}`}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {students.map((s) => (
            <tr key={s.attemptId} className="border-b border-border">
              <th scope="row" className="p-2 text-left font-normal">
                {studentLabel(s)}
                {s.attemptNumber > 1 && <span className="text-muted"> (attempt {s.attemptNumber})</span>}
                {/* Names identify nobody: students who gave the same name are numbered, with their attempt id. */}
                {s.sameName && (
                  <span className="block text-xs text-warn">
                    Same name as {s.sameName.of - 1} other student{s.sameName.of > 2 ? 's' : ''} · attempt <span className="font-mono">{s.attemptId.slice(0, 8)}</span>
                  </span>
                )}
              </th>
              <td className="p-2">
                {STATUS_LABEL[s.status]}
                {/* A seen key makes the answers final; a reopen for changes after it is worth knowing when grading. */}
                {s.answersReopenedAt ? (
                  <span className="block text-xs text-warn">Reopened for changes after key seen</span>
                ) : s.keySeenAt ? (
                  <span className="block text-xs text-muted">Key seen</span>
                ) : null}
              </td>
              <td className="p-2 font-semibold">{pct(s.score)}</td>
              <td className="p-2 whitespace-nowrap">{duration(s.seconds)}</td>
              {s.cells.map((c) => (
                <td
                  key={c.questionId}
                  className={`p-2 text-center ${c.score == null ? 'text-muted' : c.score >= 1 ? 'text-ok' : c.score > 0 ? 'text-warn' : 'text-bad'}`}
                  title={c.misconception?.label}
                >
                  {c.score == null ? '—' : pct(c.score)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function QuestionStatsTable({ gradebook }: { gradebook: Gradebook }) {
  return (
    <div className="overflow-x-auto" role="region" aria-labelledby="stats-caption" tabIndex={0}>
      <table className="min-w-full border-collapse text-sm">
        <caption id="stats-caption" className="mb-2 text-left font-semibold">
          Per question
        </caption>
        <thead>
          <tr className="border-b border-border text-left">
            <th scope="col" className="p-2">Question</th>
            <th scope="col" className="p-2">Kind</th>
            <th scope="col" className="p-2">Answered</th>
            <th scope="col" className="p-2">Fully correct</th>
            <th scope="col" className="p-2">Mean score</th>
            <th scope="col" className="p-2">Most common misconception</th>
          </tr>
        </thead>
        <tbody>
          {gradebook.questions.map((q) => (
            <tr key={q.position} className="border-b border-border">
              <th scope="row" className="p-2 text-left font-normal">{`Q${q.position + 1}`}</th>
              <td className="p-2">{q.kinds.map(kindLabel).join(', ') || '—'}</td>
              <td className="p-2">{q.answered}</td>
              <td className="p-2">{q.correct}</td>
              <td className="p-2">{pct(q.meanScore)}</td>
              <td className="p-2">{q.topMisconception ? `${q.topMisconception.label} (${q.topMisconception.count})` : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

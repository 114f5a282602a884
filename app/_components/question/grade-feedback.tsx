/**
 * What the learner reads after submitting: the score, the misconception their answer matches, each
 * field (theirs vs the correct one) and the engine's steps. An invalid answer says why and costs nothing.
 */
import type { GradeResult } from '@/lib/grading';

export interface GradeFeedbackProps {
  result: GradeResult;
  headingId: string;
}

export function scoreLabel(score: number): string {
  if (score === 1) return 'Correct';
  if (score === 0) return 'Not right';
  return `Partly right (${Math.round(score * 100)}%)`;
}

export function GradeFeedback({ result, headingId }: GradeFeedbackProps) {
  if (result.status === 'invalid') {
    return (
      <div className="rounded border border-warn p-3">
        <h3 id={headingId} tabIndex={-1} className="font-semibold text-warn">
          Not graded: check your answer
        </h3>
        <p>{result.reason}</p>
        <p className="text-sm text-muted">An answer that cannot be read costs nothing. Fix it and submit again.</p>
      </div>
    );
  }
  const tone = result.score === 1 ? 'border-ok' : result.score === 0 ? 'border-bad' : 'border-warn';
  const text = result.score === 1 ? 'text-ok' : result.score === 0 ? 'text-bad' : 'text-warn';
  return (
    <div className={`space-y-3 rounded border p-3 ${tone}`}>
      <h3 id={headingId} tabIndex={-1} className={`text-lg font-semibold ${text}`}>
        {scoreLabel(result.score)}
      </h3>
      {result.misconception && (
        <div className="rounded bg-surface p-2">
          <p className="font-medium">Misconception: {result.misconception.label}</p>
          <p className="text-sm">{result.misconception.explanation}</p>
        </div>
      )}
      <p>{result.feedback}</p>
      <div className="overflow-x-auto" role="region" aria-label="Your answer, field by field" tabIndex={0}>
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">Your answer, field by field</caption>
          <thead>
            <tr className="border-b border-border text-left">
              <th scope="col" className="py-1 pr-3">Field</th>
              <th scope="col" className="py-1 pr-3">Your answer</th>
              <th scope="col" className="py-1 pr-3">Correct answer</th>
              <th scope="col" className="py-1">Result</th>
            </tr>
          </thead>
          <tbody>
            {result.parts.map((p) => (
              <tr key={p.field} className="border-b border-border align-top">
                <th scope="row" className="py-1 pr-3 text-left font-normal">{p.field}</th>
                <td className="py-1 pr-3 whitespace-pre-wrap break-words font-mono text-xs">{p.given || '—'}</td>
                <td className="py-1 pr-3 whitespace-pre-wrap break-words font-mono text-xs">{p.expected}</td>
                <td className={`py-1 ${p.score === 1 ? 'text-ok' : 'text-bad'}`}>{p.score === 1 ? 'right' : 'wrong'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {result.steps.length > 0 && (
        <div>
          <h4 className="font-medium">What the engine did</h4>
          <ol className="list-decimal space-y-1 pl-6 text-sm">
            {result.steps.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ol>
        </div>
      )}
    </div>
  );
}

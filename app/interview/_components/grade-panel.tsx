/** The engine's verdict on a generated question: score, feedback, the correct answer and the steps. */
import type { GradeResult } from '@/lib/grading';

export function GradePanel({ result, headingLevel = 3 }: { result: GradeResult; headingLevel?: 2 | 3 | 4 }) {
  const H = (`h${headingLevel}` as 'h2' | 'h3' | 'h4');
  if (result.status === 'invalid') {
    return (
      <p role="alert" className="mt-3 rounded border border-warn p-3 text-warn">
        That answer could not be read: {result.reason}
      </p>
    );
  }
  const pct = Math.round(result.score * 100);
  const tone = result.score >= 0.999 ? 'border-ok' : result.score >= 0.5 ? 'border-warn' : 'border-bad';
  return (
    <section aria-label="Result" className={`mt-4 rounded border-2 p-3 ${tone}`}>
      <H className="font-semibold">
        {result.score >= 0.999 ? 'Correct' : result.score > 0 ? 'Partly correct' : 'Not correct'} — {pct}%
      </H>
      <p className="mt-2">{result.feedback}</p>
      {result.misconception ? (
        <p className="mt-2">
          <strong>{result.misconception.label}:</strong> {result.misconception.explanation}
        </p>
      ) : null}
      <p className="mt-2">
        <strong>Correct answer:</strong> {result.expected}
      </p>
      {result.steps.length ? (
        <details className="mt-2">
          <summary className="cursor-pointer">How the engine worked it out</summary>
          <ol className="mt-2 list-decimal space-y-1 pl-6 text-sm">
            {result.steps.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ol>
        </details>
      ) : null}
    </section>
  );
}

/**
 * What the learner reads after submitting: the score, the misconception their answer matches, each
 * field (theirs vs the correct one) and the engine's steps. An invalid answer says why and costs nothing.
 */
import type { GradeResult } from '@/lib/grading';

/** A field as the invalid summary names it: its label, and the element its link moves focus to. */
export interface FeedbackField {
  name: string;
  label: string;
  focusId: string;
}

export interface GradeFeedbackProps {
  result: GradeResult;
  headingId: string;
  /** The fields shown in the form: an invalid answer's problems on them link there; others are listed as they are. */
  fields?: readonly FeedbackField[];
}

export function scoreLabel(score: number): string {
  if (score === 1) return 'Correct';
  if (score === 0) return 'Not right';
  return `Partly right (${Math.round(score * 100)}%)`;
}

export function GradeFeedback({ result, headingId, fields = [] }: GradeFeedbackProps) {
  if (result.status === 'invalid') {
    return (
      <div className="rounded border border-warn p-3">
        <h3 id={headingId} tabIndex={-1} className="font-semibold text-warn">
          Not graded: check your answer
        </h3>
        <ul className="list-disc pl-6">
          {result.problems.map((p) => {
            const field = fields.find((f) => f.name === p.field);
            return (
              <li key={`${p.field}:${p.message}`}>
                {field ? (
                  <a
                    href={`#${field.focusId}`}
                    onClick={(e) => {
                      e.preventDefault();
                      document.getElementById(field.focusId)?.focus();
                    }}
                    className="text-accent underline"
                  >
                    {field.label}
                  </a>
                ) : (
                  'Answer'
                )}
                : {p.message}
              </li>
            );
          })}
        </ul>
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

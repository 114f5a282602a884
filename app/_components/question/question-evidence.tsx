/**
 * What a troubleshooting question shows from the cluster: each command and its output (kubectl tables, curl) as
 * monospace preformatted text. Wide tables scroll horizontally inside their own box (focusable, so the keyboard
 * can scroll it too) and never widen the page; each box is named after its command.
 */
import type { Evidence } from '@/lib/scenarios';

export function QuestionEvidence({ evidence, id }: { evidence: readonly Evidence[]; id: string }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="min-w-0 space-y-2">
      <h3 id={`${id}-heading`} className="font-semibold">
        What you see on the cluster
      </h3>
      {evidence.map((e, i) => (
        <pre
          key={i}
          tabIndex={0}
          aria-label={`Output of ${e.command}`}
          className="max-w-full overflow-x-auto whitespace-pre rounded-lg border border-border bg-surface p-3 font-mono text-xs"
        >
          <code>
            <span className="text-muted">$ </span>
            {e.command}
            {'\n'}
            {e.output}
          </code>
        </pre>
      ))}
    </section>
  );
}

/**
 * Renders card prose (paragraphs, "- " lists, `code`) as React elements — never as HTML.
 * No hooks: usable from Server and Client Components.
 */
// The leaf module, not the '@/lib/interview' barrel (its card schema is full zod; issue 18).
import { toBlocks, type Inline } from '@/lib/interview/text-blocks';

function Runs({ runs }: { runs: Inline[] }) {
  return (
    <>
      {runs.map((r, i) =>
        r.code ? (
          <code key={i} className="rounded bg-surface px-1 font-mono text-[0.9em] break-words">
            {r.text}
          </code>
        ) : (
          <span key={i}>{r.text}</span>
        ),
      )}
    </>
  );
}

export function Prose({ text, className }: { text: string; className?: string }) {
  return (
    <div className={['space-y-3', className].filter(Boolean).join(' ')}>
      {toBlocks(text).map((b, i) =>
        b.type === 'paragraph' ? (
          <p key={i}>
            <Runs runs={b.content} />
          </p>
        ) : (
          <ul key={i} className="list-disc space-y-1 pl-6">
            {b.items.map((item, j) => (
              <li key={j}>
                <Runs runs={item} />
              </li>
            ))}
          </ul>
        ),
      )}
    </div>
  );
}

export function InlineProse({ text }: { text: string }) {
  return <Runs runs={toBlocks(text).flatMap((b) => (b.type === 'paragraph' ? b.content : b.items.flat()))} />;
}

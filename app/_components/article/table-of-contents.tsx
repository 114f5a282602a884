/**
 * "On this page": the article's h2/h3 headings as links. Wide screens: a sticky column beside the article.
 * Narrow screens: a collapsed disclosure above it. The page shows one or the other (CSS), never both.
 */
import type { TocEntry } from '@/app/_components/article/headings';

function Entries({ entries }: { entries: TocEntry[] }) {
  return (
    <ol className="mt-2 space-y-1">
      {entries.map((e) => (
        <li key={e.id} className={e.level === 3 ? 'pl-3' : ''}>
          <a href={`#${e.id}`} className={`block rounded px-1 underline-offset-2 hover:underline ${e.level === 3 ? 'text-muted' : ''}`}>
            {e.text}
          </a>
        </li>
      ))}
    </ol>
  );
}

export function TableOfContents({ entries, collapsible }: { entries: TocEntry[]; collapsible: boolean }) {
  if (collapsible) {
    return (
      <nav aria-label="On this page" className="text-sm">
        <details className="rounded-lg border border-border p-2">
          <summary className="cursor-pointer font-semibold">On this page</summary>
          <Entries entries={entries} />
        </details>
      </nav>
    );
  }
  return (
    <nav aria-labelledby="toc-heading" className="sticky top-4 max-h-[calc(100vh-2rem)] overflow-y-auto text-sm">
      <p id="toc-heading" className="font-semibold">
        On this page
      </p>
      <Entries entries={entries} />
    </nav>
  );
}

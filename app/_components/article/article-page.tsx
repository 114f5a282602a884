import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ComponentType } from 'react';
import { proseComponents } from './prose';
import { tocFromMdx } from './headings';
import { TableOfContents } from './table-of-contents';

/**
 * An MDX article from content/ with its table of contents: collapsible above the text on narrow screens, sticky
 * beside it on wide ones. `source` is the file name under content/; its headings are read at build time.
 */
export function ArticlePage({ Article, source }: { Article: ComponentType<{ components?: typeof proseComponents }>; source: string }) {
  const toc = tocFromMdx(readFileSync(path.join(process.cwd(), 'content', source), 'utf8'));
  return (
    <div className="lg:grid lg:grid-cols-[minmax(0,1fr)_14rem] lg:gap-8">
      <article className="min-w-0 max-w-3xl lg:order-1">
        <div className="mb-4 lg:hidden">
          <TableOfContents entries={toc} collapsible />
        </div>
        <Article components={proseComponents} />
      </article>
      <aside className="hidden lg:order-2 lg:block">
        <TableOfContents entries={toc} collapsible={false} />
      </aside>
    </div>
  );
}

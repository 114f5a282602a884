/**
 * The explorer's box and heading without the explorer: its loading fallback (explorer.tsx) and the article's
 * placeholder (lazy-explorer.tsx). Same box and padding as the live explorer, so the swap does not shift the page.
 * Plain JSX with no imports, so the article's placeholder can use it without loading the explorer.
 */
import type { ReactNode } from 'react';

export const EXPLORER_TITLE = 'Explorer: change the cluster, watch the answer';

export function ExplorerStandIn({ kind, headingLevel = 2, children }: { kind: 'loading' | 'placeholder'; headingLevel?: 2 | 3; children: ReactNode }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const data = kind === 'loading' ? { 'data-explorer-loading': true } : { 'data-explorer-placeholder': true };
  return (
    <section aria-labelledby="explorer-heading" className="my-8 rounded-xl border border-border p-3 sm:p-4" {...data}>
      <Heading id="explorer-heading" className="text-xl font-bold">
        {EXPLORER_TITLE}
      </Heading>
      {children}
    </section>
  );
}

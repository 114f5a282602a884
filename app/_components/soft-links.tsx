'use client';

import { useRouter } from 'next/navigation';
import type { MouseEvent, SyntheticEvent } from 'react';

/** The in-app path an event's link goes to, or null when the link is not ours to follow (other origin, new tab, download). */
function appHref(event: SyntheticEvent, root: Element): string | null {
  const link = (event.target as Element | null)?.closest?.('a[href]');
  if (!(link instanceof HTMLAnchorElement) || !root.contains(link)) return null;
  if (link.hasAttribute('download') || (link.target && link.target !== '_self')) return null;
  if (link.origin !== window.location.origin) return null;
  return link.pathname + link.search + link.hash;
}

/** A click the browser would follow in this tab: the main button, no modifier (those open new tabs or windows). */
function plainClick(event: MouseEvent): boolean {
  return (
    !event.defaultPrevented &&
    event.button === 0 &&
    !event.metaKey &&
    !event.ctrlKey &&
    !event.shiftKey &&
    !event.altKey
  );
}

/**
 * Plain links in `children` behave like the app's own: a route is prefetched when a pointer, finger or keyboard
 * focus reaches its link (as IntentLink does), and a plain click navigates in the app (as next/link does), without
 * reloading the page. One listener for the whole list, not a component per link: a page listing fifty cards
 * hydrates one component, not a hundred. Without JavaScript the links are ordinary links.
 */
export function SoftLinks({ children }: { children: React.ReactNode }) {
  const router = useRouter();
  const prefetch = (event: SyntheticEvent<HTMLDivElement>) => {
    const href = appHref(event, event.currentTarget);
    if (href) router.prefetch(href);
  };
  return (
    <div
      onMouseOver={prefetch}
      onFocus={prefetch}
      onTouchStart={prefetch}
      onClick={(event) => {
        if (!plainClick(event)) return;
        const href = appHref(event, event.currentTarget);
        if (!href) return;
        event.preventDefault();
        router.push(href);
      }}
    >
      {children}
    </div>
  );
}

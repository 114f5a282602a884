'use client';

import { usePathname } from 'next/navigation';
import { IntentLink } from './intent-link';
import { NAV_ITEMS } from './nav-items';

/**
 * How a nav entry relates to the current URL: the page itself ('page'), a page inside its section
 * (`true`, e.g. /practice/session under /practice), or neither. Pure, so it is tested directly.
 */
export function currentFor(href: string, pathname: string | null): 'page' | true | undefined {
  if (!pathname) return undefined;
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (path === href) return 'page';
  if (href !== '/' && path.startsWith(`${href}/`)) return true;
  return undefined;
}

/**
 * The entry that marks the current URL: the most specific one (at /learn/explorer, Explorer, not also Learn).
 * Pure, so it is tested directly.
 */
export function currentEntry(
  hrefs: readonly string[],
  pathname: string | null,
): { href: string; current: 'page' | true } | null {
  let best: { href: string; current: 'page' | true } | null = null;
  for (const href of hrefs) {
    const current = currentFor(href, pathname);
    if (current && (!best || href.length > best.href.length)) best = { href, current };
  }
  return best;
}

/**
 * The main navigation. A client component because it reads the pathname to mark the current page with
 * aria-current; the links themselves work without JavaScript. At narrow widths the list wraps.
 * Routes are prefetched when a link is hovered or focused (IntentLink), not when they scroll into view.
 */
export function SiteNav() {
  const pathname = usePathname();
  const marked = currentEntry(
    NAV_ITEMS.map((i) => i.href),
    pathname,
  );
  return (
    <nav aria-label="Main" className="w-full md:w-auto">
      <ul className="flex flex-wrap gap-x-1 gap-y-1 text-sm">
        {NAV_ITEMS.map((item) => {
          const current = marked?.href === item.href ? marked.current : undefined;
          return (
            <li key={item.href}>
              <IntentLink
                href={item.href}
                aria-current={current}
                className={
                  'block rounded-md px-2.5 py-1.5 underline-offset-4 hover:bg-surface hover:underline ' +
                  (current ? 'bg-surface font-semibold text-accent' : 'text-fg')
                }
              >
                {item.label}
              </IntentLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

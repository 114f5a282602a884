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
 * The main navigation. A client component because it reads the pathname to mark the current page with
 * aria-current; the links themselves work without JavaScript. At narrow widths the list wraps.
 * Routes are prefetched when a link is hovered or focused (IntentLink), not when they scroll into view.
 */
export function SiteNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="w-full md:w-auto">
      <ul className="flex flex-wrap gap-x-1 gap-y-1 text-sm">
        {NAV_ITEMS.map((item) => {
          const current = currentFor(item.href, pathname);
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

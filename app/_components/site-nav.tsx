import Link from 'next/link';
import { NAV_ITEMS } from './nav-items';

export function SiteNav() {
  return (
    <nav aria-label="Main">
      <ul className="flex flex-wrap gap-x-4 gap-y-1">
        {NAV_ITEMS.map((item) => (
          <li key={item.href}>
            <Link href={item.href} className="underline-offset-4 hover:underline">
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

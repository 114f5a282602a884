import type { Metadata } from 'next';
import Link from 'next/link';
import { NAV_ITEMS } from './_components/nav-items';

export const metadata: Metadata = { title: 'Page not found' };

/** The 404 for every unknown URL: says so plainly and lists every place worth going. */
export default function NotFound() {
  return (
    <section aria-labelledby="nf-title" className="max-w-2xl">
      <p className="text-sm font-semibold uppercase tracking-wide text-accent">404</p>
      <h1 id="nf-title" className="mt-2 text-3xl font-bold">
        Page not found
      </h1>
      <p className="mt-4 text-muted">
        There is no page at this address. It may have moved, or the link may have a typo. Try one of these
        instead:
      </p>
      <ul className="mt-6 grid gap-2 sm:grid-cols-2">
        <li>
          <Link href="/" className="block rounded-md border border-border px-4 py-2 hover:bg-surface">
            Home
          </Link>
        </li>
        {NAV_ITEMS.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              className="block rounded-md border border-border px-4 py-2 hover:bg-surface"
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

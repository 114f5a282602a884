'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { ComponentProps } from 'react';

type IntentLinkProps = Omit<ComponentProps<typeof Link>, 'href' | 'prefetch'> & { href: string };

/**
 * A link whose route is prefetched when a pointer, finger or keyboard focus reaches it, not when it scrolls into
 * view. Lists of links that each prefetch on sight make a page's load busy: prefetching the seven nav routes
 * doubled the home page's Total Blocking Time, and the interview page lists thirty cards (Lighthouse, 2 cores).
 * A long list of links takes one SoftLinks around it instead (./soft-links).
 */
export function IntentLink({ href, onMouseEnter, onFocus, onTouchStart, ...rest }: IntentLinkProps) {
  const router = useRouter();
  return (
    <Link
      {...rest}
      href={href}
      prefetch={false}
      onMouseEnter={(e) => {
        onMouseEnter?.(e);
        router.prefetch(href);
      }}
      onFocus={(e) => {
        onFocus?.(e);
        router.prefetch(href);
      }}
      onTouchStart={(e) => {
        onTouchStart?.(e);
        router.prefetch(href);
      }}
    />
  );
}

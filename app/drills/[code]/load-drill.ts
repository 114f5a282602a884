import 'server-only';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { getDatabase } from '@/lib/db';
import { DrillError, getPublicDrill, type PublicDrill } from '@/lib/drills';
import { clientAddress } from '@/app/api/_lib/http';

/** A client over its lookup limits: the page says when to try again instead of showing the drill. */
export interface RateLimited {
  retryAfterSeconds: number;
}

/**
 * The drill's public fields for a page, or the 404 page for an unknown code. A lookup like the API's, so it
 * counts against the same per-client limits (lib/drills/rate-limit.ts).
 */
export async function loadPublicDrill(unsafeCode: string): Promise<PublicDrill | RateLimited> {
  try {
    return await getPublicDrill(await getDatabase(), unsafeCode, new Date(), { client: clientAddress(await headers()) });
  } catch (e) {
    if (e instanceof DrillError && e.status === 404) notFound();
    if (e instanceof DrillError && e.status === 429) return { retryAfterSeconds: e.retryAfterSeconds ?? 60 };
    throw e;
  }
}

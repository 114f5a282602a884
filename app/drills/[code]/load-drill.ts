import 'server-only';
import { notFound } from 'next/navigation';
import { getDatabase } from '@/lib/db';
import { DrillError, getPublicDrill, type PublicDrill } from '@/lib/drills';

/** The drill's public fields for a page, or the 404 page for an unknown code. */
export async function loadPublicDrill(unsafeCode: string): Promise<PublicDrill> {
  try {
    return await getPublicDrill(await getDatabase(), unsafeCode);
  } catch (e) {
    if (e instanceof DrillError && e.status === 404) notFound();
    throw e;
  }
}

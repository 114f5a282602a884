import type { Metadata } from 'next';
import { RateLimitedNotice } from '../rate-limited';
import { loadPublicDrill } from '../load-drill';
import { ManageDrill } from './manage-drill';

export const metadata: Metadata = { title: 'Manage drill', referrer: 'no-referrer', robots: { index: false } };

/**
 * The manage page. The secret is in the URL fragment (#key=…), which the browser never sends, so it cannot
 * reach server logs; the client component reads it and calls the JSON API with it as a bearer token.
 */
export default async function ManagePage({ params }: { params: Promise<{ code: string }> }) {
  const { code: unsafeCode } = await params;
  const drill = await loadPublicDrill(unsafeCode);
  if ('retryAfterSeconds' in drill) return <RateLimitedNotice retryAfterSeconds={drill.retryAfterSeconds} />;
  return (
    <section className="space-y-6">
      <div>
        <p className="text-sm text-muted">Manage drill {drill.code}</p>
        <h1 className="text-3xl font-bold break-words">{drill.title}</h1>
      </div>
      <ManageDrill code={drill.code} />
    </section>
  );
}

/**
 * /practice — settings, or a session when the URL carries them. A static page: its HTML is the heading and a
 * loading shell; the browser reads the query (PracticeFromUrl), then generates and grades the questions
 * (PracticeSession), so no server task stands between the request and the heading.
 */
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { PracticeFromUrl, PracticePending } from './practice-from-url';

export const metadata: Metadata = { title: 'Practice' };

export default function PracticePage() {
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold">Practice</h1>
        <p className="text-muted">Predict what the cluster does. The routing engine grades each answer and shows its steps.</p>
      </header>
      {/* useSearchParams: the prerendered HTML holds the fallback; the browser renders the rest. */}
      <Suspense fallback={<PracticePending />}>
        <PracticeFromUrl />
      </Suspense>
    </div>
  );
}

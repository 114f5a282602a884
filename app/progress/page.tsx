/** /progress — per-concept mastery and recent sessions, kept in this browser (no account). */
import type { Metadata } from 'next';
import { ProgressView } from './progress-view';

export const metadata: Metadata = { title: 'Progress' };

export default function ProgressPage() {
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold">Your progress</h1>
        <p className="text-muted">
          Kept in this browser only: no account, nothing sent anywhere. A concept is mastered after three fully correct
          answers in a row, each on a freshly generated cluster. Export the JSON to keep it or move it to another browser.
        </p>
      </header>
      <ProgressView />
    </div>
  );
}

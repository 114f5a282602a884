/** /progress — per-concept mastery (FSRS recall), history and recent sessions, kept in this browser (no account). */
import type { Metadata } from 'next';
import { ProgressView } from './progress-view';

export const metadata: Metadata = { title: 'Progress' };

export default function ProgressPage() {
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold">Your progress</h1>
        <p className="text-muted">
          Kept in this browser only: no account, nothing sent anywhere. Each answer you give in practice, a drill or a
          review updates how likely you are to recall its concepts now (the same figure Review schedules by); a concept
          is mastered once that memory has stayed stable for three weeks. Export the file to keep it or move it to another browser.
        </p>
      </header>
      <ProgressView />
    </div>
  );
}

'use client';
/**
 * Tells the learner, once, what the first load did with their stored data: moved from today's older keys,
 * or kept unreadable text as a backup in this browser. The words are the app's; stored text is never shown.
 */
import type { LearnerNotice, NoticeSource } from '@/lib/learner';
import { dismissNotices } from '@/lib/learner';
import { updateLearner } from './learner-store';

const SOURCE_WORDS: Record<NoticeSource, string> = {
  progress: 'your practice progress',
  review: 'your spaced-review data',
  'drill-attempts': 'the drill attempts you are taking',
  learner: 'your saved learner record',
  'progress-backup': 'an earlier backup of your progress',
  'review-backup': 'an earlier backup of your review data',
};

function list(sources: readonly NoticeSource[]): string {
  const words = sources.map((s) => SOURCE_WORDS[s]);
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

export function LearnerNotices({ notices }: { notices: readonly LearnerNotice[] }) {
  if (notices.length === 0) return null;
  const migrated = [...new Set(notices.flatMap((n) => n.migrated))];
  const backedUp = [...new Set(notices.flatMap((n) => n.backedUp))];
  return (
    <div role="status" className={`space-y-2 rounded border p-3 ${backedUp.some((s) => !s.endsWith('-backup')) ? 'border-warn' : 'border-border'}`} data-testid="learner-notice">
      {migrated.length > 0 ? (
        <p>
          This site now keeps everything about your learning in one record. We moved {list(migrated)} into it; nothing was lost.
        </p>
      ) : null}
      {backedUp.length > 0 ? (
        <p>
          {backedUp.some((s) => !s.endsWith('-backup'))
            ? `Some stored data could not be read (${list(backedUp)}). It was kept unchanged as a backup in this browser (under stt.learner.backup), and the rest of your data is in use.`
            : `We kept ${list(backedUp)} as a backup in this browser (under stt.learner.backup).`}
        </p>
      ) : null}
      <button type="button" onClick={() => updateLearner(dismissNotices)} className="rounded border border-border px-3 py-1 text-sm font-semibold">
        Got it
      </button>
    </div>
  );
}

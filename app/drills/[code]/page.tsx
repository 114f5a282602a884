import type { Metadata } from 'next';
import type { PublicDrill } from '@/lib/drills';
import { DIFFICULTY_LABELS, KIND_LABELS } from '@/lib/scenarios/labels';
import { RateLimitedNotice } from './rate-limited';
import { loadPublicDrill } from './load-drill';
import { TakeDrill } from './take-drill';

export const metadata: Metadata = { title: 'Drill', referrer: 'no-referrer' };

const REVEAL_TEXT: Record<PublicDrill['revealPolicy'], string> = {
  'after-answer': 'You see the correct answer after each answer.',
  'after-submit': 'You see the correct answers after you submit.',
  'after-close': 'You see the correct answers after the drill closes.',
  never: 'Correct answers are not shown in this drill.',
};

/** The student page. It carries only the drill's public fields; questions come from the API after joining. */
export default async function DrillPage({ params }: { params: Promise<{ code: string }> }) {
  const { code: unsafeCode } = await params;
  const drill = await loadPublicDrill(unsafeCode);
  if ('retryAfterSeconds' in drill) return <RateLimitedNotice retryAfterSeconds={drill.retryAfterSeconds} />;
  return (
    <section className="space-y-6">
      <header>
        <p className="text-sm text-muted">Drill {drill.code}</p>
        <h1 className="text-3xl font-bold break-words">{drill.title}</h1>
        <ul className="mt-2 flex flex-wrap gap-x-4 text-sm text-muted">
          <li>{drill.questionCount} question{drill.questionCount === 1 ? '' : 's'}</li>
          <li>{DIFFICULTY_LABELS[drill.difficulty]}</li>
          <li>{drill.kinds.map((k) => KIND_LABELS[k]).join(', ')}</li>
          <li>{drill.timeLimitMinutes ? `${drill.timeLimitMinutes} min time limit` : 'No time limit'}</li>
          <li>{drill.attemptsAllowed} attempt{drill.attemptsAllowed === 1 ? '' : 's'} allowed</li>
        </ul>
        <p className="mt-1 text-sm">{REVEAL_TEXT[drill.revealPolicy]}</p>
      </header>
      {drill.phase !== 'open' && (
        <p role="status" className="rounded border border-border bg-surface p-4">
          {drill.phase === 'closed' ? 'This drill is closed.' : `This drill opens at ${new Date(drill.opensAt!).toUTCString()}.`}
        </p>
      )}
      <TakeDrill code={drill.code} open={drill.phase === 'open'} />
    </section>
  );
}

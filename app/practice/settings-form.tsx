/**
 * The session settings as a plain GET form (its URL is the session's, so it can be shared): kinds, difficulty, length,
 * optional timer. Submitting (or Quick 5) lands on /practice with settings and no seed; the browser then
 * picks a seed and replaces the URL (practice-from-url.tsx), so a session's URL always carries one.
 */
import Link from 'next/link';
import { DIFFICULTY_LABELS, KIND_LABELS } from '@/lib/scenarios/labels';
import { DIFFICULTIES, QUESTION_KINDS } from '@/lib/scenarios/types';
import { LENGTHS, QUICK } from './settings';

const DIFFICULTY_TEXT = {
  intro: '2–3 nodes, Cluster vs Local, ready Pods',
  standard: '3–6 nodes, uneven layouts, not-ready Pods, NodePort hits, health checks',
  expert: 'terminating Pods, in-cluster clients, proxy modes, balancer models, source ranges, validation',
} as const;

/** Quick 5 names no seed, so each start gets a fresh one. */
const QUICK_HREF = `/practice?difficulty=${QUICK.difficulty}&count=${QUICK.count}&kinds=${QUICK.kinds.join(',')}`;

export function SettingsForm() {
  return (
    <div className="space-y-6">
      <p>
        <Link
          href={QUICK_HREF}
          className="inline-block rounded bg-accent px-4 py-2 font-medium text-accent-fg"
        >
          Quick 5
        </Link>{' '}
        <span className="text-muted">five intro questions of mixed kinds</span>
      </p>
      <form method="get" action="/practice" className="space-y-5" aria-labelledby="settings-heading">
        <h2 id="settings-heading" className="text-lg font-semibold">
          Or choose your session
        </h2>
        <fieldset className="rounded border border-border p-3">
          <legend className="px-1 font-medium">Question kinds</legend>
          <div className="grid gap-1 sm:grid-cols-2">
            {QUESTION_KINDS.map((k) => (
              <label key={k} className="flex items-center gap-2">
                <input type="checkbox" name="kinds" value={k} defaultChecked className="h-4 w-4 accent-[var(--accent)]" />
                {KIND_LABELS[k]}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="rounded border border-border p-3">
          <legend className="px-1 font-medium">Difficulty</legend>
          {DIFFICULTIES.map((d) => (
            <label key={d} className="flex items-start gap-2">
              <input type="radio" name="difficulty" value={d} defaultChecked={d === 'standard'} className="mt-1.5 h-4 w-4 accent-[var(--accent)]" />
              <span>
                {DIFFICULTY_LABELS[d]} <span className="text-sm text-muted">— {DIFFICULTY_TEXT[d]}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="flex flex-wrap items-end gap-6">
          <div>
            <label htmlFor="count" className="block font-medium">
              Length
            </label>
            <select id="count" name="count" defaultValue="10" className="mt-1 rounded border border-border bg-bg px-2 py-1">
              {LENGTHS.map((n) => (
                <option key={n} value={n}>
                  {n} questions
                </option>
              ))}
            </select>
          </div>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="timer" value="1" className="h-4 w-4 accent-[var(--accent)]" />
            Show a session timer
          </label>
        </div>
        <button type="submit" className="rounded bg-accent px-4 py-2 font-medium text-accent-fg">
          Start session
        </button>
      </form>
    </div>
  );
}

/**
 * /practice — settings, or a session when the URL carries them. Generation and grading run in the
 * browser (PracticeSession); this Server Component only validates the query and picks a seed.
 */
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { PracticeSession } from './practice-session';
import { SettingsForm } from './settings-form';
import { randomSeed } from '@/lib/scenarios/random';
import { parseSettings, settingsQuery } from './settings';

export const metadata: Metadata = { title: 'Practice' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function PracticePage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const hasSettings = params.kinds !== undefined || params.q !== undefined || params.difficulty !== undefined || params.count !== undefined;
  if (hasSettings && params.seed === undefined) {
    // Pick a seed now so the URL can be shared or repeated.
    const parsed = parseSettings({ ...params, seed: randomSeed() });
    if (parsed.ok) redirect(`/practice?${settingsQuery(parsed.settings)}`);
  }
  const parsed = hasSettings || params.seed !== undefined ? parseSettings(params) : null;
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold">Practice</h1>
        <p className="text-muted">Predict what the cluster does. The routing engine grades each answer and shows its steps.</p>
      </header>
      {parsed?.ok ? (
        <PracticeSession settings={parsed.settings} />
      ) : (
        <>
          {parsed && !parsed.ok && (
            <div role="alert" className="rounded border border-bad p-3">
              <p className="font-semibold text-bad">This practice link has problems:</p>
              <ul className="list-disc pl-6">
                {parsed.issues.map((i) => (
                  <li key={i.path + i.message}>
                    <code>{i.path}</code>: {i.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <SettingsForm />
        </>
      )}
    </div>
  );
}

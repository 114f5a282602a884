'use client';
/**
 * The part of /practice that depends on the URL, read in the browser (the page itself is static):
 * settings and no seed → a seed is picked and the URL replaced, so it can be shared or repeated;
 * valid settings → the session; a bad link → its problems, by parameter, above the settings form;
 * nothing → the settings form.
 */
import dynamic from 'next/dynamic';
import { useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useMemo } from 'react';
import { StoredDataPending } from '@/app/_components/stored-data-pending';
import { randomSeed } from '@/lib/scenarios/random';
import { SettingsForm } from './settings-form';
import { parseSettings, settingsQuery, type QueryParams, type SettingsResult } from './settings';

/** Until the browser has read the URL: a polite status in a screen-high box (nothing visible moves after). */
export function PracticePending() {
  return (
    <div role="status" aria-busy="true">
      <StoredDataPending>Preparing your practice…</StoredDataPending>
    </div>
  );
}

/**
 * The session (the generators, the engine, the grader) is its own chunk, loaded once a session is asked for:
 * the settings screen's first load carries none of it (issue 18).
 */
const PracticeSession = dynamic(() => import('./practice-session').then((m) => m.PracticeSession), { loading: () => <PracticePending /> });

/** The query as Next gives a page's searchParams: one string per name, or all of them when repeated. */
function queryParams(search: URLSearchParams): QueryParams {
  const params: QueryParams = {};
  for (const name of new Set(search.keys())) {
    const all = search.getAll(name);
    params[name] = all.length === 1 ? all[0] : all;
  }
  return params;
}

/** What the URL asks for: the settings form, a seed to pick first, or settings (valid, or their problems). */
type UrlView = { needsSeed: true } | { needsSeed: false; parsed: SettingsResult | null };

/** Read once per query (not on every render): a URL's settings are parsed once, twice only for a bad seedless link. */
function viewOf(query: string): UrlView {
  const params = queryParams(new URLSearchParams(query));
  const hasSettings = params.kinds !== undefined || params.q !== undefined || params.difficulty !== undefined || params.count !== undefined;
  if (!hasSettings && params.seed === undefined) return { needsSeed: false, parsed: null };
  // Settings that are valid once given a seed: the effect picks one (randomness stays out of render).
  if (hasSettings && params.seed === undefined && parseSettings({ ...params, seed: 'pending' }).ok) return { needsSeed: true };
  return { needsSeed: false, parsed: parseSettings(params) };
}

export function PracticeFromUrl() {
  const router = useRouter();
  const search = useSearchParams();
  const query = search.toString();
  const view = useMemo(() => viewOf(query), [query]);
  const needsSeed = view.needsSeed;

  useEffect(() => {
    if (!needsSeed) return;
    const parsed = parseSettings({ ...queryParams(new URLSearchParams(query)), seed: randomSeed() });
    if (parsed.ok) router.replace(`/practice?${settingsQuery(parsed.settings)}`);
  }, [needsSeed, query, router]);

  if (view.needsSeed) return <PracticePending />;
  const parsed = view.parsed;
  if (parsed?.ok) return <PracticeSession key={settingsQuery(parsed.settings)} settings={parsed.settings} />;
  return (
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
  );
}

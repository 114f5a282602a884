'use client';

import { useMemo, useSyncExternalStore } from 'react';
import { forgetMyDrill, loadMyDrills, MY_DRILLS_KEY } from './my-drills';

// The stored text is the snapshot (a string compares by value); 'storage' fires for changes from other tabs,
// and this tab's own changes call notify().
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());
function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}
const storedText = () => {
  try {
    return localStorage.getItem(MY_DRILLS_KEY);
  } catch {
    return null;
  }
};

/** The drills created on this device, each with its gradebook link (the secret stays in the fragment). */
export function MyDrillsList() {
  // Nothing on the server (no localStorage); the stored list once hydrated.
  const text = useSyncExternalStore(subscribe, storedText, () => null);
  const drills = useMemo(() => (text ? loadMyDrills() : []), [text]);
  if (!drills.length) return null;
  return (
    <section aria-labelledby="my-drills-heading" className="space-y-2">
      <h2 id="my-drills-heading" className="text-xl font-semibold">
        My drills
      </h2>
      <p className="text-sm text-muted">Created in this browser. The manage links are kept on this device only.</p>
      <ul className="divide-y divide-border rounded-lg border border-border">
        {drills.map((d) => (
          <li key={d.code} className="flex flex-wrap items-center justify-between gap-2 p-3">
            <span>
              <a href={d.manageUrl} className="text-accent underline">
                {d.title}
              </a>{' '}
              <span className="font-mono text-sm text-muted">{d.code}</span>
            </span>
            <button
              type="button"
              className="rounded border border-border px-2 py-1 text-sm"
              onClick={() => {
                forgetMyDrill(d.code);
                notify();
              }}
            >
              Forget<span className="sr-only"> {d.title}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The one learner store: the learner record (lib/learner) in localStorage, as an external store for React.
 * One parsed copy per page; `updateLearner` saves and notifies every subscriber; a change made in another tab
 * (the `storage` event on LEARNER_KEY) is picked up. The first read migrates today's older keys (loadLearner).
 * Server rendering sees `null` (nothing loaded yet).
 */
'use client';

import { startTransition, useEffect, useState, useSyncExternalStore } from 'react';
import { dayKey } from '@/lib/review';
import { LEARNER_KEY, loadLearner, replaceLearner, saveLearner, type KeyValueStore, type LearnerRecord } from '@/lib/learner';

let current: LearnerRecord | null = null;
const listeners = new Set<() => void>();

/** localStorage, or a map for this page only when storage is disabled (privacy mode). */
const memory = new Map<string, string>();
const inMemory: KeyValueStore = {
  getItem: (k) => memory.get(k) ?? null,
  setItem: (k, v) => void memory.set(k, v),
  removeItem: (k) => void memory.delete(k),
  keys: () => [...memory.keys()],
};

function store(): KeyValueStore {
  let s: Storage;
  try {
    if (typeof window === 'undefined') return inMemory;
    s = window.localStorage;
  } catch {
    return inMemory;
  }
  return {
    getItem: (k) => s.getItem(k),
    setItem: (k, v) => s.setItem(k, v),
    removeItem: (k) => s.removeItem(k),
    keys: () => Array.from({ length: s.length }, (_, i) => s.key(i)).filter((k): k is string => k !== null),
  };
}

function ensureLoaded(): LearnerRecord {
  current ??= loadLearner(store(), new Date());
  return current;
}

function notify() {
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => {
    if (e.key === LEARNER_KEY || e.key === null) {
      current = null;
      notify();
    }
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** Whether a component on this page has shown the record yet (see useLearner). */
let shownOnThisPage = false;

/**
 * The learner record, or null while rendering on the server and hydrating. After hydration the first showing
 * of the record renders as a transition, which React splits into short tasks, rather than as the store's
 * synchronous re-render: on /review and /progress that render was the page's longest task (issue 18). Components
 * mounted once it has been shown (a later navigation) get the record at once; later changes to the record
 * re-render as a store's do.
 */
export function useLearner(): LearnerRecord | null {
  const record = useSyncExternalStore(subscribe, ensureLoaded, () => null);
  const [shown, setShown] = useState(() => shownOnThisPage);
  useEffect(() => {
    if (shown) return;
    startTransition(() => setShown(true));
    shownOnThisPage = true;
  }, [shown]);
  return shown ? record : null;
}

/** The record now (event handlers). */
export function learnerNow(): LearnerRecord {
  return ensureLoaded();
}

/** Applies `change`, saves and notifies. A full or disabled storage keeps the change for this page only. */
export function updateLearner(change: (record: LearnerRecord) => LearnerRecord, now: Date = new Date()): LearnerRecord {
  const next = change(ensureLoaded());
  try {
    current = saveLearner(store(), next, now);
  } catch {
    current = next;
  }
  notify();
  return current;
}

/** Replaces the record with a confirmed import; the current one is kept as a backup first. */
export function replaceLearnerRecord(incoming: LearnerRecord, now: Date = new Date()): LearnerRecord {
  current = replaceLearner(store(), ensureLoaded(), incoming, now);
  notify();
  return current;
}

/** Forget the in-memory copy (tests). */
export function resetLearnerStoreForTests(): void {
  current = null;
  shownOnThisPage = false;
  memory.clear();
}

export function today(now: Date = new Date()): string {
  return dayKey(now);
}

/** Local midnight at the end of `now`'s day: items due before it are "due today". */
export function endOfToday(now: Date = new Date()): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
}

/**
 * The learner's review data in localStorage, as an external store for React (useSyncExternalStore).
 * One parsed copy per page; `updateReviewData` saves and notifies every subscriber; a change made in
 * another tab (the `storage` event) is picked up too. Server rendering sees `null` (nothing loaded yet).
 */
'use client';

import { useSyncExternalStore } from 'react';
import {
  dayKey,
  importReviewData,
  loadReviewData,
  saveReviewData,
  STORAGE_KEY,
  type ExportIssue,
  type LoadResult,
  type ReviewData,
} from '@/lib/review';

let current: LoadResult | null = null;
const listeners = new Set<() => void>();

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null; // storage disabled (privacy mode): work in memory
  }
}

function ensureLoaded(): LoadResult {
  if (!current) {
    const s = storage();
    current = s ? loadReviewData(s) : loadReviewData({ getItem: () => null, setItem: () => {} });
  }
  return current;
}

function notify() {
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => {
    if (e.key === STORAGE_KEY) {
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

/** The loaded data (and how it was loaded), or null while rendering on the server. */
export function useReviewData(): LoadResult | null {
  return useSyncExternalStore(subscribe, ensureLoaded, () => null);
}

export function updateReviewData(change: (data: ReviewData) => ReviewData, now: Date = new Date()): ReviewData {
  const before = ensureLoaded();
  const data = change(before.data);
  const s = storage();
  if (s) saveReviewData(s, data, now);
  current = { status: 'loaded', data, migrated: [] };
  notify();
  return data;
}

export function importReviewText(
  text: string,
  now: Date = new Date(),
): { ok: true; migrated: string[] } | { ok: false; issues: ExportIssue[] } {
  const s = storage() ?? { getItem: () => null, setItem: () => {} };
  const result = importReviewData(s, text, now);
  if (!result.ok) return result;
  current = { status: 'loaded', data: result.data, migrated: result.migrated };
  notify();
  return { ok: true, migrated: result.migrated };
}

/** Forget the in-memory copy (tests). */
export function resetReviewStoreForTests(): void {
  current = null;
}

export function today(now: Date = new Date()): string {
  return dayKey(now);
}

/** Local midnight at the end of `now`'s day: items due before it are "due today". */
export function endOfToday(now: Date = new Date()): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
}

/**
 * Keeping review data in the browser. Takes a Storage-like object (window.localStorage in the app, a Map
 * in tests). Stored text uses the export format, so stored data migrates exactly as imports do.
 *
 * Nothing stored is lost: unreadable stored text is copied to BACKUP_KEY before anything overwrites it,
 * and an import first copies the current data there.
 */
import { emptyReviewData, type ReviewData } from './review-data';
import { parseReviewExport, serializeReviewData, type ExportIssue } from './export-format';

export const STORAGE_KEY = 'stt:review';
export const BACKUP_KEY = 'stt:review:backup';

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export type LoadResult =
  | { status: 'empty'; data: ReviewData }
  | { status: 'loaded'; data: ReviewData; migrated: string[] }
  /** Stored text was unreadable; it has been copied to BACKUP_KEY and an empty state is in use. */
  | { status: 'recovered'; data: ReviewData; issues: ExportIssue[] };

export function loadReviewData(store: KeyValueStore): LoadResult {
  const text = store.getItem(STORAGE_KEY);
  if (text === null) return { status: 'empty', data: emptyReviewData() };
  const result = parseReviewExport(text);
  if (result.ok) return { status: 'loaded', data: result.data, migrated: result.migrated };
  store.setItem(BACKUP_KEY, text);
  return { status: 'recovered', data: emptyReviewData(), issues: result.issues };
}

export function saveReviewData(store: KeyValueStore, data: ReviewData, now: Date): void {
  store.setItem(STORAGE_KEY, serializeReviewData(data, now));
}

/** Replaces stored data with an import, keeping the previous data in BACKUP_KEY. */
export function importReviewData(
  store: KeyValueStore,
  text: string,
  now: Date,
): { ok: true; data: ReviewData; migrated: string[] } | { ok: false; issues: ExportIssue[] } {
  const result = parseReviewExport(text);
  if (!result.ok) return result;
  const previous = store.getItem(STORAGE_KEY);
  if (previous !== null) store.setItem(BACKUP_KEY, previous);
  saveReviewData(store, result.data, now);
  return { ok: true, data: result.data, migrated: result.migrated };
}

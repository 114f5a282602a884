/**
 * The browser side of lib/progress: one JSON document in localStorage. A stored document that no longer
 * validates is kept under a backup key (nothing stored is lost) and progress restarts empty.
 * Call only from client components, in effects or event handlers.
 */
import { emptyProgress, exportProgress, importProgress, recordAttempt, recordSession, type AttemptRecord, type Progress, type SessionRecord } from '@/lib/progress';

export const PROGRESS_STORAGE_KEY = 'stt.progress';
export const PROGRESS_BACKUP_KEY = 'stt.progress.unreadable';

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null; // disabled storage (privacy mode): progress is simply not kept
  }
}

export function loadProgress(): Progress {
  const s = storage();
  const text = s?.getItem(PROGRESS_STORAGE_KEY);
  if (!s || !text) return emptyProgress();
  const r = importProgress(text);
  if (r.ok) return r.progress;
  s.setItem(PROGRESS_BACKUP_KEY, text);
  return emptyProgress();
}

export function saveProgress(p: Progress): void {
  storage()?.setItem(PROGRESS_STORAGE_KEY, exportProgress(p));
}

export function storeAttempt(a: AttemptRecord): void {
  saveProgress(recordAttempt(loadProgress(), a));
}

export function storeSession(s: SessionRecord): void {
  saveProgress(recordSession(loadProgress(), s));
}

/**
 * Where a practice session stands, kept in sessionStorage (this tab only) under its URL's query, so that a
 * reload resumes at the same question with the same answers and clock instead of starting over (and
 * recording question 1 again). Questions are not stored: their specs regenerate them exactly.
 * Call only from client components, in effects or event handlers.
 */
import type { GradedResult, GradeResult } from '@/lib/grading';
import type { QuestionSpec } from '@/lib/scenarios';

export interface StoredAnswer {
  spec: QuestionSpec;
  result: GradedResult;
  ms: number;
}

export interface SessionProgress {
  index: number;
  /** The current question's grade, when it was graded before the reload. */
  result: GradeResult | null;
  answered: StoredAnswer[];
  startedAt: number;
  questionStartedAt: number;
  finishedAt: number | null;
}

const PREFIX = 'stt.practice.';

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    return null;
  }
}

export function loadSessionProgress(key: string): SessionProgress | null {
  const text = storage()?.getItem(PREFIX + key);
  if (!text) return null;
  try {
    const p = JSON.parse(text) as SessionProgress;
    if (typeof p.index !== 'number' || !Array.isArray(p.answered) || typeof p.startedAt !== 'number') return null;
    return p;
  } catch {
    return null;
  }
}

export function saveSessionProgress(key: string, p: SessionProgress): void {
  try {
    storage()?.setItem(PREFIX + key, JSON.stringify(p));
  } catch {
    // Full or disabled storage: the session still runs, it just cannot resume after a reload.
  }
}

export function clearSessionProgress(key: string): void {
  storage()?.removeItem(PREFIX + key);
}

/** @jest-environment jsdom */
import { loadProgress, PROGRESS_BACKUP_KEY, PROGRESS_STORAGE_KEY, storeAttempt, storeSession } from '@/app/progress/progress-store';
import { emptyProgress } from '@/lib/progress';

const ATTEMPT = {
  questionId: 'source-ip:intro:x',
  kind: 'source-ip' as const,
  difficulty: 'intro' as const,
  seed: 'x',
  score: 1,
  at: '2026-11-25T08:00:00.000Z',
  ms: 1000,
  concepts: ['snat-under-cluster' as const],
  misconception: null,
};

beforeEach(() => localStorage.clear());

describe('progress in localStorage', () => {
  it('starts empty', () => {
    expect(loadProgress()).toEqual(emptyProgress());
  });

  it('keeps attempts and sessions across loads', () => {
    storeAttempt(ATTEMPT);
    storeSession({ seed: 'x', difficulty: 'intro', kinds: ['source-ip'], count: 1, score: 1, at: ATTEMPT.at, ms: 1000 });
    const p = loadProgress();
    expect(p.attempts).toEqual([ATTEMPT]);
    expect(p.sessions).toHaveLength(1);
    expect(p.concepts['snat-under-cluster']?.correct).toBe(1);
  });

  it('keeps an unreadable stored document under a backup key instead of losing it', () => {
    localStorage.setItem(PROGRESS_STORAGE_KEY, '{"format":"something else"}');
    expect(loadProgress()).toEqual(emptyProgress());
    expect(localStorage.getItem(PROGRESS_BACKUP_KEY)).toBe('{"format":"something else"}');
  });
});

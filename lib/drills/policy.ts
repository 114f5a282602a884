import type { RevealPolicy } from './schemas';

/**
 * Pure timing and reveal rules. `now` is passed in so tests and the DAL agree on one clock reading.
 */
export type DrillPhase = 'scheduled' | 'open' | 'closed';

export interface DrillTimes {
  opensAt: Date | null;
  closesAt: Date | null;
  closedAt: Date | null;
}

export function drillPhase(d: DrillTimes, now: Date): DrillPhase {
  if (d.closedAt || (d.closesAt && now >= d.closesAt)) return 'closed';
  if (d.opensAt && now < d.opensAt) return 'scheduled';
  return 'open';
}

/** An attempt's deadline: start + time limit, but never after the drill closes. Null: none. */
export function attemptDeadline(startedAt: Date, timeLimitSeconds: number | null, closesAt: Date | null): Date | null {
  const limit = timeLimitSeconds == null ? null : new Date(startedAt.getTime() + timeLimitSeconds * 1000);
  if (!limit) return closesAt;
  if (!closesAt) return limit;
  return limit < closesAt ? limit : closesAt;
}

/** Requests already in flight when the clock runs out are still accepted for this long. */
export const DEADLINE_GRACE_MS = 2000;

export function pastDeadline(deadline: Date | null, now: Date, graceMs = 0): boolean {
  return deadline != null && now.getTime() > deadline.getTime() + graceMs;
}

export interface RevealContext {
  /** The attempt is over: submitted, or its deadline passed. */
  finished: boolean;
  drillClosed: boolean;
}

/** Whether a stored answer's grading (score, expected answer, misconception) may be shown to the student. */
export function mayReveal(policy: RevealPolicy, ctx: RevealContext): boolean {
  switch (policy) {
    case 'after-answer':
      return true;
    case 'after-submit':
      return ctx.finished || ctx.drillClosed;
    case 'after-close':
      return ctx.drillClosed;
    case 'never':
      return false;
  }
}

/** Whether the student may change an answer already stored (before the attempt is finished). */
export function answersAreFinal(policy: RevealPolicy): boolean {
  // Once the key has been shown, changing the answer would be copying it.
  return policy === 'after-answer';
}

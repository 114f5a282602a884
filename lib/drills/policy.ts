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

/** What of an attempt decides whether it may still be written to. */
export interface AttemptWriteState {
  submittedAt: Date | null;
  deadline: Date | null;
  /** When a response first showed this attempt a key (a reveal); null: never. */
  keySeenAt: Date | null;
  /** When the instructor last let this attempt change answers after its key was seen; null: never. */
  answersReopenedAt: Date | null;
}

export type WriteRefusal = 'submitted' | 'time-up' | 'key-seen' | 'closed' | 'scheduled';

/**
 * Why the attempt itself (not its drill) accepts no write now, or null. Writes stop after submit, after the
 * deadline plus the grace for requests in flight, and once the attempt has seen its key — unless the
 * instructor reopened it for changes since (`reopenAttempts`). Under `after-answer` each answer's own key is
 * shown as it is stored and only that answer is final (`answersAreFinal`), so a seen key does not end the attempt.
 */
export function attemptWriteRefusal(policy: RevealPolicy, a: AttemptWriteState, now: Date): Exclude<WriteRefusal, 'closed' | 'scheduled'> | null {
  if (a.submittedAt) return 'submitted';
  if (pastDeadline(a.deadline, now, DEADLINE_GRACE_MS)) return 'time-up';
  if (policy !== 'after-answer' && keyStillSeen(a)) return 'key-seen';
  return null;
}

/** A key was seen and the instructor has not reopened the attempt for changes since. */
export function keyStillSeen(a: Pick<AttemptWriteState, 'keySeenAt' | 'answersReopenedAt'>): boolean {
  return a.keySeenAt != null && (a.answersReopenedAt == null || a.answersReopenedAt < a.keySeenAt);
}

/**
 * The one definition of "can a write to this attempt still be accepted": the attempt's own state and its
 * drill's phase. Both the answer paths (including the one-statement SQL, which mirrors it) and the reveal
 * rule (`revealContext`) use it, so a key is never shown while an answer could still change.
 */
export function writeRefusal(policy: RevealPolicy, a: AttemptWriteState, drill: DrillTimes, now: Date): WriteRefusal | null {
  const own = attemptWriteRefusal(policy, a, now);
  if (own) return own;
  const phase = drillPhase(drill, now);
  return phase === 'open' ? null : phase;
}

export interface RevealContext {
  /** The attempt accepts no write any more: submitted, past its deadline and grace, or its key already seen. */
  finished: boolean;
  drillClosed: boolean;
}

/** The reveal context from the same rule the writes obey. */
export function revealContext(policy: RevealPolicy, a: AttemptWriteState, drill: DrillTimes, now: Date): RevealContext {
  return { finished: attemptWriteRefusal(policy, a, now) != null, drillClosed: drillPhase(drill, now) === 'closed' };
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

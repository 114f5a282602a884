import type { RevealPolicy } from './schemas';

/**
 * Pure timing and reveal rules. `now` is passed in so tests and the DAL agree on one clock reading.
 *
 * When a write is refused is stated once, as data (`WRITE_RULES`): conditions on the timestamps of an attempt
 * and its drill. `holds` evaluates them here; write-rule-sql.ts renders the same rules as the SQL condition of
 * the one-statement answer path, so the two cannot drift apart.
 */
export type DrillPhase = 'scheduled' | 'open' | 'closed';

export interface DrillTimes {
  opensAt: Date | null;
  closesAt: Date | null;
  closedAt: Date | null;
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

/** Requests already in flight when the clock runs out are still accepted for this long. */
export const DEADLINE_GRACE_MS = 2000;

export type AttemptTime = keyof AttemptWriteState;
export type DrillTime = keyof DrillTimes;

/** A condition on timestamps at the moment `now`; a timestamp that is null satisfies none of them. */
export type TimeCondition<F extends string> =
  /** The timestamp is set. */
  | { is: 'set'; field: F }
  /** now > field + graceMs. */
  | { is: 'passed'; field: F; graceMs: number }
  /** now >= field. */
  | { is: 'reached'; field: F }
  /** now < field. */
  | { is: 'ahead'; field: F }
  /** field is set and `than` is null or earlier. */
  | { is: 'later'; field: F; than: F }
  | { any: TimeCondition<F>[] };

export type WriteRefusal = 'submitted' | 'time-up' | 'key-seen' | 'closed' | 'scheduled';
type AttemptRefusal = Exclude<WriteRefusal, 'closed' | 'scheduled'>;

export interface WriteRule<R extends WriteRefusal, F extends string> {
  refusal: R;
  when: TimeCondition<F>;
  /** The rule does not apply under these reveal policies. */
  exceptUnder?: readonly RevealPolicy[];
}

/**
 * Why an attempt accepts no write, in the order they are reported. Writes stop after submit, after the
 * deadline plus the grace for requests in flight, and once the attempt has seen its key — unless the
 * instructor reopened it for changes since (`reopenAttempts`). Under `after-answer` each answer's own key is
 * shown as it is stored and only that answer is final (`answersAreFinal`), so a seen key does not end the attempt.
 */
export const ATTEMPT_WRITE_RULES: readonly WriteRule<AttemptRefusal, AttemptTime>[] = [
  { refusal: 'submitted', when: { is: 'set', field: 'submittedAt' } },
  { refusal: 'time-up', when: { is: 'passed', field: 'deadline', graceMs: DEADLINE_GRACE_MS } },
  { refusal: 'key-seen', when: { is: 'later', field: 'keySeenAt', than: 'answersReopenedAt' }, exceptUnder: ['after-answer'] },
];

/** The drill's phase as rules: closed (by hand, or its close time reached), else scheduled before it opens. */
export const DRILL_WRITE_RULES: readonly WriteRule<'closed' | 'scheduled', DrillTime>[] = [
  { refusal: 'closed', when: { any: [{ is: 'set', field: 'closedAt' }, { is: 'reached', field: 'closesAt' }] } },
  { refusal: 'scheduled', when: { is: 'ahead', field: 'opensAt' } },
];

/** Whether `c` holds for these timestamps at `now`. */
export function holds<F extends string>(c: TimeCondition<F>, times: Readonly<Record<F, Date | null>>, now: Date): boolean {
  if ('any' in c) return c.any.some((x) => holds(x, times, now));
  const t = times[c.field];
  if (t == null) return false;
  switch (c.is) {
    case 'set':
      return true;
    case 'passed':
      return now.getTime() > t.getTime() + c.graceMs;
    case 'reached':
      return now.getTime() >= t.getTime();
    case 'ahead':
      return now.getTime() < t.getTime();
    case 'later': {
      const than = times[c.than];
      return than == null || than.getTime() < t.getTime();
    }
  }
}

/** The rules that apply under `policy`. */
export function rulesUnder<R extends WriteRefusal, F extends string>(rules: readonly WriteRule<R, F>[], policy: RevealPolicy): WriteRule<R, F>[] {
  return rules.filter((r) => !r.exceptUnder?.includes(policy));
}

function firstRefusal<R extends WriteRefusal, F extends string>(rules: readonly WriteRule<R, F>[], times: Readonly<Record<F, Date | null>>, now: Date): R | null {
  return rules.find((r) => holds(r.when, times, now))?.refusal ?? null;
}

export function drillPhase(d: DrillTimes, now: Date): DrillPhase {
  return firstRefusal(DRILL_WRITE_RULES, d, now) ?? 'open';
}

/** An attempt's deadline: start + time limit, but never after the drill closes. Null: none. */
export function attemptDeadline(startedAt: Date, timeLimitSeconds: number | null, closesAt: Date | null): Date | null {
  const limit = timeLimitSeconds == null ? null : new Date(startedAt.getTime() + timeLimitSeconds * 1000);
  if (!limit) return closesAt;
  if (!closesAt) return limit;
  return limit < closesAt ? limit : closesAt;
}

export function pastDeadline(deadline: Date | null, now: Date, graceMs = 0): boolean {
  return holds({ is: 'passed', field: 'deadline', graceMs }, { deadline }, now);
}

/** Why the attempt itself (not its drill) accepts no write now, or null (`ATTEMPT_WRITE_RULES`). */
export function attemptWriteRefusal(policy: RevealPolicy, a: AttemptWriteState, now: Date): AttemptRefusal | null {
  return firstRefusal(rulesUnder(ATTEMPT_WRITE_RULES, policy), a, now);
}

/** A key was seen and the instructor has not reopened the attempt for changes since. */
export function keyStillSeen(a: Pick<AttemptWriteState, 'keySeenAt' | 'answersReopenedAt'>): boolean {
  return holds({ is: 'later', field: 'keySeenAt', than: 'answersReopenedAt' }, a, new Date(0));
}

/**
 * The one definition of "can a write to this attempt still be accepted": the attempt's own state and its
 * drill's phase. The answer paths (the locked one here, the one-statement SQL through write-rule-sql.ts) and
 * the reveal rule (`revealContext`) use it, so a key is never shown while an answer could still change.
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

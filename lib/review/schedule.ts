/**
 * FSRS scheduling (ts-fsrs) behind a small, JSON-friendly face.
 *
 * Contract: every function is pure and takes `now` explicitly, so tests run on a fixed clock and the
 * browser passes `new Date()`. A schedule is stored as plain JSON (ISO dates, lower-case state names) so
 * that the export format does not depend on ts-fsrs's in-memory shapes.
 */
import { fsrs, createEmptyCard, Rating, State, type Card, type FSRS, type Grade } from 'ts-fsrs';

export const REVIEW_RATINGS = ['again', 'hard', 'good', 'easy'] as const;
export type ReviewRating = (typeof REVIEW_RATINGS)[number];

export const RATING_LABELS: Record<ReviewRating, string> = { again: 'Again', hard: 'Hard', good: 'Good', easy: 'Easy' };

export const SCHEDULE_STATES = ['new', 'learning', 'review', 'relearning'] as const;
export type ScheduleStateName = (typeof SCHEDULE_STATES)[number];

/** One item's memory state, as stored in the browser and in exports. */
export interface Schedule {
  due: string;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: ScheduleStateName;
  lastReview: string | null;
}

/** Desired retention the learner may choose: below 0.7 intervals get absurdly long, above 0.97 absurdly short. */
export const RETENTION_RANGE = { min: 0.7, max: 0.97, default: 0.9 } as const;

export interface SchedulerOptions {
  desiredRetention: number;
  /** Spread due dates a little so that items learnt together do not fall due together (Anki's fuzz). */
  fuzz?: boolean;
  maximumIntervalDays?: number;
}

export interface Scheduler {
  readonly desiredRetention: number;
  rate(schedule: Schedule, rating: ReviewRating, now: Date): Schedule;
  /** What each rating would do, for labelling the buttons ("Good · 3 days"). */
  preview(schedule: Schedule, now: Date): Record<ReviewRating, Schedule>;
  /** Probability of recall now, 0..1 (1 for an item never reviewed is meaningless: returns 0). */
  retrievability(schedule: Schedule, now: Date): number;
}

const RATING_TO_GRADE: Record<ReviewRating, Grade> = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
};

const STATE_TO_NAME: Record<State, ScheduleStateName> = {
  [State.New]: 'new',
  [State.Learning]: 'learning',
  [State.Review]: 'review',
  [State.Relearning]: 'relearning',
};
const NAME_TO_STATE: Record<ScheduleStateName, State> = {
  new: State.New,
  learning: State.Learning,
  review: State.Review,
  relearning: State.Relearning,
};

export function assertRetention(value: number): number {
  if (!Number.isFinite(value) || value < RETENTION_RANGE.min || value > RETENTION_RANGE.max) {
    throw new RangeError(
      `desired retention must be between ${RETENTION_RANGE.min} and ${RETENTION_RANGE.max}, got ${String(value)}`,
    );
  }
  return value;
}

function toSchedule(card: Card): Schedule {
  return {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: STATE_TO_NAME[card.state],
    lastReview: card.last_review ? card.last_review.toISOString() : null,
  };
}

function toCard(s: Schedule): Card {
  return {
    due: new Date(s.due),
    stability: s.stability,
    difficulty: s.difficulty,
    elapsed_days: s.elapsedDays,
    scheduled_days: s.scheduledDays,
    learning_steps: s.learningSteps,
    reps: s.reps,
    lapses: s.lapses,
    state: NAME_TO_STATE[s.state],
    ...(s.lastReview ? { last_review: new Date(s.lastReview) } : {}),
  };
}

/** A schedule for an item never reviewed: due immediately. */
export function newSchedule(now: Date): Schedule {
  return toSchedule(createEmptyCard(now));
}

export function isDue(schedule: Schedule, at: Date): boolean {
  return new Date(schedule.due).getTime() <= at.getTime();
}

export function createScheduler(options: SchedulerOptions): Scheduler {
  const desiredRetention = assertRetention(options.desiredRetention);
  const engine: FSRS = fsrs({
    request_retention: desiredRetention,
    enable_fuzz: options.fuzz ?? false,
    maximum_interval: options.maximumIntervalDays ?? 3650,
  });
  return {
    desiredRetention,
    rate(schedule, rating, now) {
      return toSchedule(engine.next(toCard(schedule), now, RATING_TO_GRADE[rating]).card);
    },
    preview(schedule, now) {
      const log = engine.repeat(toCard(schedule), now);
      return {
        again: toSchedule(log[Rating.Again].card),
        hard: toSchedule(log[Rating.Hard].card),
        good: toSchedule(log[Rating.Good].card),
        easy: toSchedule(log[Rating.Easy].card),
      };
    },
    retrievability(schedule, now) {
      if (schedule.state === 'new') return 0;
      return engine.get_retrievability(toCard(schedule), now, false);
    },
  };
}

/** "10 min", "3 h", "4 days": the wait between now and a due date, for button labels. */
export function formatInterval(from: Date, due: string): string {
  const minutes = Math.max(0, Math.round((new Date(due).getTime() - from.getTime()) / 60000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h`;
  const days = Math.round(hours / 24);
  if (days < 60) return days === 1 ? '1 day' : `${days} days`;
  const months = Math.round(days / 30);
  return months === 1 ? '1 month' : `${months} months`;
}

/**
 * Everything the learner's review memory holds, and the pure operations on it.
 *
 * Two kinds of item are scheduled: `concept`s (reviewed with a freshly generated scenario question each
 * time, so the learner cannot memorise an answer) and interview `card`s (recall in one's own words).
 * Every review is appended to `history`, which drives the streak and the chart.
 */
import { createScheduler, isDue, newSchedule, RETENTION_RANGE, type ReviewRating, type Schedule, type ScheduleStateName } from './schedule';
import type { DayKey } from './day';

export const REVIEW_TARGET_TYPES = ['concept', 'card'] as const;
export type ReviewTargetType = (typeof REVIEW_TARGET_TYPES)[number];

/** Where a rating came from: /review, a practice answer, a drill answer, or the learner's own card rating. */
export const HISTORY_SOURCES = ['review', 'practice', 'drill', 'interview'] as const;
export type HistorySource = (typeof HISTORY_SOURCES)[number];

export interface ItemState {
  schedule: Schedule;
  /** Seed of the last scenario shown for a concept, so the next review can differ from it. */
  lastSeed: string | null;
}

export interface HistoryEntry {
  at: string;
  day: DayKey;
  type: ReviewTargetType;
  id: string;
  rating: ReviewRating;
  /** Engine grade 0..1 for a scenario review; for a card, the share of key points ticked. */
  score: number | null;
  /** The generated question's seed and kind (concept reviews and interviewer twists). */
  seed: string | null;
  kind: string | null;
  source: HistorySource;
}

export interface ReviewSettings {
  desiredRetention: number;
}

export interface ReviewData {
  settings: ReviewSettings;
  concepts: Record<string, ItemState>;
  cards: Record<string, ItemState>;
  history: HistoryEntry[];
}

/** History kept in the browser; older entries are dropped first (they no longer change any schedule). */
export const HISTORY_LIMIT = 5000;

export function emptyReviewData(): ReviewData {
  return { settings: { desiredRetention: RETENTION_RANGE.default }, concepts: {}, cards: {}, history: [] };
}

export interface ReviewInput {
  type: ReviewTargetType;
  id: string;
  rating: ReviewRating;
  now: Date;
  day: DayKey;
  score?: number | null;
  seed?: string | null;
  kind?: string | null;
  /** Defaults to 'review' for a concept, 'interview' for a card. */
  source?: HistorySource;
}

function bucket(data: ReviewData, type: ReviewTargetType): Record<string, ItemState> {
  return type === 'concept' ? data.concepts : data.cards;
}

/** Schedules the item with the learner's desired retention and logs the review. Returns new data (same shape). */
export function recordReview<D extends ReviewData>(data: D, input: ReviewInput): D {
  const scheduler = createScheduler({ desiredRetention: data.settings.desiredRetention, fuzz: true });
  const items = bucket(data, input.type);
  const previous = items[input.id];
  const schedule = scheduler.rate(previous?.schedule ?? newSchedule(input.now), input.rating, input.now);
  const item: ItemState = { schedule, lastSeed: input.seed ?? previous?.lastSeed ?? null };
  const entry: HistoryEntry = {
    at: input.now.toISOString(),
    day: input.day,
    type: input.type,
    id: input.id,
    rating: input.rating,
    score: input.score ?? null,
    seed: input.seed ?? null,
    kind: input.kind ?? null,
    source: input.source ?? (input.type === 'concept' ? 'review' : 'interview'),
  };
  const history = [...data.history, entry].slice(-HISTORY_LIMIT);
  const updated = { ...items, [input.id]: item };
  return input.type === 'concept' ? { ...data, concepts: updated, history } : { ...data, cards: updated, history };
}

/** Changes desired retention; existing due dates stay, the next rating of each item uses the new target. */
export function setDesiredRetention<D extends ReviewData>(data: D, desiredRetention: number): D {
  createScheduler({ desiredRetention }); // validates the range, throwing a RangeError naming it
  return { ...data, settings: { ...data.settings, desiredRetention } };
}

export interface ItemStrength {
  type: ReviewTargetType;
  id: string;
  /** Probability of recall now (FSRS); null for an item never reviewed. */
  retrievability: number | null;
  /** Days for recall to fall to 90% (FSRS stability); null for an item never reviewed. */
  stability: number | null;
  /** FSRS state; null for an item never reviewed. */
  state: ScheduleStateName | null;
  due: string | null;
  reps: number;
  lapses: number;
}

export function strengthOf(data: ReviewData, type: ReviewTargetType, id: string, now: Date): ItemStrength {
  const item = bucket(data, type)[id];
  if (!item) return { type, id, retrievability: null, stability: null, state: null, due: null, reps: 0, lapses: 0 };
  const scheduler = createScheduler({ desiredRetention: data.settings.desiredRetention });
  return {
    type,
    id,
    retrievability: scheduler.retrievability(item.schedule, now),
    stability: item.schedule.stability,
    state: item.schedule.state,
    due: item.schedule.due,
    reps: item.schedule.reps,
    lapses: item.schedule.lapses,
  };
}

/** Weakest first: lowest recall probability, then most lapses, then id (stable). */
function byWeakness(a: ItemStrength, b: ItemStrength): number {
  const ra = a.retrievability ?? 0;
  const rb = b.retrievability ?? 0;
  if (ra !== rb) return ra - rb;
  if (a.lapses !== b.lapses) return b.lapses - a.lapses;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Concepts already studied, weakest first, followed by those never reviewed (in the given order). */
export function conceptStrengths(data: ReviewData, conceptIds: readonly string[], now: Date): ItemStrength[] {
  const all = conceptIds.map((id) => strengthOf(data, 'concept', id, now));
  const seen = all.filter((s) => s.retrievability !== null).sort(byWeakness);
  const unseen = all.filter((s) => s.retrievability === null);
  return [...seen, ...unseen];
}

export interface QueueOptions {
  conceptIds: readonly string[];
  cardIds: readonly string[];
  now: Date;
  /** End of the learner's today: items due before it count as due today. */
  until: Date;
  /** New concepts offered per day (minus those already started today). */
  newPerDay?: number;
  today: DayKey;
}

export interface ReviewQueue {
  /** Studied items due by `until`, weakest first (concepts and cards mixed). */
  due: ItemStrength[];
  /** Concepts never reviewed, offered after the due ones. */
  fresh: ItemStrength[];
}

export function reviewQueue(data: ReviewData, o: QueueOptions): ReviewQueue {
  const due: ItemStrength[] = [];
  for (const [type, ids] of [
    ['concept', o.conceptIds],
    ['card', o.cardIds],
  ] as const) {
    for (const id of ids) {
      const item = bucket(data, type)[id];
      if (item && isDue(item.schedule, o.until)) due.push(strengthOf(data, type, id, o.now));
    }
  }
  due.sort(byWeakness);
  const startedToday = new Set(
    data.history.filter((h) => h.type === 'concept' && h.day === o.today).map((h) => h.id),
  );
  const newToday = [...startedToday].filter(
    (id) => data.history.find((h) => h.type === 'concept' && h.id === id)?.day === o.today,
  ).length;
  const allowance = Math.max(0, (o.newPerDay ?? 3) - newToday);
  const fresh = o.conceptIds
    .filter((id) => !data.concepts[id])
    .slice(0, allowance)
    .map((id) => strengthOf(data, 'concept', id, o.now));
  return { due, fresh };
}

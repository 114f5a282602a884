/**
 * The learner record: everything this browser knows about one learner, in one versioned document.
 *
 *   attempts   every graded practice / drill answer (by question kind, with the concepts it tests)
 *   sessions   finished practice sessions
 *   concepts   FSRS memory state per concept (fed by practice, drills and /review)
 *   cards      FSRS memory state per interview card (the learner's own ratings)
 *   history    every rating, in time order: drives the streak, the chart and "recent misses"
 *   settings   desired retention
 *   drills     drill attempts this browser is taking (code → attempt id and token); never exported
 *   notices    things the learner should be told once (data migrated, unreadable data kept as a backup)
 *
 * The streak is derived from `history` (days with at least one rating), not stored twice.
 * Stored text and the export file share this shape, so both migrate through the same chain (LEARNER_MIGRATIONS).
 */
import * as z from '@/lib/validation/zod-mini';
import { CONCEPT_IDS } from '@/lib/scenarios/concepts';
import { DIFFICULTIES, QUESTION_KINDS } from '@/lib/scenarios/types';
import { DAY_KEY_PATTERN, HISTORY_LIMIT, HISTORY_SOURCES, REVIEW_RATINGS, REVIEW_TARGET_TYPES, RETENTION_RANGE, SCHEDULE_STATES, type ReviewData } from '@/lib/review';
import type { Migration, DocumentKind } from './document';

export const LEARNER_FORMAT = 'service-traffic-trainer/learner';
export const LEARNER_VERSION = 1;
/** Answers kept (oldest dropped first); FSRS state keeps their effect on memory. */
export const MAX_ATTEMPTS = 1000;
export const MAX_SESSIONS = 100;

const iso = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time such as 2026-11-25T08:00:00.000Z' });
const score = z.number().check(z.gte(0), z.lte(1));

/** One graded answer, as the legacy progress file (version 1) stored it. */
export const attemptFields = {
  questionId: z.string().check(z.minLength(1), z.maxLength(300)),
  kind: z.enum(QUESTION_KINDS),
  difficulty: z.enum(DIFFICULTIES),
  seed: z.string().check(z.minLength(1), z.maxLength(200)),
  score,
  at: iso,
  ms: z.number().check(z.int(), z.gte(0)),
  concepts: z.array(z.enum(CONCEPT_IDS)),
  misconception: z.nullable(z.string().check(z.maxLength(100))),
};

export const ATTEMPT_SOURCES = ['practice', 'drill'] as const;
export type AttemptSource = (typeof ATTEMPT_SOURCES)[number];

export const attemptSchema = z.strictObject({ ...attemptFields, source: z.enum(ATTEMPT_SOURCES) });
export type AttemptRecord = z.infer<typeof attemptSchema>;

export const sessionRecordSchema = z.strictObject({
  seed: z.string().check(z.minLength(1), z.maxLength(200)),
  difficulty: z.enum(DIFFICULTIES),
  kinds: z.array(z.enum(QUESTION_KINDS)).check(z.minLength(1)),
  count: z.number().check(z.int(), z.gte(1)),
  score: z.number().check(z.gte(0)),
  at: iso,
  ms: z.number().check(z.int(), z.gte(0)),
});
export type SessionRecord = z.infer<typeof sessionRecordSchema>;

export const scheduleSchema = z.strictObject({
  due: iso,
  stability: z.number().check(z.gte(0)),
  difficulty: z.number().check(z.gte(0)),
  elapsedDays: z.number().check(z.gte(0)),
  scheduledDays: z.number().check(z.gte(0)),
  learningSteps: z.number().check(z.int(), z.gte(0)),
  reps: z.number().check(z.int(), z.gte(0)),
  lapses: z.number().check(z.int(), z.gte(0)),
  state: z.enum(SCHEDULE_STATES),
  lastReview: z.nullable(iso),
});

export const itemSchema = z.strictObject({ schedule: scheduleSchema, lastSeed: z.nullable(z.string()) });

export const historyFields = {
  at: iso,
  day: z.string().check(z.regex(DAY_KEY_PATTERN, { error: 'must be a day such as 2026-01-31' })),
  type: z.enum(REVIEW_TARGET_TYPES),
  id: z.string().check(z.minLength(1)),
  rating: z.enum(REVIEW_RATINGS),
  score: z.nullable(score),
  seed: z.nullable(z.string()),
  kind: z.nullable(z.string()),
};
const historySchema = z.strictObject({ ...historyFields, source: z.enum(HISTORY_SOURCES) });

export const settingsSchema = z.strictObject({
  desiredRetention: z.number().check(z.gte(RETENTION_RANGE.min), z.lte(RETENTION_RANGE.max)),
});

/** What a notice is about; the words are the app's, never stored text. */
export const NOTICE_SOURCES = ['progress', 'review', 'drill-attempts', 'learner', 'progress-backup', 'review-backup'] as const;
export type NoticeSource = (typeof NOTICE_SOURCES)[number];

const noticeSchema = z.strictObject({
  at: iso,
  /** Sources moved into this record. */
  migrated: z.array(z.enum(NOTICE_SOURCES)),
  /** Sources that could not be read and were kept, unchanged, under BACKUP_KEY. */
  backedUp: z.array(z.enum(NOTICE_SOURCES)),
});
export type LearnerNotice = z.infer<typeof noticeSchema>;

const drillAttemptSchema = z.strictObject({ attemptId: z.string().check(z.minLength(1), z.maxLength(200)), token: z.string().check(z.minLength(1), z.maxLength(500)) });
export type DrillAttemptRef = z.infer<typeof drillAttemptSchema>;

export const learnerRecordSchema = z.strictObject({
  format: z.literal(LEARNER_FORMAT),
  version: z.literal(LEARNER_VERSION),
  savedAt: iso,
  settings: settingsSchema,
  attempts: z.array(attemptSchema).check(z.maxLength(MAX_ATTEMPTS)),
  sessions: z.array(sessionRecordSchema).check(z.maxLength(MAX_SESSIONS)),
  concepts: z.record(z.string().check(z.minLength(1)), itemSchema),
  cards: z.record(z.string().check(z.minLength(1)), itemSchema),
  history: z.array(historySchema).check(z.maxLength(HISTORY_LIMIT)),
  drills: z.record(z.string().check(z.minLength(1), z.maxLength(40)), drillAttemptSchema),
  notices: z.array(noticeSchema).check(z.maxLength(20)),
});

/** The record. Its review part (settings, concepts, cards, history) is lib/review's ReviewData. */
export type LearnerRecord = z.infer<typeof learnerRecordSchema> & ReviewData;

/** Steps from each older version to the next (none yet: version 1 is the first learner record). */
export const LEARNER_MIGRATIONS: readonly Migration[] = [];

export const LEARNER_DOCUMENT: DocumentKind<LearnerRecord> = {
  format: LEARNER_FORMAT,
  version: LEARNER_VERSION,
  migrations: LEARNER_MIGRATIONS,
  schema: learnerRecordSchema as z.ZodMiniType<LearnerRecord>,
};

export function emptyLearnerRecord(now: Date): LearnerRecord {
  return {
    format: LEARNER_FORMAT,
    version: LEARNER_VERSION,
    savedAt: now.toISOString(),
    settings: { desiredRetention: RETENTION_RANGE.default },
    attempts: [],
    sessions: [],
    concepts: {},
    cards: {},
    history: [],
    drills: {},
    notices: [],
  };
}

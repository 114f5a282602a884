/**
 * Today's formats before the learner record (all version 1), and how their data moves into the record:
 *
 *   stt.progress            { format: "service-traffic-trainer/progress", version: 1, attempts, concepts, sessions }
 *   stt.progress.unreadable text the progress page could not read
 *   stt:review              { format: "service-traffic-trainer/review", version: 1, exportedAt, data: { settings, concepts, cards, history } }
 *   stt:review:backup       the review data an import replaced (or that could not be read)
 *   drill-attempt:<code>    { attemptId, token }
 *
 * The two JSON formats are also today's two export files, so an old export imports through the same code.
 * Frozen copies live in tests/fixtures/learner; never change these schemas, they describe files already written.
 */
import * as z from '@/lib/validation/zod-mini';
import { CONCEPT_IDS } from '@/lib/scenarios/concepts';
import { dayKey, HISTORY_LIMIT, type DayKey, type HistoryEntry, type ItemState } from '@/lib/review';
import { answerRating } from './answers';
import { recordReview } from '@/lib/review';
import type { DocumentKind } from './document';
import { attemptFields, historyFields, itemSchema, MAX_ATTEMPTS, MAX_SESSIONS, sessionRecordSchema, settingsSchema, type AttemptRecord, type DrillAttemptRef, type LearnerRecord, type SessionRecord } from './record';

export const LEGACY_KEYS = {
  progress: 'stt.progress',
  progressBackup: 'stt.progress.unreadable',
  review: 'stt:review',
  reviewBackup: 'stt:review:backup',
  drillAttemptPrefix: 'drill-attempt:',
} as const;

const iso = z.iso.datetime({ offset: true });

const legacyMasterySchema = z.strictObject({
  attempts: z.number().check(z.int(), z.gte(0)),
  correct: z.number().check(z.int(), z.gte(0)),
  streak: z.number().check(z.int(), z.gte(0)),
  level: z.number().check(z.gte(0), z.lte(1)),
  lastSeen: z.nullable(iso),
  mastered: z.boolean(),
});

const legacyProgressSchema = z.strictObject({
  format: z.literal('service-traffic-trainer/progress'),
  version: z.literal(1),
  attempts: z.array(z.strictObject(attemptFields)).check(z.maxLength(MAX_ATTEMPTS)),
  // The old streak/moving-average mastery: validated, then dropped (FSRS state replaces it).
  concepts: z.partialRecord(z.enum(CONCEPT_IDS), legacyMasterySchema),
  sessions: z.array(sessionRecordSchema).check(z.maxLength(MAX_SESSIONS * 2)),
});
export type LegacyProgress = z.infer<typeof legacyProgressSchema>;

const legacyReviewSchema = z.strictObject({
  format: z.literal('service-traffic-trainer/review'),
  version: z.literal(1),
  exportedAt: iso,
  data: z.strictObject({
    settings: settingsSchema,
    concepts: z.record(z.string().check(z.minLength(1)), itemSchema),
    cards: z.record(z.string().check(z.minLength(1)), itemSchema),
    history: z.array(z.strictObject(historyFields)).check(z.maxLength(HISTORY_LIMIT)),
  }),
});
export type LegacyReview = z.infer<typeof legacyReviewSchema>;

export const LEGACY_PROGRESS_DOCUMENT: DocumentKind<LegacyProgress> = {
  format: 'service-traffic-trainer/progress',
  version: 1,
  migrations: [],
  schema: legacyProgressSchema,
};

export const LEGACY_REVIEW_DOCUMENT: DocumentKind<LegacyReview> = {
  format: 'service-traffic-trainer/review',
  version: 1,
  migrations: [],
  schema: legacyReviewSchema,
};

/** A stored drill attempt reference, or null when the text is not one. */
export function parseLegacyDrillAttempt(text: string): DrillAttemptRef | null {
  try {
    const v = JSON.parse(text) as Partial<DrillAttemptRef> | null;
    return v && typeof v.attemptId === 'string' && v.attemptId && typeof v.token === 'string' && v.token ? { attemptId: v.attemptId, token: v.token } : null;
  } catch {
    return null;
  }
}

export interface LegacyParts {
  progress?: LegacyProgress;
  review?: LegacyReview;
  drills?: Record<string, DrillAttemptRef>;
}

function mergeBy<T>(a: readonly T[], b: readonly T[], key: (x: T) => string, at: (x: T) => string, limit: number): T[] {
  const seen = new Map<string, T>();
  for (const x of [...a, ...b]) if (!seen.has(key(x))) seen.set(key(x), x);
  return [...seen.values()].sort((x, y) => (at(x) < at(y) ? -1 : at(x) > at(y) ? 1 : 0)).slice(-limit);
}

/**
 * Moves legacy data into `record` (nothing is lost; entries already present are not doubled).
 * Review data keeps its FSRS state and history, marked as from /review or an interview card. Progress keeps its
 * attempts and sessions; a concept practised but never reviewed gets FSRS state by replaying its answers in time
 * order, exactly as a practice answer rates it today, so the one mastery model covers it too.
 */
export function adoptLegacy(record: LearnerRecord, parts: LegacyParts, dayOf: (d: Date) => DayKey = (d) => dayKey(d)): LearnerRecord {
  let next: LearnerRecord = { ...record };
  if (parts.review) {
    const r = parts.review.data;
    const history: HistoryEntry[] = r.history.map((h) => ({ ...h, source: h.type === 'concept' ? 'review' : 'interview' }));
    next = {
      ...next,
      settings: r.settings,
      concepts: { ...r.concepts, ...next.concepts } as Record<string, ItemState>,
      cards: { ...r.cards, ...next.cards } as Record<string, ItemState>,
      history: mergeBy(next.history, history, (h) => `${h.at}|${h.type}|${h.id}|${h.source}`, (h) => h.at, HISTORY_LIMIT),
    };
  }
  if (parts.progress) {
    const p = parts.progress;
    const attempts: AttemptRecord[] = p.attempts.map((a) => ({ ...a, source: 'practice' }));
    const replay = attempts.filter((a) => a.concepts.some((c) => !next.concepts[c]));
    const fresh = new Set(replay.flatMap((a) => a.concepts).filter((c) => !next.concepts[c]));
    next = {
      ...next,
      attempts: mergeBy(next.attempts, attempts, (a) => `${a.at}|${a.questionId}`, (a) => a.at, MAX_ATTEMPTS),
      sessions: mergeBy<SessionRecord>(next.sessions, p.sessions, (s) => `${s.at}|${s.seed}`, (s) => s.at, MAX_SESSIONS),
    };
    for (const a of [...replay].sort((x, y) => (x.at < y.at ? -1 : 1))) {
      const at = new Date(a.at);
      for (const id of new Set(a.concepts)) {
        if (!fresh.has(id)) continue;
        next = recordReview(next, { type: 'concept', id, rating: answerRating(a.score, a.ms), now: at, day: dayOf(at), score: a.score, seed: a.seed, kind: a.kind, source: 'practice' });
      }
    }
    next = { ...next, history: [...next.history].sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0)) };
  }
  if (parts.drills) next = { ...next, drills: { ...parts.drills, ...next.drills } };
  return next;
}

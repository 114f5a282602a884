/**
 * The versioned, exportable progress format (kept in the browser; no account). Version 1. Every field is
 * validated on import, and every failing field is reported with its path.
 */
import { z } from '@/lib/validation/zod';
import { CONCEPT_IDS, DIFFICULTIES, QUESTION_KINDS } from '@/lib/scenarios';

export const PROGRESS_FORMAT = 'service-traffic-trainer/progress';
export const PROGRESS_VERSION = 1;
/** Attempts kept (oldest dropped first); concept mastery keeps the full history in its counters. */
export const MAX_ATTEMPTS = 500;
export const MAX_SESSIONS = 100;

const iso = z.iso.datetime({ error: 'must be an ISO 8601 date-time such as 2026-11-25T08:00:00.000Z' });
const score = z.number().min(0).max(1);

export const attemptSchema = z.strictObject({
  questionId: z.string().min(1).max(300),
  kind: z.enum(QUESTION_KINDS),
  difficulty: z.enum(DIFFICULTIES),
  seed: z.string().min(1).max(200),
  score,
  at: iso,
  ms: z.number().int().min(0),
  concepts: z.array(z.enum(CONCEPT_IDS)),
  misconception: z.string().max(100).nullable(),
});
export type AttemptRecord = z.infer<typeof attemptSchema>;

export const conceptMasterySchema = z.strictObject({
  attempts: z.number().int().min(0),
  correct: z.number().int().min(0),
  /** Consecutive fully correct answers on fresh questions (PrairieLearn-style mastery). */
  streak: z.number().int().min(0),
  /** Exponentially weighted score, 0..1. */
  level: score,
  lastSeen: iso.nullable(),
  mastered: z.boolean(),
});
export type ConceptMastery = z.infer<typeof conceptMasterySchema>;

export const sessionRecordSchema = z.strictObject({
  seed: z.string().min(1).max(200),
  difficulty: z.enum(DIFFICULTIES),
  kinds: z.array(z.enum(QUESTION_KINDS)).min(1),
  count: z.number().int().min(1),
  score: z.number().min(0),
  at: iso,
  ms: z.number().int().min(0),
});
export type SessionRecord = z.infer<typeof sessionRecordSchema>;

export const progressSchema = z.strictObject({
  format: z.literal(PROGRESS_FORMAT),
  version: z.literal(PROGRESS_VERSION),
  attempts: z.array(attemptSchema).max(MAX_ATTEMPTS * 2),
  concepts: z.partialRecord(z.enum(CONCEPT_IDS), conceptMasterySchema),
  sessions: z.array(sessionRecordSchema).max(MAX_SESSIONS * 2),
});
export type Progress = z.infer<typeof progressSchema>;

/**
 * The drills schema: a drill (what the instructor set), its attempts (one per student try), each attempt's
 * questions, and answers (one row per attempt and question — the primary key is what makes a repeated answer
 * store once). Secrets (manage and attempt tokens) are stored only as SHA-256 hashes. JSON columns are typed
 * here and checked with zod when read (lib/drills/stored.ts).
 */
import { sql } from 'drizzle-orm';
import type { GradedResult } from '@/lib/grading';
import type { Difficulty, Question, QuestionKind } from '@/lib/scenarios';
import type { RevealPolicy, VariantMode } from '@/lib/drills/schemas';
import { doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const drills = pgTable('drills', {
  id: text('id').primaryKey(),
  code: text('code').notNull().unique(),
  title: text('title').notNull(),
  kinds: jsonb('kinds').$type<QuestionKind[]>().notNull(),
  difficulty: text('difficulty').$type<Difficulty>().notNull(),
  questionCount: integer('question_count').notNull(),
  timeLimitSeconds: integer('time_limit_seconds'),
  opensAt: tz('opens_at'),
  closesAt: tz('closes_at'),
  attemptsAllowed: integer('attempts_allowed').notNull(),
  revealPolicy: text('reveal_policy').$type<RevealPolicy>().notNull(),
  variantMode: text('variant_mode').$type<VariantMode>().notNull(),
  /**
   * The drill's secret: every question seed is an HMAC under it (lib/drills/questions.ts), so it never leaves
   * the server. 256 random bits for new drills (older ones: 96).
   */
  seed: text('seed').notNull(),
  manageTokenHash: text('manage_token_hash').notNull(),
  /** Set when the instructor closes the drill by hand; null again on reopen. */
  closedAt: tz('closed_at'),
  createdAt: tz('created_at').notNull().default(sql`now()`),
});

export const attempts = pgTable(
  'attempts',
  {
    id: text('id').primaryKey(),
    drillId: text('drill_id')
      .notNull()
      .references(() => drills.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** Case- and space-folded name: attempts of different students under the same name are flagged to the instructor. */
    nameKey: text('name_key').notNull(),
    /** One student's attempts share it: the id of their first attempt (a retake carries it on). */
    studentId: text('student_id').notNull(),
    /** 1 for a student's first attempt, then one more per retake (at most the drill's attemptsAllowed). */
    attemptNumber: integer('attempt_number').notNull(),
    tokenHash: text('token_hash').notNull(),
    seed: text('seed').notNull(),
    startedAt: tz('started_at').notNull().default(sql`now()`),
    /** Time limit and close time folded together; answers after it are refused. Null: no limit. */
    deadline: tz('deadline'),
    submittedAt: tz('submitted_at'),
    /** When a response first revealed grading to this attempt; from then on its answers are final. */
    keySeenAt: tz('key_seen_at'),
    /** When the instructor reopened the drill letting attempts that had seen their key change answers again. */
    answersReopenedAt: tz('answers_reopened_at'),
  },
  (t) => [
    uniqueIndex('attempts_student_number').on(t.drillId, t.studentId, t.attemptNumber),
    index('attempts_drill').on(t.drillId),
  ],
);

/**
 * The questions of an attempt in order: each one's spec, and the generated question with its answer key,
 * written once when the attempt starts so grading never regenerates it. Server-only data: the DAL sends only
 * `studentQuestion` of it. `question` is null only for attempts started before it was stored (migration 0003);
 * those are regenerated from the spec.
 */
export const attemptQuestions = pgTable(
  'attempt_questions',
  {
    attemptId: text('attempt_id')
      .notNull()
      .references(() => attempts.id, { onDelete: 'cascade' }),
    questionId: text('question_id').notNull(),
    position: integer('position').notNull(),
    kind: text('kind').$type<QuestionKind>().notNull(),
    difficulty: text('difficulty').$type<Difficulty>().notNull(),
    /** The question's seed: the instructor's CSV shows it (it opens this one question only). */
    seed: text('seed').notNull(),
    question: jsonb('question').$type<Question>(),
  },
  (t) => [primaryKey({ columns: [t.attemptId, t.questionId] })],
);

export const answers = pgTable(
  'answers',
  {
    attemptId: text('attempt_id')
      .notNull()
      .references(() => attempts.id, { onDelete: 'cascade' }),
    questionId: text('question_id').notNull(),
    position: integer('position').notNull(),
    /** The raw answer as canonical JSON text (sorted keys): equal answers compare equal as strings. */
    answer: text('answer').notNull(),
    score: doublePrecision('score').notNull(),
    misconceptionId: text('misconception_id'),
    misconceptionLabel: text('misconception_label'),
    /** The grader's full result; revealed to the student only when the drill's policy allows. */
    result: jsonb('result').$type<GradedResult>().notNull(),
    revisions: integer('revisions').notNull().default(0),
    createdAt: tz('created_at').notNull().default(sql`now()`),
    updatedAt: tz('updated_at').notNull().default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.attemptId, t.questionId] })],
);

/**
 * Abuse limits as fixed-window counters, in the database so every app server counts the same hits.
 * One row per rule and client (`key`); `window_start` is the start of the current window.
 */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').primaryKey(),
    windowStart: tz('window_start').notNull(),
    hits: integer('hits').notNull(),
    /** When the row may be deleted (the end of its window). */
    expiresAt: tz('expires_at').notNull(),
  },
  (t) => [index('rate_limits_expires').on(t.expiresAt)],
);

export type DrillRow = typeof drills.$inferSelect;
export type NewDrillRow = typeof drills.$inferInsert;
export type AttemptRow = typeof attempts.$inferSelect;
export type AnswerRow = typeof answers.$inferSelect;
export type AttemptQuestionRow = typeof attemptQuestions.$inferSelect;

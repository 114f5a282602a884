import { z } from 'zod';
import { DIFFICULTIES, QUESTION_KINDS } from '@/lib/scenarios/types';

/**
 * Boundary schemas for drills: what the instructor form, the JSON API and route params may contain.
 * Parsed once at the edge; the DAL trusts the resulting types.
 */
export const REVEAL_POLICIES = ['after-answer', 'after-submit', 'after-close', 'never'] as const;
export type RevealPolicy = (typeof REVEAL_POLICIES)[number];
export const VARIANT_MODES = ['same', 'per-student'] as const;
export type VariantMode = (typeof VARIANT_MODES)[number];

export const LIMITS = {
  titleMax: 120,
  nameMax: 60,
  questionsMax: 50,
  attemptsMax: 20,
  timeLimitMaxMinutes: 600,
  /** JSON bodies bigger than this are refused with 413 before parsing. */
  bodyBytes: 16 * 1024,
} as const;

/** Printable text: no control characters (names and titles are shown to other people). */
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'Required')
    .max(max, `At most ${max} characters`)
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'Must not contain control characters');

const isoDate = z.iso.datetime({ offset: true, message: 'An ISO 8601 date-time with a time zone, e.g. 2026-11-25T09:00:00Z' });

export const createDrillSchema = z
  .object({
    title: text(LIMITS.titleMax),
    kinds: z
      .array(z.enum(QUESTION_KINDS))
      .min(1, 'Choose at least one question kind')
      .refine((k) => new Set(k).size === k.length, 'Each kind at most once'),
    difficulty: z.enum(DIFFICULTIES),
    count: z.number().int().min(1).max(LIMITS.questionsMax),
    /** Minutes; null or absent: no limit. */
    timeLimitMinutes: z.number().int().min(1).max(LIMITS.timeLimitMaxMinutes).nullable().default(null),
    opensAt: isoDate.nullable().default(null),
    closesAt: isoDate.nullable().default(null),
    attemptsAllowed: z.number().int().min(1).max(LIMITS.attemptsMax).default(1),
    revealPolicy: z.enum(REVEAL_POLICIES).default('after-submit'),
    variant: z.enum(VARIANT_MODES).default('same'),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.opensAt && v.closesAt && Date.parse(v.closesAt) <= Date.parse(v.opensAt)) {
      ctx.addIssue({ code: 'custom', path: ['closesAt'], message: 'Must be after opensAt' });
    }
  });
export type CreateDrillInput = z.output<typeof createDrillSchema>;

export const joinSchema = z.object({ name: text(LIMITS.nameMax) }).strict();

/** A raw answer as the question UI sends it: one string per response field. */
export const answerSchema = z
  .object({
    questionId: z.string().min(1).max(100),
    answer: z.record(z.string().max(100), z.string().max(500)),
  })
  .strict();
export type AnswerInput = z.output<typeof answerSchema>;

export const manageUpdateSchema = z.object({ closed: z.boolean() }).strict();

/** Route params. Untrusted until the DAL finds the row (hence `unsafe…` names where they are used). */
export const joinCodeSchema = z.string().regex(/^[A-HJ-NP-Z2-9]{6}$/, 'A join code is 6 letters and digits');
export const attemptIdSchema = z.uuid('Not an attempt id');

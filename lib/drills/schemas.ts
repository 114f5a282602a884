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

/** Dates a drill can use; outside them (year 0000, +10000 after a zone shift) the database would refuse the value. */
export const DATE_RANGE = { min: Date.parse('2000-01-01T00:00:00Z'), max: Date.parse('9999-12-31T23:59:59Z') } as const;

const isoDate = z.iso
  .datetime({ offset: true, message: 'An ISO 8601 date-time with a time zone, e.g. 2026-11-25T09:00:00Z' })
  .refine((s) => {
    const t = Date.parse(s);
    return t >= DATE_RANGE.min && t <= DATE_RANGE.max;
  }, 'Must be between 2000-01-01 and 9999-12-31 (UTC)');

/** Format characters that reorder text (bidi embeddings, overrides, isolates and marks): a name could pose as another. */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
/** Characters that show nothing: zero-width spaces and joiners, soft hyphens, variation selectors, tags, fillers. */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\u115f\u1160\u3164\uffa0]/gu;

/**
 * A display name: NFKC-normalised (full-width and compatibility forms fold to one spelling), trimmed, inner
 * whitespace collapsed. Refused: control characters, text-direction controls, and names with nothing visible.
 */
export const personName = z
  .string()
  .transform((s) => s.normalize('NFKC').replace(/\s+/gu, ' ').trim())
  .pipe(
    z
      .string()
      .min(1, 'Required')
      .max(LIMITS.nameMax, `At most ${LIMITS.nameMax} characters`)
      .refine((s) => !/\p{Cc}/u.test(s), 'Must not contain control characters')
      .refine((s) => !BIDI_CONTROLS.test(s), 'Must not contain text-direction control characters')
      .refine((s) => s.replace(INVISIBLE, '').replace(/\s/gu, '') !== '', 'Must contain visible characters'),
  );

/**
 * The name's identity for "attempts per name": NFKC, invisible characters removed, whitespace collapsed, case
 * folded — so "Ada", "ＡＤＡ" and "A\u200bda" are one student and cannot be used to dodge the limit.
 */
export function nameKey(name: string): string {
  return name.normalize('NFKC').replace(INVISIBLE, '').normalize('NFKC').replace(/\s+/gu, ' ').trim().toLowerCase();
}

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

export const joinSchema = z.object({ name: personName }).strict();

/** A raw answer as the question UI sends it: one string per response field. */
export const answerSchema = z
  .object({
    questionId: z.string().min(1).max(100),
    answer: z.record(z.string().max(100), z.string().max(500)),
  })
  .strict();
export type AnswerInput = z.output<typeof answerSchema>;

/**
 * Close or reopen. `reopenAttempts: true` (only with `closed: false`) also lets attempts that have seen their
 * key change answers again; without it they stay final and only everyone else continues.
 */
export const manageUpdateSchema = z
  .object({ closed: z.boolean(), reopenAttempts: z.boolean().default(false) })
  .strict()
  .superRefine((v, ctx) => {
    if (v.closed && v.reopenAttempts) ctx.addIssue({ code: 'custom', path: ['reopenAttempts'], message: 'Only with closed: false' });
  });
export type ManageUpdateInput = z.output<typeof manageUpdateSchema>;

/** Route params. Untrusted until the DAL finds the row (hence `unsafe…` names where they are used). */
export const joinCodeSchema = z.string().regex(/^[A-HJ-NP-Z2-9]{6}$/, 'A join code is 6 letters and digits');
export const attemptIdSchema = z.uuid('Not an attempt id');

import 'server-only';
import { z } from 'zod';
import type { GradedResult } from '@/lib/grading';
import type { ScenarioInput } from '@/lib/engine';
import { CONCEPT_IDS, DIFFICULTIES, FIX_GOALS, MISCONCEPTIONS, QUESTION_KINDS, type Misconception, type MisconceptionId, type Question, type QuestionKind } from '@/lib/scenarios';

/**
 * What the drills tables keep as JSON, checked when it is read back: the column types (`$type<…>()` in
 * lib/db/schema.ts) say what was written; these schemas make sure that is what came back, and report the path
 * of anything else instead of letting it travel on as a wrong type. Objects keep keys they do not list
 * (`looseObject`), so a field added to a question or a grade later is not lost on the way through.
 */
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The scenario is the engine's input, checked by the engine whenever it runs (an API-validation question holds an invalid one on purpose). */
const scenario = z.custom<ScenarioInput>(isRecord, 'Expected a scenario object');
const misconceptionId = z.custom<MisconceptionId>((v) => typeof v === 'string' && Object.hasOwn(MISCONCEPTIONS, v), 'Unknown misconception');

const condition = z.object({ field: z.string(), oneOf: z.array(z.string()) });
const fieldBase = { name: z.string(), label: z.string(), when: condition.optional() };
const responseField = z.discriminatedUnion('type', [
  z.looseObject({ ...fieldBase, type: z.literal('choice'), options: z.array(z.object({ value: z.string(), label: z.string() })) }),
  z.looseObject({ ...fieldBase, type: z.literal('share') }),
  z.looseObject({ ...fieldBase, type: z.literal('integer'), min: z.number(), max: z.number() }),
  z.looseObject({ ...fieldBase, type: z.literal('ip') }),
]);
const change = z.discriminatedUnion('action', [
  z.object({ action: z.literal('policy'), policy: z.enum(['Cluster', 'Local']) }),
  z.object({ action: z.literal('move'), pod: z.string(), node: z.string() }),
  z.object({ action: z.literal('replicas'), replicas: z.number() }),
  z.object({ action: z.literal('spread') }),
]);

export const storedKinds = z.array(z.enum(QUESTION_KINDS)).min(1);

export const storedQuestion: z.ZodType<Question> = z.looseObject({
  id: z.string(),
  spec: z.object({ kind: z.enum(QUESTION_KINDS), difficulty: z.enum(DIFFICULTIES), seed: z.string() }),
  title: z.string(),
  prompt: z.string(),
  scenario,
  response: z.looseObject({ fields: z.array(responseField) }),
  concepts: z.array(z.enum(CONCEPT_IDS)),
  key: z.looseObject({
    fields: z.array(
      z.looseObject({
        field: z.string(),
        expected: z.string(),
        display: z.string(),
        alternatives: z.array(z.object({ value: z.string(), misconception: misconceptionId })),
      }),
    ),
    steps: z.array(z.string()),
    explanation: z.string(),
    fixIt: z.object({ goal: z.enum(FIX_GOALS), witness: change, counterexample: change }).nullable(),
  }),
});

const misconception: z.ZodType<Misconception> = z.looseObject({ id: misconceptionId, label: z.string(), explanation: z.string() });

export const storedGrade: z.ZodType<GradedResult> = z.looseObject({
  status: z.literal('graded'),
  score: z.number().min(0).max(1),
  parts: z.array(z.looseObject({ field: z.string(), score: z.number(), expected: z.string(), given: z.string() })),
  misconception: misconception.nullable(),
  feedback: z.string(),
  expected: z.string(),
  steps: z.array(z.string()),
});

/** A stored answer: the canonical JSON text of one string per field. */
export const storedAnswer = z.record(z.string(), z.string());

/** Parses `value` read from `column`; a mismatch is a corrupt row, reported with the column and the path. */
export function readStored<T>(schema: z.ZodType<T>, value: unknown, column: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const where = parsed.error.issues.map((i) => `${[column, ...i.path.map(String)].join('.')}: ${i.message}`).join('; ');
  throw new Error(`Stored drill data does not have the expected shape: ${where}`);
}

export type { QuestionKind };

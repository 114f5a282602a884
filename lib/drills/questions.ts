import 'server-only';
import { createHmac } from 'node:crypto';
import { generateQuestion, sessionSpecs, toPublicQuestion } from '@/lib/scenarios';
import type { Difficulty, PublicQuestion, Question, QuestionKind } from '@/lib/scenarios';
import type { VariantMode } from './schemas';

/**
 * The questions of an attempt. They are generated once when the attempt starts and stored with their keys
 * (server-side only, table attempt_questions), so grading never regenerates them; the browser only ever
 * gets `studentQuestion(q)`.
 *
 * Seeds never leave the server. The generator is public and deterministic, so whoever holds a question's seed
 * holds its key. Every seed is therefore an HMAC-SHA256 under the drill's secret (`drills.seed`, 256 random
 * bits made when the drill is created): the session seed from the drill secret and the variant scope, each
 * question's seed from the session seed and its position. The secret lives in the database rather than in an
 * environment variable because every app server already shares the database — nothing to configure or to
 * keep equal across servers, no deployment-wide key whose leak would open every drill, and nothing
 * changes for existing drills. A leaked question seed (the instructor's CSV) opens that one question only.
 */

/** A seed nobody without `secret` can compute: HMAC-SHA256 over the parts, base64url. */
export function deriveSeed(secret: string, ...parts: string[]): string {
  const mac = createHmac('sha256', secret);
  for (const part of parts) mac.update(`${part.length}:${part};`, 'utf8');
  return mac.digest('base64url');
}

/** The session seed of one attempt: shared by the class (`same`) or its own (`per-student`). */
export function attemptSeed(drillSecret: string, variant: VariantMode, attemptId: string): string {
  return deriveSeed(drillSecret, 'session', variant === 'per-student' ? `attempt:${attemptId}` : 'same');
}

/** Question ids inside a drill are positional ("q1", "q2", …): stable, short, opaque, unique within an attempt. */
export function questionIdAt(position: number): string {
  return `q${position + 1}`;
}

/**
 * The questions of a session seed: kinds in the order `sessionSpecs` draws, each question from its own
 * derived seed (so one known question seed does not give the others).
 */
export function drawQuestions(o: { seed: string; kinds: QuestionKind[]; difficulty: Difficulty; count: number }): Question[] {
  const specs = sessionSpecs(o).map((spec, i) => ({ ...spec, seed: deriveSeed(o.seed, 'question', String(i + 1)) }));
  return specs.map((spec, i) => ({ ...generateQuestion(spec), id: questionIdAt(i) }));
}

/**
 * A drill question as a student receives it: only what the question shows. No spec (its seed rebuilds the
 * key with the public generator) and an opaque positional id.
 */
export type DrillQuestion = Omit<PublicQuestion, 'spec'>;

export function studentQuestion(q: Question): DrillQuestion {
  const { spec: _spec, ...shown } = toPublicQuestion(q);
  return shown;
}

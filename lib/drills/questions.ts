import 'server-only';
import { generateQuestion, generateSession, toPublicQuestion } from '@/lib/scenarios';
import type { Difficulty, PublicQuestion, Question, QuestionKind, QuestionSpec } from '@/lib/scenarios';
import type { StoredQuestionRef } from '@/lib/db';

/**
 * The questions of an attempt. An attempt stores only specs (a spec fully determines a question), so the
 * key is recomputed on the server when grading and is never stored with, or sent to, the student.
 */

/** Question ids inside a drill are positional ("q1", "q2", …): stable, short, and unique within an attempt. */
export function questionIdAt(position: number): string {
  return `q${position + 1}`;
}

export function drawQuestionRefs(o: { seed: string; kinds: QuestionKind[]; difficulty: Difficulty; count: number }): StoredQuestionRef[] {
  return generateSession(o).map((q, i) => ({ id: questionIdAt(i), spec: { ...q.spec } }));
}

// Grading regenerates questions on every answer; a bounded cache keeps that off the hot path.
const CACHE_LIMIT = 5000;
const cache = new Map<string, Question>();

export function questionFor(ref: StoredQuestionRef): Question {
  const key = `${ref.spec.kind}\u0000${ref.spec.difficulty}\u0000${ref.spec.seed}`;
  let q = cache.get(key);
  if (!q) {
    q = generateQuestion(ref.spec as QuestionSpec);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(key, q);
  }
  return q;
}

/** The browser-safe question, renamed to its position id. */
export function publicQuestionFor(ref: StoredQuestionRef): PublicQuestion {
  return { ...toPublicQuestion(questionFor(ref)), id: ref.id };
}

import 'server-only';
import { generateSession, toPublicQuestion } from '@/lib/scenarios';
import type { Difficulty, PublicQuestion, Question, QuestionKind } from '@/lib/scenarios';
import type { StoredQuestionRef } from '@/lib/db';

/**
 * The questions of an attempt. They are generated once when the attempt starts and stored with their keys
 * (server-side only, table attempt_questions), so grading never regenerates them; the browser only ever
 * gets `publicQuestion(q)`.
 */

/** Question ids inside a drill are positional ("q1", "q2", …): stable, short, and unique within an attempt. */
export function questionIdAt(position: number): string {
  return `q${position + 1}`;
}

export function drawQuestions(o: { seed: string; kinds: QuestionKind[]; difficulty: Difficulty; count: number }): {
  refs: StoredQuestionRef[];
  questions: Question[];
} {
  const questions = generateSession(o).map((q, i) => ({ ...q, id: questionIdAt(i) }));
  return { refs: questions.map((q) => ({ id: q.id, spec: { ...q.spec } })), questions };
}

export function publicQuestion(q: Question): PublicQuestion {
  return toPublicQuestion(q);
}

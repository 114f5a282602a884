import { asc, eq } from 'drizzle-orm';
import { tables, type Database } from '@/lib/db';
import { storedQuestion } from '@/lib/drills/stored';
import type { Question, QuestionSpec } from '@/lib/scenarios';

async function rowsOf(db: Database, attemptId: string) {
  return db.select().from(tables.attemptQuestions).where(eq(tables.attemptQuestions.attemptId, attemptId)).orderBy(asc(tables.attemptQuestions.position));
}

/** An attempt's questions with their keys, as the server stored them, in order (students never receive a seed). */
export async function storedQuestions(db: Database, attemptId: string): Promise<{ id: string; q: Question }[]> {
  return (await rowsOf(db, attemptId)).map((row) => ({ id: row.questionId, q: storedQuestion.parse(row.question) }));
}

/** An attempt's question specs (kind, difficulty, seed) in order, as stored beside each question. */
export async function storedSpecs(db: Database, attemptId: string): Promise<{ id: string; spec: QuestionSpec }[]> {
  return (await rowsOf(db, attemptId)).map((row) => ({ id: row.questionId, spec: { kind: row.kind, difficulty: row.difficulty, seed: row.seed } }));
}

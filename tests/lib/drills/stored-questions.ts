import { asc, eq } from 'drizzle-orm';
import { tables, type Database } from '@/lib/db';
import type { Question } from '@/lib/scenarios';

/** An attempt's questions with their keys, as the server stored them, in order (students never receive a seed). */
export async function storedQuestions(db: Database, attemptId: string): Promise<{ id: string; q: Question }[]> {
  const rows = await db
    .select()
    .from(tables.attemptQuestions)
    .where(eq(tables.attemptQuestions.attemptId, attemptId))
    .orderBy(asc(tables.attemptQuestions.position));
  return rows.map((row) => ({ id: row.questionId, q: row.question as Question }));
}

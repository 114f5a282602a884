import 'server-only';
import type { Database, DrillRow } from '@/lib/db';
import { toCsv, type CsvRecord } from './csv';
import { buildGradebook, loadGradebookRows } from './gradebook';

/** The gradebook as CSV records: one per attempt and question, unanswered questions with empty cells. */
export async function gradebookCsv(db: Database, drill: DrillRow, now = new Date()): Promise<string> {
  const { attemptRows, answerRows } = await loadGradebookRows(db, drill);
  const answerText = new Map(answerRows.map((a) => [`${a.attemptId}\u0000${a.questionId}`, a.answer]));
  const book = buildGradebook(drill, attemptRows, answerRows, now);
  function* records(): Generator<CsvRecord> {
    for (const s of book.students) {
      for (const c of s.cells) {
        yield {
          drill: drill.code,
          student: s.name,
          attempt: s.attemptNumber,
          status: s.status,
          question: c.questionId,
          kind: c.kind,
          difficulty: drill.difficulty,
          seed: c.seed,
          answer: answerText.get(`${s.attemptId}\u0000${c.questionId}`) ?? null,
          score: c.score,
          misconception: c.misconception?.id ?? null,
          misconception_label: c.misconception?.label ?? null,
        };
      }
    }
  }
  return toCsv(records());
}

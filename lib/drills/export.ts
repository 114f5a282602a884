import 'server-only';
import type { Database, DrillRow } from '@/lib/db';
import { toCsv, type CsvRecord } from './csv';
import { buildGradebook, loadGradebookRows } from './gradebook';

/**
 * The gradebook as CSV records: one per attempt and question, unanswered questions with empty cells. Students
 * who gave the same name are told apart by `same_name` ("2 of 2") and every row carries its attempt id.
 */
export async function gradebookCsv(db: Database, drill: DrillRow, now = new Date()): Promise<string> {
  const { attemptRows, questionRows, answerRows } = await loadGradebookRows(db, drill);
  const answerText = new Map(answerRows.map((a) => [`${a.attemptId}\u0000${a.questionId}`, a.answer]));
  const book = buildGradebook(drill, attemptRows, questionRows, answerRows, now);
  function* records(): Generator<CsvRecord> {
    for (const s of book.students) {
      for (const c of s.cells) {
        yield {
          drill: drill.code,
          student: s.name,
          same_name: s.sameName ? `${s.sameName.index} of ${s.sameName.of}` : null,
          attempt: s.attemptNumber,
          attempt_id: s.attemptId,
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

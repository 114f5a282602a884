import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { tables, type Database, type DrillRow } from '@/lib/db';
import { toManagedDrill, type ManagedDrill } from './drills';
import { pastDeadline } from './policy';
import { sameNames, type SameName } from './same-name';

export { studentLabel, type SameName } from './same-name';
import { questionIdAt } from './questions';

/**
 * The instructor's view of a drill: one row per attempt with every question's score, and per-question
 * statistics with the most common misconception. `buildGradebook` is pure (rows in, DTO out).
 * Students are told apart by attempt, not by name: when different students typed the same name (folded as
 * `nameKey` folds it), each row says which of them it is (`sameName`), so "Dana" and "Dana" stay two people.
 */
export type AttemptStatus = 'in-progress' | 'submitted' | 'timed-out';

export interface GradebookCell {
  questionId: string;
  kind: string;
  seed: string;
  answered: boolean;
  score: number | null;
  misconception: { id: string; label: string } | null;
}

export interface GradebookStudent {
  attemptId: string;
  /** The same for every attempt of one student (their first attempt's id). */
  studentId: string;
  name: string;
  /** Null when no other student gave the same name; else which of them this is ("Dana (2)"). */
  sameName: SameName | null;
  attemptNumber: number;
  status: AttemptStatus;
  startedAt: string;
  submittedAt: string | null;
  /** Seconds from start to submit (or to the last answer while in progress). */
  seconds: number;
  answered: number;
  /** Mean over all questions, unanswered counting 0: 0..1. */
  score: number;
  /** When the student was first shown the key (from then on the answers are final); null: never. */
  keySeenAt: string | null;
  /** When the instructor reopened the drill letting this attempt change answers after seeing its key; null: never. */
  answersReopenedAt: string | null;
  cells: GradebookCell[];
}

export interface QuestionStats {
  position: number;
  questionId: string;
  kinds: string[];
  answered: number;
  meanScore: number | null;
  correct: number;
  topMisconception: { id: string; label: string; count: number } | null;
}

export interface Gradebook {
  drill: ManagedDrill;
  students: GradebookStudent[];
  questions: QuestionStats[];
  generatedAt: string;
}

export interface GradebookAttemptRow {
  id: string;
  studentId: string;
  name: string;
  nameKey: string;
  attemptNumber: number;
  startedAt: Date;
  submittedAt: Date | null;
  deadline: Date | null;
  keySeenAt: Date | null;
  answersReopenedAt: Date | null;
}
/** One question of one attempt: what the gradebook shows of it (never the question itself). */
export interface GradebookQuestionRow {
  attemptId: string;
  questionId: string;
  kind: string;
  seed: string;
}
export interface GradebookAnswerRow {
  attemptId: string;
  questionId: string;
  answer: string;
  score: number;
  misconceptionId: string | null;
  misconceptionLabel: string | null;
  updatedAt: Date;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

export function buildGradebook(
  drill: DrillRow,
  attemptRows: GradebookAttemptRow[],
  questionRows: GradebookQuestionRow[],
  answerRows: GradebookAnswerRow[],
  now: Date,
): Gradebook {
  const byAttempt = new Map<string, Map<string, GradebookAnswerRow>>();
  for (const a of answerRows) {
    let m = byAttempt.get(a.attemptId);
    if (!m) byAttempt.set(a.attemptId, (m = new Map()));
    m.set(a.questionId, a);
  }
  const questionsOf = groupBy(questionRows, (q) => q.attemptId);
  const duplicates = sameNames(attemptRows);
  const students = attemptRows.map((t): GradebookStudent => {
    const mine = byAttempt.get(t.id) ?? new Map<string, GradebookAnswerRow>();
    const questions = questionsOf.get(t.id) ?? [];
    let sum = 0;
    let last = t.startedAt.getTime();
    const cells = questions.map((ref): GradebookCell => {
      const a = mine.get(ref.questionId);
      if (a) {
        sum += a.score;
        last = Math.max(last, a.updatedAt.getTime());
      }
      return {
        questionId: ref.questionId,
        kind: ref.kind,
        seed: ref.seed,
        answered: !!a,
        score: a ? a.score : null,
        misconception: a?.misconceptionId ? { id: a.misconceptionId, label: a.misconceptionLabel ?? a.misconceptionId } : null,
      };
    });
    const status: AttemptStatus = t.submittedAt ? 'submitted' : pastDeadline(t.deadline, now) ? 'timed-out' : 'in-progress';
    const end = t.submittedAt?.getTime() ?? (status === 'timed-out' ? Math.min(last, t.deadline!.getTime()) : last);
    return {
      attemptId: t.id,
      studentId: t.studentId,
      name: t.name,
      sameName: duplicates.get(t.studentId) ?? null,
      attemptNumber: t.attemptNumber,
      status,
      startedAt: t.startedAt.toISOString(),
      submittedAt: t.submittedAt?.toISOString() ?? null,
      seconds: Math.max(0, Math.round((end - t.startedAt.getTime()) / 1000)),
      answered: mine.size,
      score: questions.length ? sum / questions.length : 0,
      keySeenAt: t.keySeenAt?.toISOString() ?? null,
      answersReopenedAt: t.answersReopenedAt?.toISOString() ?? null,
      cells,
    };
  });

  const questions: QuestionStats[] = Array.from({ length: drill.questionCount }, (_, position) => {
    const kinds = new Set<string>();
    const misconceptions = new Map<string, { id: string; label: string; count: number }>();
    let answered = 0;
    let total = 0;
    let correct = 0;
    let questionId = questionIdAt(position);
    for (const s of students) {
      const cell = s.cells[position];
      if (!cell) continue;
      questionId = cell.questionId;
      kinds.add(cell.kind);
      if (!cell.answered || cell.score == null) continue;
      answered++;
      total += cell.score;
      if (cell.score >= 1) correct++;
      if (cell.misconception) {
        const m = misconceptions.get(cell.misconception.id) ?? { ...cell.misconception, count: 0 };
        m.count++;
        misconceptions.set(m.id, m);
      }
    }
    // Ties go to the misconception id that sorts first, so the figure does not flicker between polls.
    const top = [...misconceptions.values()].sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1))[0] ?? null;
    return { position, questionId, kinds: [...kinds].sort(), answered, meanScore: answered ? total / answered : null, correct, topMisconception: top };
  });

  return { drill: toManagedDrill(drill, now), students, questions, generatedAt: now.toISOString() };
}

export async function loadGradebookRows(db: Database, drill: DrillRow) {
  const attemptRows = await db
    .select({
      id: tables.attempts.id,
      studentId: tables.attempts.studentId,
      name: tables.attempts.name,
      nameKey: tables.attempts.nameKey,
      attemptNumber: tables.attempts.attemptNumber,
      startedAt: tables.attempts.startedAt,
      submittedAt: tables.attempts.submittedAt,
      deadline: tables.attempts.deadline,
      keySeenAt: tables.attempts.keySeenAt,
      answersReopenedAt: tables.attempts.answersReopenedAt,
    })
    .from(tables.attempts)
    .where(eq(tables.attempts.drillId, drill.id))
    .orderBy(asc(tables.attempts.startedAt), asc(tables.attempts.id));
  const questionRows = await db
    .select({
      attemptId: tables.attemptQuestions.attemptId,
      questionId: tables.attemptQuestions.questionId,
      kind: tables.attemptQuestions.kind,
      seed: tables.attemptQuestions.seed,
    })
    .from(tables.attemptQuestions)
    .innerJoin(tables.attempts, eq(tables.attempts.id, tables.attemptQuestions.attemptId))
    .where(eq(tables.attempts.drillId, drill.id))
    .orderBy(asc(tables.attemptQuestions.attemptId), asc(tables.attemptQuestions.position));
  const answerRows = await db
    .select({
      attemptId: tables.answers.attemptId,
      questionId: tables.answers.questionId,
      answer: tables.answers.answer,
      score: tables.answers.score,
      misconceptionId: tables.answers.misconceptionId,
      misconceptionLabel: tables.answers.misconceptionLabel,
      updatedAt: tables.answers.updatedAt,
    })
    .from(tables.answers)
    .innerJoin(tables.attempts, eq(tables.attempts.id, tables.answers.attemptId))
    .where(eq(tables.attempts.drillId, drill.id));
  return { attemptRows, questionRows, answerRows };
}

export async function loadGradebook(db: Database, drill: DrillRow, now = new Date()): Promise<Gradebook> {
  const { attemptRows, questionRows, answerRows } = await loadGradebookRows(db, drill);
  return buildGradebook(drill, attemptRows, questionRows, answerRows, now);
}

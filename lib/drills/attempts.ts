import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, isNull, lte, max, or, sql } from 'drizzle-orm';
import { resultRows, tables, type AnswerRow, type AttemptRow, type Database, type DrillRow } from '@/lib/db';
import { answerIssues, gradeAnswer } from '@/lib/grading';
import type { GradeResult } from '@/lib/grading';
import { generateQuestion, type Question, type RawAnswer } from '@/lib/scenarios';
import { DrillError } from './errors';
import { findDrillLimited, toPublicDrill, type PublicDrill } from './drills';
import { answersAreFinal, attemptDeadline, drillPhase, keyStillSeen, mayReveal, revealContext, writeRefusal, type WriteRefusal } from './policy';
import { attemptSeed, drawQuestions, studentQuestion, type DrillQuestion } from './questions';
import { attemptQuestionsCached, cacheQuestions, knownAttempt, rememberAttempt, type AttemptFacts } from './attempt-cache';
import { enforce, MAX_ATTEMPTS_PER_DRILL, RATE_LIMITS } from './rate-limit';
import { nameKey, type AnswerInput } from './schemas';
import { readStored, storedAnswer, storedGrade, storedQuestion } from './stored';
import { hashSecret, newSecret, secretMatches } from './tokens';
import { writableSql } from './write-rule-sql';

export type GradedResult = Extract<GradeResult, { status: 'graded' }>;

export interface StoredAnswerView {
  questionId: string;
  answer: RawAnswer;
  /** Present only when the drill's reveal policy allows it now. */
  result?: GradedResult;
}

/** Everything a student's browser needs to show (and resume) an attempt. Never an answer key before reveal. */
export interface AttemptView {
  attemptId: string;
  name: string;
  attemptNumber: number;
  drill: PublicDrill;
  startedAt: string;
  deadline: string | null;
  submittedAt: string | null;
  /** No answer can be accepted any more: submitted, time (and grace) up, or its key already seen. */
  finished: boolean;
  revealed: boolean;
  /** Only what each question shows: no seed, no spec, opaque ids. */
  questions: DrillQuestion[];
  answers: StoredAnswerView[];
  /** Mean over all questions (unanswered count 0), 0..1; only when revealed. */
  score?: number;
}

export interface AuthorizedAttempt {
  attempt: AttemptRow;
  drill: DrillRow;
}

/** The same answer always serialises the same way, whatever the key order it arrived in. */
export function canonicalAnswer(answer: RawAnswer): string {
  return JSON.stringify(Object.fromEntries(Object.entries(answer).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
}

/** Revealed only once no write to the attempt can be accepted any more (policy.ts: one rule for both). */
function canReveal(attempt: AttemptRow, drill: DrillRow, now: Date): boolean {
  return mayReveal(drill.revealPolicy, revealContext(drill.revealPolicy, attempt, drill, now));
}

/**
 * Records that this attempt is being shown its key, before the response leaves: from then on its answers are
 * final, even if the drill is reopened (unless the instructor reopens attempts explicitly). Under
 * `after-answer` each answer's own key is shown as it is stored and that answer alone is final, so nothing is
 * recorded. Returns the attempt as now stored.
 */
async function recordKeySeen(db: Pick<Database, 'update'>, attempt: AttemptRow, drill: DrillRow, now: Date): Promise<AttemptRow> {
  if (drill.revealPolicy === 'after-answer' || keyStillSeen(attempt)) return attempt;
  const [row] = await db
    .update(tables.attempts)
    .set({ keySeenAt: now })
    .where(
      and(
        eq(tables.attempts.id, attempt.id),
        or(isNull(tables.attempts.keySeenAt), lte(tables.attempts.keySeenAt, sql`coalesce(${tables.attempts.answersReopenedAt}, '-infinity'::timestamptz)`)),
      ),
    )
    .returning();
  return row ?? attempt;
}

const REFUSALS: Record<WriteRefusal, { message: string; detail: (a: AttemptRow) => string }> = {
  submitted: { message: 'The attempt was submitted; answers can no longer change', detail: () => 'Already submitted' },
  'time-up': { message: 'Time is up for this attempt', detail: (a) => `Deadline ${a.deadline?.toISOString()}` },
  'key-seen': { message: 'This attempt has been shown its answer key; its answers are final', detail: () => 'Key seen' },
  closed: { message: 'This drill is closed', detail: () => 'Closed' },
  scheduled: { message: 'This drill has not opened yet', detail: () => 'Not open yet' },
};

/** A new attempt's token (shown once; only its hash is stored), id and first view. */
export interface StartedAttempt {
  attemptId: string;
  attemptToken: string;
  view: AttemptView;
}

/**
 * Starts a new student's first attempt under `name`. Names identify nobody: a second "Dana" gets an attempt of
 * her own (the instructor sees both flagged, lib/drills/gradebook.ts). 409 if the drill is not open or full.
 */
export async function startAttempt(db: Database, unsafeCode: string, name: string, now = new Date(), o: { client?: string } = {}): Promise<StartedAttempt> {
  const drill = await findDrillLimited(db, unsafeCode, o.client, now);
  return openAttempt(db, drill, { name, studentId: null }, now, o.client);
}

/**
 * Starts the next attempt of the student whose attempt `auth` is (a retake: same name, same student).
 * 409 when the drill is not open, or the student has used every attempt the drill allows.
 */
export async function startRetake(db: Database, auth: AuthorizedAttempt, now = new Date(), o: { client?: string } = {}): Promise<StartedAttempt> {
  return openAttempt(db, auth.drill, { name: auth.attempt.name, studentId: auth.attempt.studentId }, now, o.client);
}

/** The drill's limits for one more attempt: open, under the rates, under its total. */
async function admitAttempt(db: Database, drill: DrillRow, now: Date, client: string | undefined): Promise<void> {
  const phase = drillPhase(drill, now);
  if (phase !== 'open') {
    throw new DrillError(409, phase === 'closed' ? 'This drill is closed' : 'This drill has not opened yet', [
      { path: 'code', message: `The drill is ${phase}` },
    ]);
  }
  if (client !== undefined) await enforce(db, RATE_LIMITS.attemptsPerClient, `${drill.id}|${client}`, now);
  await enforce(db, RATE_LIMITS.attemptsPerDrill, drill.id, now);
  const [held] = await db.select({ n: count() }).from(tables.attempts).where(eq(tables.attempts.drillId, drill.id));
  if ((held?.n ?? 0) >= MAX_ATTEMPTS_PER_DRILL) {
    throw new DrillError(409, `This drill holds its maximum of ${MAX_ATTEMPTS_PER_DRILL} attempts`, [{ path: 'code', message: 'Drill full' }]);
  }
}

/** Draws the attempt's questions; a generator failure is logged with what reproduces it (never the seed). */
function drawFor(drill: DrillRow, attemptId: string): ReturnType<typeof drawQuestions> {
  const spec = { seed: attemptSeed(drill.seed, drill.variantMode, attemptId), kinds: drill.kinds, difficulty: drill.difficulty, count: drill.questionCount };
  try {
    return drawQuestions(spec);
  } catch (error) {
    // The drill and attempt ids rebuild the seed from the database; the rest is the session's shape.
    console.error('[drills] question generation failed', {
      drillId: drill.id,
      attemptId,
      variantMode: drill.variantMode,
      kinds: spec.kinds,
      difficulty: spec.difficulty,
      count: spec.count,
      error: error instanceof Error ? error.stack : String(error),
    });
    throw error;
  }
}

/**
 * A new attempt of `student`: a new student (`studentId` null: this attempt's id becomes theirs, number 1) or
 * the next attempt of an existing one (refused past the drill's `attemptsAllowed`).
 */
async function openAttempt(
  db: Database,
  drill: DrillRow,
  student: { name: string; studentId: string | null },
  now: Date,
  client: string | undefined,
): Promise<StartedAttempt> {
  await admitAttempt(db, drill, now, client);
  const token = newSecret();
  const id = randomUUID();
  const studentId = student.studentId ?? id;
  const seed = attemptSeed(drill.seed, drill.variantMode, id);
  const drawn = drawFor(drill, id);
  // Two retakes of one student at once race for the same number; the unique index lets one win.
  for (let tries = 0; tries < 3; tries++) {
    const [prev] = student.studentId
      ? await db
          .select({ n: max(tables.attempts.attemptNumber) })
          .from(tables.attempts)
          .where(and(eq(tables.attempts.drillId, drill.id), eq(tables.attempts.studentId, studentId)))
      : [{ n: 0 }];
    const used = prev?.n ?? 0;
    if (used >= drill.attemptsAllowed) {
      throw new DrillError(409, 'No attempts left', [{ path: 'attemptId', message: `${drill.attemptsAllowed} attempt(s) allowed, ${used} used` }]);
    }
    const attempt = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(tables.attempts)
        .values({
          id,
          drillId: drill.id,
          name: student.name,
          nameKey: nameKey(student.name),
          studentId,
          attemptNumber: used + 1,
          tokenHash: hashSecret(token),
          seed,
          startedAt: now,
          deadline: attemptDeadline(now, drill.timeLimitSeconds, drill.closesAt),
        })
        .onConflictDoNothing()
        .returning();
      if (!row) return null;
      await tx.insert(tables.attemptQuestions).values(
        drawn.map((q, position) => ({ attemptId: id, questionId: q.id, position, kind: q.spec.kind, difficulty: q.spec.difficulty, seed: q.spec.seed, question: q })),
      );
      return row;
    });
    if (attempt) {
      rememberAttempt(db, attemptFacts(attempt, drill));
      // As a cache miss would read them back (a JSON round trip), so grading sees the same either way.
      const stored = drawn.map((q) => readStored(storedQuestion, JSON.parse(JSON.stringify(q)), 'attempt_questions.question'));
      cacheQuestions(db, id, stored);
      return { attemptId: id, attemptToken: token, view: buildView(attempt, drill, [], stored, now) };
    }
  }
  throw new DrillError(409, 'Another attempt of this student started at the same moment; try again', [{ path: 'attemptId', message: 'Busy' }]);
}

function buildAuthorizeQuery(db: Database) {
  return db
    .select({ attempt: tables.attempts, drill: tables.drills })
    .from(tables.attempts)
    .innerJoin(tables.drills, eq(tables.drills.id, tables.attempts.drillId))
    .where(eq(tables.attempts.id, sql.placeholder('attemptId')))
    .limit(1)
    .prepare('drills_authorize_attempt');
}

// Built once per database: every attempt request runs it, and a named statement is also parsed and planned
// only once per PostgreSQL connection.
const authorizeQueries = new WeakMap<Database, ReturnType<typeof buildAuthorizeQuery>>();

function authorizeQuery(db: Database) {
  let q = authorizeQueries.get(db);
  if (!q) authorizeQueries.set(db, (q = buildAuthorizeQuery(db)));
  return q;
}

/** The attempt, if `token` is its attempt token. 404 unknown id, 403 wrong token. */
export async function authorizeAttempt(db: Database, unsafeAttemptId: string, token: string): Promise<AuthorizedAttempt> {
  const rows = await authorizeQuery(db).execute({ attemptId: unsafeAttemptId });
  const row = rows[0];
  if (!row) throw new DrillError(404, 'No such attempt', [{ path: 'attemptId', message: 'Unknown attempt' }]);
  if (!secretMatches(token, row.attempt.tokenHash)) {
    throw new DrillError(403, 'This token does not belong to this attempt', [{ path: 'authorization', message: 'Wrong token' }]);
  }
  rememberAttempt(db, attemptFacts(row.attempt, row.drill));
  return row;
}

function attemptFacts(attempt: AttemptRow, drill: DrillRow): AttemptFacts {
  return { attemptId: attempt.id, drillId: drill.id, tokenHash: attempt.tokenHash, revealPolicy: drill.revealPolicy };
}

/** A stored answer's text and grade, checked as they are read back. */
function readAnswer(row: Pick<AnswerRow, 'answer' | 'result'>): { answer: RawAnswer; result: GradedResult } {
  return { answer: readStored(storedAnswer, JSON.parse(row.answer), 'answers.answer'), result: readStored(storedGrade, row.result, 'answers.result') };
}

function buildView(attempt: AttemptRow, drill: DrillRow, answerRows: AnswerRow[], questions: readonly Question[], now: Date): AttemptView {
  const revealed = canReveal(attempt, drill, now);
  const byId = new Map(answerRows.map((a) => [a.questionId, a]));
  const answers: StoredAnswerView[] = questions.flatMap((q) => {
    const a = byId.get(q.id);
    if (!a) return [];
    const { answer, result } = readAnswer(a);
    return [{ questionId: a.questionId, answer, ...(revealed ? { result } : {}) }];
  });
  const view: AttemptView = {
    attemptId: attempt.id,
    name: attempt.name,
    attemptNumber: attempt.attemptNumber,
    drill: toPublicDrill(drill, now),
    startedAt: attempt.startedAt.toISOString(),
    deadline: attempt.deadline?.toISOString() ?? null,
    submittedAt: attempt.submittedAt?.toISOString() ?? null,
    finished: revealContext(drill.revealPolicy, attempt, drill, now).finished,
    revealed,
    questions: questions.map(studentQuestion),
    answers,
  };
  if (revealed && (drill.revealPolicy !== 'after-answer' || view.finished)) {
    view.score = answerRows.reduce((s, a) => s + a.score, 0) / Math.max(1, questions.length);
  }
  return view;
}

/** The attempt, its drill and every stored answer, as the student may see them now (the key only once revealed). */
export async function getAttemptView(db: Database, auth: AuthorizedAttempt, now = new Date()): Promise<AttemptView> {
  const [answerRows, byId] = await Promise.all([
    db.select().from(tables.answers).where(eq(tables.answers.attemptId, auth.attempt.id)),
    attemptQuestions(db, auth.attempt.id),
  ]);
  const questions = [...byId.values()];
  const attempt = canReveal(auth.attempt, auth.drill, now) ? await recordKeySeen(db, auth.attempt, auth.drill, now) : auth.attempt;
  return buildView(attempt, auth.drill, answerRows, questions, now);
}

export interface AnswerOutcome {
  /** 201 when this request stored the answer, 200 when it was already stored (or replaced). */
  status: 200 | 201;
  body: {
    questionId: string;
    answer: RawAnswer;
    stored: true;
    revealed: boolean;
    result?: GradedResult;
  };
}

/**
 * The attempt's stored questions by id, in their order: from the in-process cache, else all of them in one
 * query. A question stored before questions were kept (migration 0003) is regenerated from its spec.
 */
function attemptQuestions(db: Database, attemptId: string): Promise<ReadonlyMap<string, Question>> {
  return attemptQuestionsCached(db, attemptId, async () => {
    const rows = await db
      .select()
      .from(tables.attemptQuestions)
      .where(eq(tables.attemptQuestions.attemptId, attemptId))
      .orderBy(asc(tables.attemptQuestions.position));
    return rows.map((r) =>
      r.question == null
        ? { ...generateQuestion({ kind: r.kind, difficulty: r.difficulty, seed: r.seed }), id: r.questionId }
        : readStored(storedQuestion, r.question, 'attempt_questions.question'),
    );
  });
}

/** An answer checked against its question and graded, ready to store. */
interface GradedAnswer {
  input: AnswerInput;
  questionId: string;
  position: number;
  /** The canonical answer text that is stored and compared. */
  text: string;
  grade: GradedResult;
}

/** 422 for a question not in the attempt or a malformed answer; 404 if the attempt's questions are gone. */
async function gradeInput(db: Database, facts: AttemptFacts, input: AnswerInput): Promise<GradedAnswer> {
  const byId = await attemptQuestions(db, facts.attemptId);
  if (byId.size === 0) throw new DrillError(404, 'The attempt was deleted');
  const ids = [...byId.keys()];
  const position = ids.indexOf(input.questionId);
  const question = byId.get(input.questionId);
  if (!question || position < 0) {
    throw new DrillError(422, 'No such question in this attempt', [{ path: 'questionId', message: `Expected one of ${ids.join(', ')}` }]);
  }
  // Only the question's own fields are graded and stored: anything else is refused, not kept.
  const fields = new Set(question.response.fields.map((f) => f.name));
  const unknown = Object.keys(input.answer).filter((f) => !fields.has(f));
  if (unknown.length > 0) {
    throw new DrillError(
      422,
      'The answer has fields this question does not ask for',
      unknown.map((f) => ({ path: `answer.${f}`, message: `Not a field of this question; expected ${[...fields].join(', ')}` })),
    );
  }
  const grade = gradeAnswer(question, input.answer);
  if (grade.status === 'invalid') {
    throw new DrillError(422, 'The answer is not well-formed', answerIssues(grade.problems));
  }
  return { input, questionId: question.id, position, text: canonicalAnswer(input.answer), grade };
}

/**
 * One statement: stores a first answer while the attempt (locked for the statement) and its drill accept a
 * write at `now` — policy.ts's write rules, rendered as SQL by write-rule-sql.ts — so a remembered attempt can
 * be answered without reading it first. The answer status (201) is returned; null when nothing was stored (a
 * repeat, a change, a finished attempt, a closed or deleted drill): `storeAnswerUnderLock` decides those.
 */
async function insertFirstAnswerIfWritable(db: Database, facts: AttemptFacts, a: GradedAnswer, now: Date): Promise<AnswerOutcome | null> {
  const at = now.toISOString();
  const misconception = a.grade.misconception;
  const writable = writableSql(facts.revealPolicy, WRITE_RULE_COLUMNS, now);
  const inserted = await db.execute(sql`
    with open_attempt as (
      select ${tables.attempts.id} as id from ${tables.attempts} join ${tables.drills} on ${tables.drills.id} = ${tables.attempts.drillId}
      where ${tables.attempts.id} = ${facts.attemptId} and ${writable}
      for update of ${tables.attempts}
    )
    insert into ${tables.answers} (attempt_id, question_id, position, answer, score, misconception_id, misconception_label, result, created_at, updated_at)
    select id, ${a.questionId}, ${a.position}, ${a.text}, ${a.grade.score}, ${misconception?.id ?? null}, ${misconception?.label ?? null}, ${JSON.stringify(a.grade)}::jsonb, ${at}::timestamptz, ${at}::timestamptz
    from open_attempt
    on conflict do nothing
    returning 1 as stored`);
  if (resultRows(inserted).length !== 1) return null;
  // A first answer to an unfinished attempt in an open drill: revealed now only under "after each answer".
  const revealed = mayReveal(facts.revealPolicy, { finished: false, drillClosed: false });
  return { status: 201, body: { questionId: a.questionId, answer: a.input.answer, stored: true, revealed, ...(revealed ? { result: a.grade } : {}) } };
}

/** The timestamps the write rules speak of, as the columns of the fast path's join. */
const WRITE_RULE_COLUMNS = {
  submittedAt: tables.attempts.submittedAt,
  deadline: tables.attempts.deadline,
  keySeenAt: tables.attempts.keySeenAt,
  answersReopenedAt: tables.attempts.answersReopenedAt,
  opensAt: tables.drills.opensAt,
  closesAt: tables.drills.closesAt,
  closedAt: tables.drills.closedAt,
} as const;

/** Everything but a first answer to an open attempt: a repeat, a change, or a refusal (409), under the attempt's row lock. */
function storeAnswerUnderLock(db: Database, auth: AuthorizedAttempt, a: GradedAnswer, now: Date): Promise<AnswerOutcome> {
  const { attempt, drill } = auth;
  return db.transaction(async (tx) => {
    // The row lock orders this answer against a concurrent submit of the same attempt.
    const [locked] = await tx.select().from(tables.attempts).where(eq(tables.attempts.id, attempt.id)).for('update');
    if (!locked) throw new DrillError(404, 'The attempt was deleted');
    const [existing] = await tx
      .select()
      .from(tables.answers)
      .where(and(eq(tables.answers.attemptId, attempt.id), eq(tables.answers.questionId, a.questionId)));
    const reply = async (row: AnswerRow, status: 200 | 201): Promise<AnswerOutcome> => {
      const revealed = canReveal(locked, drill, now);
      if (revealed) await recordKeySeen(tx, locked, drill, now);
      const stored = readAnswer(row);
      return { status, body: { questionId: a.questionId, answer: stored.answer, stored: true, revealed, ...(revealed ? { result: stored.result } : {}) } };
    };
    if (existing && existing.answer === a.text) return reply(existing, 200);

    const refusal = writeRefusal(drill.revealPolicy, locked, drill, now);
    if (refusal) throw new DrillError(409, REFUSALS[refusal].message, [{ path: 'questionId', message: REFUSALS[refusal].detail(locked) }]);
    if (existing && answersAreFinal(drill.revealPolicy)) {
      throw new DrillError(409, 'This answer was already graded and shown; it cannot change', [{ path: 'questionId', message: 'Already answered' }]);
    }

    const misconception = a.grade.misconception;
    const values = {
      answer: a.text,
      score: a.grade.score,
      misconceptionId: misconception?.id ?? null,
      misconceptionLabel: misconception?.label ?? null,
      result: a.grade,
      updatedAt: now,
    };
    if (existing) {
      const [row] = await tx
        .update(tables.answers)
        .set({ ...values, revisions: existing.revisions + 1 })
        .where(and(eq(tables.answers.attemptId, attempt.id), eq(tables.answers.questionId, a.questionId)))
        .returning();
      return reply(row!, 200);
    }
    const [row] = await tx
      .insert(tables.answers)
      .values({ attemptId: attempt.id, questionId: a.questionId, position: a.position, createdAt: now, ...values })
      .returning();
    return reply(row!, 201);
  });
}

/**
 * Grades and stores one answer. Idempotent: the same answer again returns what is stored. A different
 * answer replaces the stored one until the attempt is finished — unless the policy reveals after each
 * answer (then answers are final). 409 after submit, after the deadline, or once the drill is closed;
 * 422 when the grader calls the answer malformed (nothing is stored, no attempt is used).
 */
export async function gradeAndStoreAnswer(db: Database, auth: AuthorizedAttempt, input: AnswerInput, now = new Date()): Promise<AnswerOutcome> {
  const facts = attemptFacts(auth.attempt, auth.drill);
  const graded = await gradeInput(db, facts, input);
  return (await insertFirstAnswerIfWritable(db, facts, graded, now)) ?? storeAnswerUnderLock(db, auth, graded, now);
}

/**
 * The answer endpoint: authorises `token` for the attempt, reads the answer (`readInput`, called only once
 * the request is authorised), grades and stores it as `gradeAndStoreAnswer` does. An attempt this process started or
 * authorised before is checked against its remembered token hash and stored in one statement; any other
 * case, and every refusal, goes through the database's view of the attempt, so errors and their order
 * (404 unknown, 403 wrong token, then the body's 400/413/422) are the same either way.
 */
export async function gradeAndStoreAnswerByToken(
  db: Database,
  attemptId: string,
  token: string,
  readInput: () => Promise<AnswerInput>,
  now = new Date(),
): Promise<AnswerOutcome> {
  const known = knownAttempt(db, attemptId);
  if (!known || !secretMatches(token, known.tokenHash)) {
    const auth = await authorizeAttempt(db, attemptId, token);
    return gradeAndStoreAnswer(db, auth, await readInput(), now);
  }
  let graded: GradedAnswer;
  try {
    graded = await gradeInput(db, known, await readInput());
  } catch (error) {
    await authorizeAttempt(db, attemptId, token); // a deleted attempt is a 404 before any complaint about the body
    throw error;
  }
  return (await insertFirstAnswerIfWritable(db, known, graded, now)) ?? storeAnswerUnderLock(db, await authorizeAttempt(db, attemptId, token), graded, now);
}

/** Finishes the attempt (idempotent). The view carries the score only if the policy allows. */
export async function submitAttempt(db: Database, auth: AuthorizedAttempt, now = new Date()): Promise<AttemptView> {
  const [row] = await db.transaction(async (tx) => {
    const [locked] = await tx.select().from(tables.attempts).where(eq(tables.attempts.id, auth.attempt.id)).for('update');
    if (!locked) throw new DrillError(404, 'The attempt was deleted');
    if (locked.submittedAt) return [locked];
    // Past the deadline the attempt is stamped as ending at the deadline: the time used cannot exceed the limit.
    const at = locked.deadline && now > locked.deadline ? locked.deadline : now;
    return tx.update(tables.attempts).set({ submittedAt: at }).where(eq(tables.attempts.id, locked.id)).returning();
  });
  return getAttemptView(db, { attempt: row!, drill: auth.drill }, now);
}

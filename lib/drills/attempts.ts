import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, isNull, lte, max, or, sql } from 'drizzle-orm';
import { tables, type AnswerRow, type AttemptRow, type Database, type DrillRow } from '@/lib/db';
import { answerIssues, gradeAnswer } from '@/lib/grading';
import type { GradeResult } from '@/lib/grading';
import type { Question, RawAnswer } from '@/lib/scenarios';
import { DrillError } from './errors';
import { findDrillLimited, toPublicDrill, type PublicDrill } from './drills';
import { answersAreFinal, attemptDeadline, DEADLINE_GRACE_MS, drillPhase, keyStillSeen, mayReveal, revealContext, writeRefusal, type WriteRefusal } from './policy';
import { attemptSeed, drawQuestions, studentQuestion, type DrillQuestion } from './questions';
import { attemptQuestionsCached, cacheQuestions, knownAttempt, rememberAttempt, type AttemptFacts } from './attempt-cache';
import { enforce, MAX_ATTEMPTS_PER_DRILL, RATE_LIMITS } from './rate-limit';
import { nameKey, type AnswerInput, type RevealPolicy, type VariantMode } from './schemas';
import { hashSecret, newSecret, secretMatches } from './tokens';

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

function policyOf(drill: DrillRow): RevealPolicy {
  return drill.revealPolicy as RevealPolicy;
}

/** Revealed only once no write to the attempt can be accepted any more (policy.ts: one rule for both). */
function canReveal(attempt: AttemptRow, drill: DrillRow, now: Date): boolean {
  return mayReveal(policyOf(drill), revealContext(policyOf(drill), attempt, drill, now));
}

/**
 * Records that this attempt is being shown its key, before the response leaves: from then on its answers are
 * final, even if the drill is reopened (unless the instructor reopens attempts explicitly). Under
 * `after-answer` each answer's own key is shown as it is stored and that answer alone is final, so nothing is
 * recorded. Returns the attempt as now stored.
 */
async function recordKeySeen(db: Database, attempt: AttemptRow, drill: DrillRow, now: Date): Promise<AttemptRow> {
  if (policyOf(drill) === 'after-answer' || keyStillSeen(attempt)) return attempt;
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

/**
 * Starts an attempt for `name`. 409 if the drill is not open or this name has used every attempt.
 * The returned token is shown once; only its hash is stored.
 */
export async function startAttempt(
  db: Database,
  unsafeCode: string,
  name: string,
  now = new Date(),
  o: { client?: string } = {},
): Promise<{ attemptId: string; attemptToken: string; view: AttemptView }> {
  const drill = await findDrillLimited(db, unsafeCode, o.client, now);
  const phase = drillPhase(drill, now);
  if (phase !== 'open') {
    throw new DrillError(409, phase === 'closed' ? 'This drill is closed' : 'This drill has not opened yet', [
      { path: 'code', message: `The drill is ${phase}` },
    ]);
  }
  if (o.client !== undefined) await enforce(db, RATE_LIMITS.attemptsPerClient, `${drill.id}|${o.client}`, now);
  await enforce(db, RATE_LIMITS.attemptsPerDrill, drill.id, now);
  const [held] = await db.select({ n: count() }).from(tables.attempts).where(eq(tables.attempts.drillId, drill.id));
  if ((held?.n ?? 0) >= MAX_ATTEMPTS_PER_DRILL) {
    throw new DrillError(409, `This drill holds its maximum of ${MAX_ATTEMPTS_PER_DRILL} attempts`, [{ path: 'code', message: 'Drill full' }]);
  }
  const key = nameKey(name);
  const token = newSecret();
  const id = randomUUID();
  const seed = attemptSeed(drill.seed, drill.variantMode as VariantMode, id);
  const spec = {
    seed,
    kinds: drill.kinds as Parameters<typeof drawQuestions>[0]['kinds'],
    difficulty: drill.difficulty as Parameters<typeof drawQuestions>[0]['difficulty'],
    count: drill.questionCount,
  };
  let drawn: ReturnType<typeof drawQuestions>;
  try {
    drawn = drawQuestions(spec);
  } catch (error) {
    // A generator bug must be reproducible from the log: the drill and attempt ids rebuild the seed from the
    // database (the seed itself is not logged), the rest is the session's shape.
    console.error('[drills] question generation failed', {
      drillId: drill.id,
      attemptId: id,
      variantMode: drill.variantMode,
      kinds: spec.kinds,
      difficulty: spec.difficulty,
      count: spec.count,
      error: error instanceof Error ? error.stack : String(error),
    });
    throw error;
  }
  // Two tabs joining at once under one name race for the same number; the unique index lets one win.
  for (let tries = 0; tries < 3; tries++) {
    const [prev] = await db
      .select({ n: max(tables.attempts.attemptNumber) })
      .from(tables.attempts)
      .where(and(eq(tables.attempts.drillId, drill.id), eq(tables.attempts.nameKey, key)));
    const used = prev?.n ?? 0;
    if (used >= drill.attemptsAllowed) {
      throw new DrillError(409, 'No attempts left for this name', [
        { path: 'name', message: `${drill.attemptsAllowed} attempt(s) allowed, ${used} used` },
      ]);
    }
    const attempt = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(tables.attempts)
        .values({
          id,
          drillId: drill.id,
          name,
          nameKey: key,
          attemptNumber: used + 1,
          tokenHash: hashSecret(token),
          seed,
          questions: drawn.refs,
          startedAt: now,
          deadline: attemptDeadline(now, drill.timeLimitSeconds, drill.closesAt),
        })
        .onConflictDoNothing()
        .returning();
      if (!row) return null;
      await tx.insert(tables.attemptQuestions).values(drawn.questions.map((q, position) => ({ attemptId: id, questionId: q.id, position, question: q })));
      return row;
    });
    if (attempt) {
      rememberAttempt(db, attemptFacts(attempt, drill));
      // As stored (a JSON round trip), so grading sees exactly what a cache miss would read back.
      cacheQuestions(db, id, JSON.parse(JSON.stringify(drawn.questions)) as Question[]);
      return { attemptId: id, attemptToken: token, view: buildView(attempt, drill, [], drawn.questions, now) };
    }
  }
  throw new DrillError(409, 'Another attempt under this name started at the same moment; try again', [{ path: 'name', message: 'Busy' }]);
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
  return { attemptId: attempt.id, drillId: drill.id, tokenHash: attempt.tokenHash, refs: attempt.questions, revealPolicy: policyOf(drill) };
}

function buildView(attempt: AttemptRow, drill: DrillRow, answerRows: AnswerRow[], questions: Question[], now: Date): AttemptView {
  const revealed = canReveal(attempt, drill, now);
  const refs = attempt.questions;
  const byId = new Map(answerRows.map((a) => [a.questionId, a]));
  const answers: StoredAnswerView[] = refs.flatMap((ref) => {
    const a = byId.get(ref.id);
    if (!a) return [];
    return [{ questionId: a.questionId, answer: JSON.parse(a.answer) as RawAnswer, ...(revealed ? { result: a.result as GradedResult } : {}) }];
  });
  const view: AttemptView = {
    attemptId: attempt.id,
    name: attempt.name,
    attemptNumber: attempt.attemptNumber,
    drill: toPublicDrill(drill, now),
    startedAt: attempt.startedAt.toISOString(),
    deadline: attempt.deadline?.toISOString() ?? null,
    submittedAt: attempt.submittedAt?.toISOString() ?? null,
    finished: revealContext(policyOf(drill), attempt, drill, now).finished,
    revealed,
    questions: questions.map(studentQuestion),
    answers,
  };
  if (revealed && (drill.revealPolicy !== 'after-answer' || view.finished)) {
    view.score = answerRows.reduce((s, a) => s + a.score, 0) / Math.max(1, refs.length);
  }
  return view;
}

export async function getAttemptView(db: Database, auth: AuthorizedAttempt, now = new Date()): Promise<AttemptView> {
  const [answerRows, questionRows] = await Promise.all([
    db.select().from(tables.answers).where(eq(tables.answers.attemptId, auth.attempt.id)),
    db
      .select({ question: tables.attemptQuestions.question })
      .from(tables.attemptQuestions)
      .where(eq(tables.attemptQuestions.attemptId, auth.attempt.id))
      .orderBy(asc(tables.attemptQuestions.position)),
  ]);
  const questions = questionRows.map((r) => r.question as Question);
  if (questions.length > 0) cacheQuestions(db, auth.attempt.id, questions);
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

/** The attempt's stored questions by id: from the in-process cache, else all of them in one query. */
function attemptQuestions(db: Database, attemptId: string): Promise<ReadonlyMap<string, Question>> {
  return attemptQuestionsCached(db, attemptId, async () => {
    const rows = await db
      .select({ question: tables.attemptQuestions.question })
      .from(tables.attemptQuestions)
      .where(eq(tables.attemptQuestions.attemptId, attemptId));
    return rows.map((r) => r.question as Question);
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
  const position = facts.refs.findIndex((q) => q.id === input.questionId);
  const ref = facts.refs[position];
  if (!ref) {
    throw new DrillError(422, 'No such question in this attempt', [
      { path: 'questionId', message: `Expected one of ${facts.refs.map((q) => q.id).join(', ')}` },
    ]);
  }
  const question = (await attemptQuestions(db, facts.attemptId)).get(ref.id);
  if (!question) throw new DrillError(404, 'The attempt was deleted');
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
  return { input, questionId: ref.id, position, text: canonicalAnswer(input.answer), grade };
}

/**
 * One statement: stores a first answer while the attempt (locked for the statement) is unsubmitted and within
 * its deadline and its drill is open at `now` — all checked here, in SQL, so a remembered attempt can be
 * answered without reading it first. The answer status (201) is returned; null when nothing was stored (a
 * repeat, a change, a finished attempt, a closed or deleted drill): the careful path decides those.
 */
async function storeFirstAnswer(db: Database, facts: AttemptFacts, a: GradedAnswer, now: Date): Promise<AnswerOutcome | null> {
  const at = now.toISOString();
  const graceCutoff = new Date(now.getTime() - DEADLINE_GRACE_MS).toISOString();
  const misconception = a.grade.misconception;
  // policy.ts `writeRefusal`, in SQL: not submitted, within deadline + grace, key not seen (unless reopened
  // for changes since, or under after-answer), drill open.
  const keyNotSeen =
    facts.revealPolicy === 'after-answer' ? sql`true` : sql`(a.key_seen_at is null or a.answers_reopened_at >= a.key_seen_at)`;
  const inserted = await db.execute(sql`
    with open_attempt as (
      select a.id from ${tables.attempts} a join ${tables.drills} d on d.id = a.drill_id
      where a.id = ${facts.attemptId} and a.submitted_at is null and (a.deadline is null or a.deadline >= ${graceCutoff}::timestamptz)
        and ${keyNotSeen}
        and d.closed_at is null and (d.closes_at is null or d.closes_at > ${at}::timestamptz) and (d.opens_at is null or d.opens_at <= ${at}::timestamptz)
      for update of a
    )
    insert into ${tables.answers} (attempt_id, question_id, position, answer, score, misconception_id, misconception_label, result, created_at, updated_at)
    select id, ${a.questionId}, ${a.position}, ${a.text}, ${a.grade.score}, ${misconception?.id ?? null}, ${misconception?.label ?? null}, ${JSON.stringify(a.grade)}::jsonb, ${at}::timestamptz, ${at}::timestamptz
    from open_attempt
    on conflict do nothing
    returning 1 as stored`);
  if ((inserted as unknown as { rows: unknown[] }).rows.length !== 1) return null;
  // A first answer to an unfinished attempt in an open drill: revealed now only under "after each answer".
  const revealed = mayReveal(facts.revealPolicy, { finished: false, drillClosed: false });
  return { status: 201, body: { questionId: a.questionId, answer: a.input.answer, stored: true, revealed, ...(revealed ? { result: a.grade } : {}) } };
}

/** Everything but a first answer to an open attempt: a repeat, a change, or a refusal (409), under the attempt's row lock. */
function storeAnswerCarefully(db: Database, auth: AuthorizedAttempt, a: GradedAnswer, now: Date): Promise<AnswerOutcome> {
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
      if (revealed) await recordKeySeen(tx as unknown as Database, locked, drill, now);
      return {
        status,
        body: { questionId: a.questionId, answer: JSON.parse(row.answer) as RawAnswer, stored: true, revealed, ...(revealed ? { result: row.result as GradedResult } : {}) },
      };
    };
    if (existing && existing.answer === a.text) return reply(existing, 200);

    const refusal = writeRefusal(policyOf(drill), locked, drill, now);
    if (refusal) throw new DrillError(409, REFUSALS[refusal].message, [{ path: 'questionId', message: REFUSALS[refusal].detail(locked) }]);
    if (existing && answersAreFinal(policyOf(drill))) {
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
export async function submitAnswer(db: Database, auth: AuthorizedAttempt, input: AnswerInput, now = new Date()): Promise<AnswerOutcome> {
  const facts = attemptFacts(auth.attempt, auth.drill);
  const graded = await gradeInput(db, facts, input);
  return (await storeFirstAnswer(db, facts, graded, now)) ?? storeAnswerCarefully(db, auth, graded, now);
}

/**
 * The answer endpoint: authorises `token` for the attempt, reads the answer (`readInput`, called only once
 * the request is authorised) and stores it as `submitAnswer` does. An attempt this process started or
 * authorised before is checked against its remembered token hash and stored in one statement; any other
 * case, and every refusal, goes through the database's view of the attempt, so errors and their order
 * (404 unknown, 403 wrong token, then the body's 400/413/422) are the same either way.
 */
export async function answerAttempt(
  db: Database,
  attemptId: string,
  token: string,
  readInput: () => Promise<AnswerInput>,
  now = new Date(),
): Promise<AnswerOutcome> {
  const known = knownAttempt(db, attemptId);
  if (!known || !secretMatches(token, known.tokenHash)) {
    const auth = await authorizeAttempt(db, attemptId, token);
    return submitAnswer(db, auth, await readInput(), now);
  }
  let graded: GradedAnswer;
  try {
    graded = await gradeInput(db, known, await readInput());
  } catch (error) {
    await authorizeAttempt(db, attemptId, token); // a deleted attempt is a 404 before any complaint about the body
    throw error;
  }
  return (await storeFirstAnswer(db, known, graded, now)) ?? storeAnswerCarefully(db, await authorizeAttempt(db, attemptId, token), graded, now);
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

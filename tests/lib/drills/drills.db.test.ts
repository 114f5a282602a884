/** @jest-environment node */
import { count, eq } from 'drizzle-orm';
import { tables } from '@/lib/db';
import {
  gradeAndStoreAnswerByToken,
  authorizeAttempt,
  authorizeManage,
  createDrill,
  deleteDrill,
  DrillError,
  findDrill,
  getAttemptView,
  getPublicDrill,
  gradebookCsv,
  loadGradebook,
  setDrillClosed,
  startAttempt,
  startRetake,
  studentLabel,
  gradeAndStoreAnswer,
  submitAttempt,
  type CreateDrillInput,
} from '@/lib/drills';
import { storedQuestion } from '@/lib/drills/stored';
import { generateQuestion, type Question } from '@/lib/scenarios';
import { at, drillInput as input, expectRefusal, refusal, T0, TEST_BACKEND, suiteDatabase } from '../../support/drill-database';
import { correctAnswer, misconceivedAnswer } from './answers-for';
import { storedSpecs } from './stored-questions';

const handle = suiteDatabase();

async function newDrill(over: Partial<CreateDrillInput> = {}) {
  return createDrill(handle.db, input(over), T0);
}

/** Joins; the keys come from the stored specs through the public generator (an independent path to them). */
async function join(code: string, name: string, now = T0) {
  const r = await startAttempt(handle.db, code, name, now);
  const auth = await authorizeAttempt(handle.db, r.attemptId, r.attemptToken);
  const specs = await storedSpecs(handle.db, r.attemptId);
  const questions = specs.map((ref) => ({ id: ref.id, q: generateQuestion(ref.spec) }));
  return { ...r, auth, specs, questions };
}

async function answerRows(attemptId: string) {
  return handle.db.select().from(tables.answers).where(eq(tables.answers.attemptId, attemptId));
}

describe(`drills DAL (${TEST_BACKEND})`, () => {
  describe('creating and managing a drill', () => {
    it('returns a join code and a manage token that is stored only as a hash', async () => {
      const { code, manageToken } = await newDrill();
      const row = await findDrill(handle.db, code);
      expect(code).toMatch(/^[A-Z2-9]{6}$/);
      expect(row.manageTokenHash).not.toContain(manageToken);
      expect(JSON.stringify(row)).not.toContain(manageToken);
      await expect(authorizeManage(handle.db, code, manageToken)).resolves.toMatchObject({ code });
    });

    it.each([
      ['a wrong token', 'x'.repeat(43), 403],
      ['the token of another drill', null, 403],
    ])('refuses %s', async (_n, token, status) => {
      const a = await newDrill();
      const b = await newDrill();
      await expectRefusal(authorizeManage(handle.db, a.code, token ?? b.manageToken), status);
    });

    it('finds a drill by a code typed in lower case with spaces', async () => {
      const { code } = await newDrill();
      await expect(getPublicDrill(handle.db, ` ${code.toLowerCase().slice(0, 3)} ${code.slice(3)} `, T0)).resolves.toMatchObject({ code });
    });

    it.each(['ZZZZZZ', 'nope', ''])('answers 404 for the unknown code %p', async (code) => {
      await expectRefusal(getPublicDrill(handle.db, code), 404);
    });

    it('shows the public fields only (no seed, no token hash)', async () => {
      const { code } = await newDrill();
      const pub = await getPublicDrill(handle.db, code, T0);
      expect(Object.keys(pub).sort()).toEqual(
        ['attemptsAllowed', 'closesAt', 'code', 'difficulty', 'kinds', 'opensAt', 'phase', 'questionCount', 'revealPolicy', 'timeLimitMinutes', 'title', 'variant'].sort(),
      );
    });

    it('closes and reopens; reopening lifts a close time that has passed', async () => {
      const { code } = await newDrill({ closesAt: at(60).toISOString() });
      const row = await findDrill(handle.db, code);
      expect((await setDrillClosed(handle.db, row, true, at(10))).phase).toBe('closed');
      const reopened = await setDrillClosed(handle.db, await findDrill(handle.db, code), false, at(120));
      expect(reopened.phase).toBe('open');
      expect(reopened.closesAt).toBeNull();
    });

    it('deletes the drill with its attempts and answers', async () => {
      const { code } = await newDrill();
      const s = await join(code, 'Ada');
      await gradeAndStoreAnswer(handle.db, s.auth, { questionId: 'q1', answer: correctAnswer(s.questions[0]!.q) }, T0);
      await deleteDrill(handle.db, await findDrill(handle.db, code));
      await expectRefusal(getPublicDrill(handle.db, code), 404);
      expect(await answerRows(s.attemptId)).toHaveLength(0);
      const [n] = await handle.db.select({ n: count() }).from(tables.attempts).where(eq(tables.attempts.id, s.attemptId));
      expect(n?.n).toBe(0);
    });
  });

  describe('starting an attempt', () => {
    it('sends questions without answer keys', async () => {
      const { code } = await newDrill({ count: 5 });
      const r = await startAttempt(handle.db, code, 'Ada', T0);
      const specs = await storedSpecs(handle.db, r.attemptId);
      expect(r.view.questions).toHaveLength(5);
      for (const [i, pq] of r.view.questions.entries()) {
        expect(pq).not.toHaveProperty('key');
        expect(pq).not.toHaveProperty('spec');
        const full: Question = generateQuestion(specs[i]!.spec);
        const text = JSON.stringify(pq);
        expect(text).not.toContain(full.key.explanation);
        expect(pq.id).toBe(`q${i + 1}`);
      }
    });

    it.each([
      ['same', true],
      ['per-student', false],
    ] as const)('variant %s: two students get the same questions → %s', async (variant, same) => {
      const { code } = await newDrill({ variant });
      const a = await join(code, 'Ada');
      const b = await join(code, 'Bob');
      const specs = (s: typeof a) => s.specs.map((q) => q.spec.seed);
      expect(specs(a).join() === specs(b).join()).toBe(same);
    });

    it('lets a second student with the same name join: each has an attempt and a token of their own (issue 20)', async () => {
      const { code } = await newDrill({ attemptsAllowed: 1 });
      const first = await join(code, 'Dana', at(0));
      const second = await join(code, '  dana ', at(1));
      expect(second.attemptId).not.toBe(first.attemptId);
      expect([first.view.attemptNumber, second.view.attemptNumber]).toEqual([1, 1]);
      expect(second.auth.attempt.studentId).not.toBe(first.auth.attempt.studentId);
      await expectRefusal(authorizeAttempt(handle.db, first.attemptId, second.attemptToken), 403);
      await gradeAndStoreAnswer(handle.db, first.auth, { questionId: 'q1', answer: correctAnswer(first.questions[0]!.q) }, at(5));
      expect(await answerRows(second.attemptId)).toHaveLength(0);
    });

    it("numbers a student's retakes and refuses one past the attempts allowed", async () => {
      const { code } = await newDrill({ attemptsAllowed: 2 });
      const first = await join(code, 'Ada Lovelace', at(0));
      const retake = await startRetake(handle.db, first.auth, at(10));
      expect(retake.view).toMatchObject({ name: 'Ada Lovelace', attemptNumber: 2 });
      const retakeAuth = await authorizeAttempt(handle.db, retake.attemptId, retake.attemptToken);
      expect(retakeAuth.attempt.studentId).toBe(first.auth.attempt.studentId);
      const over = await refusal(startRetake(handle.db, retakeAuth, at(20)));
      expect(over).toMatchObject({ status: 409, issues: [{ path: 'attemptId', message: '2 attempt(s) allowed, 2 used' }] });
      // From the first attempt too: the count is the student's, whichever attempt asks.
      expect((await refusal(startRetake(handle.db, first.auth, at(20)))).status).toBe(409);
      // Another student under the same name is not held back by Ada's attempts.
      await expect(startAttempt(handle.db, code, 'ada lovelace', at(30))).resolves.toMatchObject({ view: { attemptNumber: 1 } });
    });

    it.each([
      ['closed by hand', { }, true, 409],
      ['past its close time', { closesAt: at(-1).toISOString() }, false, 409],
      ['not open yet', { opensAt: at(3600).toISOString() }, false, 409],
    ])('refuses to start when the drill is %s', async (_n, over, closeByHand, status) => {
      const { code } = await createDrill(handle.db, input(over), at(-7200));
      if (closeByHand) await setDrillClosed(handle.db, await findDrill(handle.db, code), true, at(-10));
      await expectRefusal(startAttempt(handle.db, code, 'Ada', T0), status);
    });

    it('returns an attempt token that only opens its own attempt', async () => {
      const { code } = await newDrill();
      const a = await join(code, 'Ada');
      const b = await join(code, 'Bob');
      await expectRefusal(authorizeAttempt(handle.db, a.attemptId, b.attemptToken), 403);
      await expectRefusal(authorizeAttempt(handle.db, '00000000-0000-4000-8000-000000000000', a.attemptToken), 404);
    });
  });

  describe('answering', () => {
    it('grades on the server and stores a repeated answer once (key order does not matter)', async () => {
      const { code } = await newDrill({ revealPolicy: 'after-answer' });
      const s = await join(code, 'Ada');
      const right = correctAnswer(s.questions[0]!.q);
      const first = await gradeAndStoreAnswer(handle.db, s.auth, { questionId: 'q1', answer: right }, at(5));
      const reversed = Object.fromEntries(Object.entries(right).reverse());
      const again = await gradeAndStoreAnswer(handle.db, s.auth, { questionId: 'q1', answer: reversed }, at(6));
      expect([first.status, again.status]).toEqual([201, 200]);
      expect(first.body.result?.score).toBe(1);
      expect(await answerRows(s.attemptId)).toHaveLength(1);
    });

    it('names the misconception a wrong answer matches', async () => {
      const { code } = await newDrill({ revealPolicy: 'after-answer' });
      const s = await join(code, 'Ada');
      const found = s.questions.map(({ id, q }) => ({ id, m: misconceivedAnswer(q) })).find((x) => x.m);
      expect(found).toBeDefined();
      const out = await gradeAndStoreAnswer(handle.db, s.auth, { questionId: found!.id, answer: found!.m!.raw }, at(5));
      expect(out.body.result?.score).toBeLessThan(1);
      expect(out.body.result?.misconception?.id).toBe(found!.m!.misconception);
      const [row] = await answerRows(s.attemptId);
      expect(row?.misconceptionId).toBe(found!.m!.misconception);
    });

    it('refuses a malformed answer with 422 and stores nothing', async () => {
      const { code } = await newDrill();
      const s = await join(code, 'Ada');
      await expectRefusal(gradeAndStoreAnswer(handle.db, s.auth, { questionId: 'q1', answer: { nonsense: 'x' } }, at(5)), 422);
      await expectRefusal(gradeAndStoreAnswer(handle.db, s.auth, { questionId: 'q99', answer: correctAnswer(s.questions[0]!.q) }, at(5)), 422);
      expect(await answerRows(s.attemptId)).toHaveLength(0);
    });

    it('replaces a changed answer before submit when answers are not yet revealed', async () => {
      const { code } = await newDrill({ revealPolicy: 'after-submit' });
      const s = await join(code, 'Ada');
      const { q } = s.questions.find(({ q }) => misconceivedAnswer(q))!;
      const id = s.questions.find((x) => x.q === q)!.id;
      await gradeAndStoreAnswer(handle.db, s.auth, { questionId: id, answer: misconceivedAnswer(q)!.raw }, at(5));
      const changed = await gradeAndStoreAnswer(handle.db, s.auth, { questionId: id, answer: correctAnswer(q) }, at(6));
      expect(changed.status).toBe(200);
      const [row] = await answerRows(s.attemptId);
      expect(row).toMatchObject({ score: 1, revisions: 1, misconceptionId: null });
    });

    it('refuses to change an answer already revealed (after-answer policy) with 409', async () => {
      const { code } = await newDrill({ revealPolicy: 'after-answer' });
      const s = await join(code, 'Ada');
      const { id, q } = s.questions.find(({ q }) => misconceivedAnswer(q))!;
      await gradeAndStoreAnswer(handle.db, s.auth, { questionId: id, answer: misconceivedAnswer(q)!.raw }, at(5));
      await expectRefusal(gradeAndStoreAnswer(handle.db, s.auth, { questionId: id, answer: correctAnswer(q) }, at(6)), 409);
    });

    it('after submit: the same answer is acknowledged, a changed one is refused with 409', async () => {
      const { code } = await newDrill();
      const s = await join(code, 'Ada');
      const { id, q } = s.questions.find(({ q }) => misconceivedAnswer(q))!;
      await gradeAndStoreAnswer(handle.db, s.auth, { questionId: id, answer: correctAnswer(q) }, at(5));
      await submitAttempt(handle.db, s.auth, at(6));
      const auth = await authorizeAttempt(handle.db, s.attemptId, s.attemptToken);
      await expect(gradeAndStoreAnswer(handle.db, auth, { questionId: id, answer: correctAnswer(q) }, at(7))).resolves.toMatchObject({ status: 200 });
      await expectRefusal(gradeAndStoreAnswer(handle.db, auth, { questionId: id, answer: misconceivedAnswer(q)!.raw }, at(7)), 409);
      // A question not answered before the submit (the one above may be any of them, q2 included).
      const other = s.questions.find((x) => x.id !== id)!;
      await expectRefusal(gradeAndStoreAnswer(handle.db, auth, { questionId: other.id, answer: correctAnswer(other.q) }, at(7)), 409);
    });

    it('enforces the time limit on the server (with a 2 s grace for requests in flight)', async () => {
      const { code } = await newDrill({ timeLimitMinutes: 1 });
      const s = await join(code, 'Ada');
      await expect(gradeAndStoreAnswer(handle.db, s.auth, { questionId: 'q1', answer: correctAnswer(s.questions[0]!.q) }, at(61))).resolves.toMatchObject({ status: 201 });
      await expectRefusal(gradeAndStoreAnswer(handle.db, s.auth, { questionId: 'q2', answer: correctAnswer(s.questions[1]!.q) }, at(63)), 409);
      const view = await getAttemptView(handle.db, s.auth, at(63));
      expect(view.finished).toBe(true);
      const submitted = await submitAttempt(handle.db, s.auth, at(500));
      expect(submitted.submittedAt).toBe(at(60).toISOString());
    });

    it('refuses answers once the drill is closed', async () => {
      const { code } = await newDrill();
      const s = await join(code, 'Ada');
      await setDrillClosed(handle.db, await findDrill(handle.db, code), true, at(10));
      const auth = await authorizeAttempt(handle.db, s.attemptId, s.attemptToken);
      await expectRefusal(gradeAndStoreAnswer(handle.db, auth, { questionId: 'q1', answer: correctAnswer(s.questions[0]!.q) }, at(11)), 409);
    });

    it('stores 200 concurrent answers (each sent twice at once) exactly once each', async () => {
      const { code } = await newDrill({ count: 20, variant: 'per-student', attemptsAllowed: 1 });
      const students = await Promise.all(Array.from({ length: 10 }, (_, i) => join(code, `Student ${i}`)));
      const jobs = students.flatMap((s) => s.questions.map(({ id, q }) => () => gradeAndStoreAnswer(handle.db, s.auth, { questionId: id, answer: correctAnswer(q) }, at(30))));
      const outcomes = await Promise.all([...jobs, ...jobs].map((j) => j()));
      expect(outcomes.filter((o) => o.status === 201)).toHaveLength(200);
      expect(outcomes.filter((o) => o.status === 200)).toHaveLength(200);
      const [n] = await handle.db
        .select({ n: count() })
        .from(tables.answers)
        .innerJoin(tables.attempts, eq(tables.attempts.id, tables.answers.attemptId))
        .where(eq(tables.attempts.drillId, (await findDrill(handle.db, code)).id));
      expect(n?.n).toBe(200);
    }, 60_000);
  });

  describe('the answer endpoint (gradeAndStoreAnswerByToken): remembered attempts', () => {
    const ok = (answer: Record<string, string>, questionId = 'q1') => async () => ({ questionId, answer });

    /** The database, counting the reads and transactions the code under test starts. */
    function counting(db: typeof handle.db) {
      const calls = { select: 0, transaction: 0, execute: 0 };
      const proxy = new Proxy(db, {
        get(target, prop, receiver) {
          if (prop === 'select' || prop === 'transaction' || prop === 'execute') calls[prop] += 1;
          const v = Reflect.get(target, prop, receiver) as unknown;
          return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
        },
      });
      return { db: proxy, calls };
    }

    it('stores a first answer to an attempt this process started in one statement, without reading the attempt', async () => {
      const { code } = await newDrill({ revealPolicy: 'after-answer' });
      // The attempt cache belongs to a database handle (one per app server), so the attempt starts through it.
      const { db, calls } = counting(handle.db);
      const s = await startAttempt(db, code, 'Ada', T0);
      const [stored] = await handle.db.select().from(tables.attemptQuestions).where(eq(tables.attemptQuestions.attemptId, s.attemptId)).orderBy(tables.attemptQuestions.position);
      Object.assign(calls, { select: 0, transaction: 0, execute: 0 });
      const out = await gradeAndStoreAnswerByToken(db, s.attemptId, s.attemptToken, ok(correctAnswer(storedQuestion.parse(stored!.question))), at(5));
      expect(out).toMatchObject({ status: 201, body: { revealed: true, result: { score: 1 } } });
      expect(calls).toEqual({ select: 0, transaction: 0, execute: 1 });
      expect(await answerRows(s.attemptId)).toHaveLength(1);
    });

    it('checks the token of a remembered attempt: another attempt\'s token is 403, an unknown attempt 404', async () => {
      const { code } = await newDrill();
      const a = await join(code, 'Ada');
      const b = await join(code, 'Bob');
      const body = ok(correctAnswer(a.questions[0]!.q));
      await expectRefusal(gradeAndStoreAnswerByToken(handle.db, a.attemptId, b.attemptToken, body, at(5)), 403);
      await expectRefusal(gradeAndStoreAnswerByToken(handle.db, '00000000-0000-4000-8000-000000000000', a.attemptToken, body, at(5)), 404);
      expect(await answerRows(a.attemptId)).toHaveLength(0);
    });

    it('does not read the body of a request it refuses', async () => {
      const { code } = await newDrill();
      const a = await join(code, 'Ada');
      const b = await join(code, 'Bob');
      const readInput = jest.fn(ok(correctAnswer(a.questions[0]!.q)));
      await expectRefusal(gradeAndStoreAnswerByToken(handle.db, a.attemptId, b.attemptToken, readInput, at(5)), 403);
      expect(readInput).not.toHaveBeenCalled();
    });

    it('acknowledges a repeat (200) and replaces a changed answer, as gradeAndStoreAnswer does', async () => {
      const { code } = await newDrill({ revealPolicy: 'after-submit' });
      const s = await join(code, 'Ada');
      const { id, q } = s.questions.find(({ q }) => misconceivedAnswer(q))!;
      const first = await gradeAndStoreAnswerByToken(handle.db, s.attemptId, s.attemptToken, ok(misconceivedAnswer(q)!.raw, id), at(5));
      const again = await gradeAndStoreAnswerByToken(handle.db, s.attemptId, s.attemptToken, ok(misconceivedAnswer(q)!.raw, id), at(6));
      const changed = await gradeAndStoreAnswerByToken(handle.db, s.attemptId, s.attemptToken, ok(correctAnswer(q), id), at(7));
      expect([first.status, again.status, changed.status]).toEqual([201, 200, 200]);
      const [row] = await answerRows(s.attemptId);
      expect(row).toMatchObject({ score: 1, revisions: 1 });
    });

    // What another app server (or the manage page) changed must count even though this process remembers the
    // attempt as open: the statement that stores the answer checks it.
    it.each([
      ['the drill was closed', async (s: Awaited<ReturnType<typeof join>>) => handle.db.update(tables.drills).set({ closedAt: at(4) }).where(eq(tables.drills.id, s.auth.drill.id))],
      ['the close time passed', async (s: Awaited<ReturnType<typeof join>>) => handle.db.update(tables.drills).set({ closesAt: at(4) }).where(eq(tables.drills.id, s.auth.drill.id))],
      ['the attempt was submitted', async (s: Awaited<ReturnType<typeof join>>) => handle.db.update(tables.attempts).set({ submittedAt: at(4) }).where(eq(tables.attempts.id, s.attemptId))],
    ])('refuses with 409 when %s elsewhere, and stores nothing', async (_what, change) => {
      const { code } = await newDrill();
      const s = await join(code, 'Ada');
      await change(s);
      await expectRefusal(gradeAndStoreAnswerByToken(handle.db, s.attemptId, s.attemptToken, ok(correctAnswer(s.questions[0]!.q)), at(5)), 409);
      expect(await answerRows(s.attemptId)).toHaveLength(0);
    });

    it('says 404 for an attempt deleted since it was remembered, before complaining about the body', async () => {
      const { code } = await newDrill();
      const s = await join(code, 'Ada');
      await deleteDrill(handle.db, await findDrill(handle.db, code));
      await expectRefusal(gradeAndStoreAnswerByToken(handle.db, s.attemptId, s.attemptToken, ok(correctAnswer(s.questions[0]!.q)), at(5)), 404);
      const malformed = async () => {
        throw new DrillError(422, 'The request body is invalid');
      };
      await expectRefusal(gradeAndStoreAnswerByToken(handle.db, s.attemptId, s.attemptToken, malformed, at(5)), 404);
    });

    it('refuses a question that is not in the attempt or a malformed answer with 422, storing nothing', async () => {
      const { code } = await newDrill();
      const s = await join(code, 'Ada');
      await expectRefusal(gradeAndStoreAnswerByToken(handle.db, s.attemptId, s.attemptToken, ok(correctAnswer(s.questions[0]!.q), 'q99'), at(5)), 422);
      await expectRefusal(gradeAndStoreAnswerByToken(handle.db, s.attemptId, s.attemptToken, ok({ nonsense: 'x' }), at(5)), 422);
      expect(await answerRows(s.attemptId)).toHaveLength(0);
    });
  });

  describe('reveal policy', () => {
    async function answeredAttempt(revealPolicy: CreateDrillInput['revealPolicy']) {
      const { code } = await newDrill({ revealPolicy });
      const s = await join(code, 'Ada');
      const out = await gradeAndStoreAnswer(handle.db, s.auth, { questionId: 'q1', answer: correctAnswer(s.questions[0]!.q) }, at(5));
      return { code, s, out };
    }

    it.each([
      ['after-answer', true, true, true],
      ['after-submit', false, true, true],
      ['after-close', false, false, true],
      ['never', false, false, false],
    ] as const)('%s: on answer %s, after submit %s, after close %s', async (policy, onAnswer, afterSubmit, afterClose) => {
      const { code, s, out } = await answeredAttempt(policy);
      expect(out.body.revealed).toBe(onAnswer);
      expect(out.body.result !== undefined).toBe(onAnswer);
      const submitted = await submitAttempt(handle.db, s.auth, at(6));
      expect(submitted.revealed).toBe(afterSubmit);
      expect(submitted.answers[0]?.result !== undefined).toBe(afterSubmit);
      expect(submitted.score !== undefined).toBe(afterSubmit);
      await setDrillClosed(handle.db, await findDrill(handle.db, code), true, at(7));
      const auth = await authorizeAttempt(handle.db, s.attemptId, s.attemptToken);
      const closed = await getAttemptView(handle.db, auth, at(8));
      expect(closed.revealed).toBe(afterClose);
      expect(closed.answers[0]?.result !== undefined).toBe(afterClose);
      if (!afterClose) expect(JSON.stringify(closed)).not.toContain(s.questions[0]!.q.key.explanation);
    });
  });

  describe('gradebook and CSV', () => {
    it('shows each student with score, status and per-question misconceptions', async () => {
      const { code } = await newDrill({ count: 3, revealPolicy: 'never' });
      const ada = await join(code, 'Ada', at(0));
      const bob = await join(code, 'Bob', at(1));
      for (const { id, q } of ada.questions) await gradeAndStoreAnswer(handle.db, ada.auth, { questionId: id, answer: correctAnswer(q) }, at(20));
      await submitAttempt(handle.db, ada.auth, at(30));
      const wrong = bob.questions.find(({ q }) => misconceivedAnswer(q))!;
      await gradeAndStoreAnswer(handle.db, bob.auth, { questionId: wrong.id, answer: misconceivedAnswer(wrong.q)!.raw }, at(40));

      const book = await loadGradebook(handle.db, await findDrill(handle.db, code), at(50));
      expect(book.students.map((s) => [s.name, s.status, s.answered, s.seconds])).toEqual([
        ['Ada', 'submitted', 3, 30],
        ['Bob', 'in-progress', 1, 39],
      ]);
      expect(book.students[0]?.score).toBe(1);
      const stats = book.questions.find((q) => q.questionId === wrong.id)!;
      expect(stats.answered).toBe(2);
      expect(stats.correct).toBe(1);
      expect(stats.topMisconception).toMatchObject({ id: misconceivedAnswer(wrong.q)!.misconception, count: 1 });
    });

    it('tells students who gave the same name apart, in the gradebook and the CSV (issue 20)', async () => {
      const { code } = await newDrill({ count: 2, attemptsAllowed: 2 });
      const dana = await join(code, 'Dana', at(0));
      const other = await join(code, 'DANA', at(1));
      await join(code, 'Eve', at(2));
      await startRetake(handle.db, dana.auth, at(3));
      const drill = await findDrill(handle.db, code);
      const book = await loadGradebook(handle.db, drill, at(10));
      expect(book.students.map((s) => [studentLabel(s), s.attemptNumber, s.sameName])).toEqual([
        ['Dana (1)', 1, { index: 1, of: 2 }],
        ['DANA (2)', 1, { index: 2, of: 2 }],
        ['Eve', 1, null],
        ['Dana (1)', 2, { index: 1, of: 2 }],
      ]);
      const lines = (await gradebookCsv(handle.db, drill, at(10))).trimEnd().split('\r\n');
      expect(lines.filter((l) => l.includes(`,DANA,2 of 2,1,${other.attemptId},`))).toHaveLength(2);
      expect(lines.filter((l) => l.includes(`,Dana,1 of 2,1,${dana.attemptId},`))).toHaveLength(2);
      expect(lines.filter((l) => l.includes(',Eve,,1,'))).toHaveLength(2);
    });

    it('exports one CSV row per student and question with seed, answer, score and misconception', async () => {
      const { code } = await newDrill({ count: 3 });
      const ada = await join(code, 'Ada, "the first"', at(0));
      await gradeAndStoreAnswer(handle.db, ada.auth, { questionId: 'q1', answer: correctAnswer(ada.questions[0]!.q) }, at(5));
      await join(code, '=cmd|calc', at(1));
      const csv = await gradebookCsv(handle.db, await findDrill(handle.db, code), at(10));
      const lines = csv.trimEnd().split('\r\n');
      expect(lines).toHaveLength(1 + 2 * 3);
      expect(lines[0]).toBe('drill,student,same_name,attempt,attempt_id,status,question,kind,difficulty,seed,answer,score,misconception,misconception_label');
      expect(lines[1]).toContain(`"Ada, ""the first""",,1,${ada.attemptId},`);
      expect(lines[1]).toContain(ada.specs[0]!.spec.seed);
      expect(lines[1]).toMatch(/,1,,$/);
      expect(lines[4]).toContain("'=cmd|calc");
    });
  });
});

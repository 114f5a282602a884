/** @jest-environment node */
/**
 * Issue 19: reveals that cannot be raced (item 2), answers final once the key was seen (item 3), abuse limits
 * kept in the database (item 5) — against the DAL with an injected clock.
 */
import { sql } from 'drizzle-orm';
import { tables } from '@/lib/db';
import {
  gradeAndStoreAnswerByToken,
  authorizeAttempt,
  createDrill,
  findDrill,
  getAttemptView,
  getPublicDrill,
  limitOf,
  loadGradebook,
  MAX_ATTEMPTS_PER_DRILL,
  RATE_LIMITS,
  setDrillClosed,
  startAttempt,
  gradeAndStoreAnswer,
  type CreateDrillInput,
} from '@/lib/drills';
import { at, drillInput, refusal, T0, TEST_BACKEND, suiteDatabase } from '../../support/drill-database';
import { correctAnswer, differentAnswer as wrong } from './answers-for';
import { storedQuestions } from './stored-questions';

const handle = suiteDatabase();

async function newDrill(over: Partial<CreateDrillInput> = {}) {
  return createDrill(handle.db, drillInput({ title: 'Integrity', count: 3, ...over }), T0);
}

async function join(code: string, name: string, now = T0, client?: string) {
  const r = await startAttempt(handle.db, code, name, now, { client });
  return { ...r, questions: await storedQuestions(handle.db, r.attemptId), auth: () => authorizeAttempt(handle.db, r.attemptId, r.attemptToken) };
}

describe(`drill integrity (${TEST_BACKEND})`, () => {
  describe('item 2: the grace window never reveals while a write can still be accepted', () => {
    it('after-submit: GET shows nothing until deadline + grace has passed; a write inside the grace is accepted', async () => {
      const { code } = await newDrill({ timeLimitMinutes: 1, revealPolicy: 'after-submit' });
      const s = await join(code, 'Ada');
      const [first, second, third] = s.questions;
      await gradeAndStoreAnswer(handle.db, await s.auth(), { questionId: first!.id, answer: correctAnswer(first!.q) }, at(30));

      // 0.5 s past the deadline (at 60 s): a write would still be accepted, so nothing is revealed.
      const early = await getAttemptView(handle.db, await s.auth(), at(60.5));
      expect(early).toMatchObject({ revealed: false, finished: false });
      expect(early.answers.every((a) => a.result === undefined)).toBe(true);
      expect(early.score).toBeUndefined();
      await expect(gradeAndStoreAnswer(handle.db, await s.auth(), { questionId: second!.id, answer: correctAnswer(second!.q) }, at(61.5))).resolves.toMatchObject({
        status: 201,
        body: { revealed: false },
      });

      // Past the grace: writes are refused, and only now the key shows.
      await expect(refusal(gradeAndStoreAnswer(handle.db, await s.auth(), { questionId: third!.id, answer: correctAnswer(third!.q) }, at(62.5)))).resolves.toMatchObject({ status: 409 });
      await expect(refusal(gradeAndStoreAnswerByToken(handle.db, s.attemptId, s.attemptToken, async () => ({ questionId: third!.id, answer: correctAnswer(third!.q) }), at(62.5)))).resolves.toMatchObject({ status: 409 });
      const late = await getAttemptView(handle.db, await s.auth(), at(62.5));
      expect(late).toMatchObject({ revealed: true, finished: true });
      expect(late.answers.every((a) => a.result !== undefined)).toBe(true);
    });
  });

  describe('item 3: answers are final once the attempt has seen its key', () => {
    it('a plain reopen lets only attempts that have not seen their key (and new students) continue; reopenAttempts lets the others change, and the gradebook shows it', async () => {
      const { code } = await newDrill({ revealPolicy: 'after-submit', count: 3 });
      const ada = await join(code, 'Ada');
      const bob = await join(code, 'Bob');
      const [q1, q2] = ada.questions;
      await gradeAndStoreAnswer(handle.db, await ada.auth(), { questionId: q1!.id, answer: wrong(q1!.q) }, at(10));
      await gradeAndStoreAnswer(handle.db, await bob.auth(), { questionId: bob.questions[0]!.id, answer: wrong(bob.questions[0]!.q) }, at(10));

      // Closing reveals under after-submit; Ada looks, Bob does not.
      await setDrillClosed(handle.db, await findDrill(handle.db, code), true, at(20));
      const seen = await getAttemptView(handle.db, await ada.auth(), at(21));
      expect(seen.revealed).toBe(true);
      expect(seen.answers[0]?.result?.expected).toBeTruthy();

      await setDrillClosed(handle.db, await findDrill(handle.db, code), false, at(30));
      // Ada: neither a change nor a first answer, through either answer path.
      const change = await refusal(gradeAndStoreAnswer(handle.db, await ada.auth(), { questionId: q1!.id, answer: correctAnswer(q1!.q) }, at(31)));
      expect(change.status).toBe(409);
      expect(change.message).toMatch(/key/);
      expect((await refusal(gradeAndStoreAnswerByToken(handle.db, ada.attemptId, ada.attemptToken, async () => ({ questionId: q2!.id, answer: correctAnswer(q2!.q) }), at(31)))).status).toBe(409);
      // Her view still shows what she saw (no write can change it).
      expect((await getAttemptView(handle.db, await ada.auth(), at(32))).revealed).toBe(true);
      // Bob never saw his key: he continues. A new student starts.
      const bq = bob.questions[0]!;
      await expect(gradeAndStoreAnswer(handle.db, await bob.auth(), { questionId: bq.id, answer: correctAnswer(bq.q) }, at(33))).resolves.toMatchObject({ status: 200 });
      const cy = await join(code, 'Cy', at(34));
      await expect(gradeAndStoreAnswer(handle.db, await cy.auth(), { questionId: cy.questions[0]!.id, answer: correctAnswer(cy.questions[0]!.q) }, at(35))).resolves.toMatchObject({ status: 201 });

      let book = await loadGradebook(handle.db, await findDrill(handle.db, code), at(36));
      const row = (name: string) => book.students.find((s) => s.name === name)!;
      expect(row('Ada')).toMatchObject({ keySeenAt: at(21).toISOString(), answersReopenedAt: null });
      expect(row('Bob')).toMatchObject({ keySeenAt: null, answersReopenedAt: null });

      // The instructor explicitly lets attempts that saw their key change answers.
      await setDrillClosed(handle.db, await findDrill(handle.db, code), true, at(40));
      await setDrillClosed(handle.db, await findDrill(handle.db, code), { closed: false, reopenAttempts: true }, at(50));
      await expect(gradeAndStoreAnswer(handle.db, await ada.auth(), { questionId: q1!.id, answer: correctAnswer(q1!.q) }, at(51))).resolves.toMatchObject({ status: 200 });
      await expect(gradeAndStoreAnswerByToken(handle.db, ada.attemptId, ada.attemptToken, async () => ({ questionId: q2!.id, answer: correctAnswer(q2!.q) }), at(52))).resolves.toMatchObject({ status: 201 });
      book = await loadGradebook(handle.db, await findDrill(handle.db, code), at(53));
      expect(row('Ada')).toMatchObject({ keySeenAt: at(21).toISOString(), answersReopenedAt: at(50).toISOString() });
    });

    it('after-answer: a seen key makes that answer final but not the rest of the attempt', async () => {
      const { code } = await newDrill({ revealPolicy: 'after-answer' });
      const s = await join(code, 'Ada');
      const [q1, q2] = s.questions;
      await gradeAndStoreAnswer(handle.db, await s.auth(), { questionId: q1!.id, answer: correctAnswer(q1!.q) }, at(5));
      expect((await getAttemptView(handle.db, await s.auth(), at(6))).revealed).toBe(true);
      await expect(gradeAndStoreAnswer(handle.db, await s.auth(), { questionId: q2!.id, answer: correctAnswer(q2!.q) }, at(7))).resolves.toMatchObject({ status: 201 });
    });
  });

  describe('item 5: abuse limits in the database', () => {
    it(`refuses attempt number ${limitOf(RATE_LIMITS.attemptsPerClient) + 1} in a minute at one drill from one client with 429 and the seconds left`, async () => {
      const { code } = await newDrill({ count: 1, kinds: ['source-ip'], attemptsAllowed: 20 });
      for (let i = 0; i < limitOf(RATE_LIMITS.attemptsPerClient); i++) await startAttempt(handle.db, code, `S${i}`, at(15), { client: '203.0.113.7' });
      const e = await refusal(startAttempt(handle.db, code, 'One more', at(16), { client: '203.0.113.7' }));
      expect(e).toMatchObject({ status: 429, retryAfterSeconds: 44 });
      // Another client, and the same client in the next minute, go on.
      await expect(startAttempt(handle.db, code, 'Elsewhere', at(17), { client: '203.0.113.8' })).resolves.toBeDefined();
      await expect(startAttempt(handle.db, code, 'Next minute', at(61), { client: '203.0.113.7' })).resolves.toBeDefined();
    }, 120_000);

    it('refuses attempts beyond the per-drill rate from all clients together, and beyond the drill\'s total', async () => {
      const { code } = await newDrill({ count: 1, kinds: ['source-ip'] });
      const drill = await findDrill(handle.db, code);
      // The per-drill counter as many other clients left it in this minute.
      await handle.db.insert(tables.rateLimits).values({ key: `${RATE_LIMITS.attemptsPerDrill.name}|${drill.id}`, windowStart: at(0), hits: limitOf(RATE_LIMITS.attemptsPerDrill), expiresAt: at(60) });
      expect(await refusal(startAttempt(handle.db, code, 'Ada', at(5), { client: '198.51.100.1' }))).toMatchObject({ status: 429, retryAfterSeconds: 55 });
      await expect(startAttempt(handle.db, code, 'Ada', at(60), { client: '198.51.100.1' })).resolves.toBeDefined();

      // The drill's total: filled up directly, then one more start is refused.
      await handle.db.execute(sql`
        insert into attempts (id, drill_id, name, name_key, student_id, attempt_number, token_hash, seed, started_at)
        select gen_random_uuid()::text, ${drill.id}, 'filler ' || n, 'filler ' || n, 'filler ' || n, 1, 'x', 'x', ${at(61).toISOString()}::timestamptz
        from generate_series(1, ${MAX_ATTEMPTS_PER_DRILL - 1}) n`);
      expect(await refusal(startAttempt(handle.db, code, 'Bob', at(62), { client: '198.51.100.2' }))).toMatchObject({ status: 409 });
    }, 60_000);

    it(`refuses every join-code lookup from a client after ${limitOf(RATE_LIMITS.unknownCodesPerClient)} unknown codes in a minute; others are not affected`, async () => {
      const { code } = await newDrill();
      const guesser = '192.0.2.99';
      for (let i = 0; i < limitOf(RATE_LIMITS.unknownCodesPerClient); i++) {
        expect((await refusal(getPublicDrill(handle.db, `ZZZZ${'ABCDEFGHJKMNPQRSTUVWXYZ'[i]}2`, at(10), { client: guesser }))).status).toBe(404);
      }
      expect(await refusal(getPublicDrill(handle.db, code, at(11), { client: guesser }))).toMatchObject({ status: 429, retryAfterSeconds: 49 });
      expect(await refusal(startAttempt(handle.db, code, 'Guess', at(11), { client: guesser }))).toMatchObject({ status: 429 });
      await expect(getPublicDrill(handle.db, code, at(11), { client: '192.0.2.100' })).resolves.toMatchObject({ code });
      await expect(getPublicDrill(handle.db, code, at(60), { client: guesser })).resolves.toMatchObject({ code });
    });

    it.each([
      ['a zero-width space', 'A\u200bda'],
      ['full-width letters', 'Ａｄａ'],
      ['a soft hyphen and a word joiner', 'Ad\u00ad\u2060a'],
      ['a variation selector', 'Ada\ufe0f'],
    ])('a name that differs from another only by %s is flagged as the same name', async (_n, variant) => {
      const { code } = await newDrill({ attemptsAllowed: 1 });
      await join(code, 'Ada');
      await join(code, variant, at(1));
      const book = await loadGradebook(handle.db, await findDrill(handle.db, code), at(2));
      expect(book.students.map((s) => s.sameName)).toEqual([
        { index: 1, of: 2 },
        { index: 2, of: 2 },
      ]);
    });
  });
});

/** @jest-environment node */
/**
 * A malformed answer through the JSON API: 422 with one issue per unreadable field at `answer.<field>`, the
 * grader's message on each, and nothing stored or changed.
 */
import { eq } from 'drizzle-orm';
import { setDatabaseHandle, tables, type DatabaseHandle } from '@/lib/db';
import { openTestDatabase, TEST_BACKEND } from '../../lib/db/test-database';
import { correctAnswer } from '../../lib/drills/answers-for';
import { storedQuestions } from '../../lib/drills/stored-questions';
import { api } from './api-client';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
  setDatabaseHandle(handle);
}, 60_000);
afterAll(async () => {
  setDatabaseHandle(null);
  await handle?.close();
});

const NOT_A_SHARE = (raw: string) => `"${raw}" is not a share: write a fraction (1/6), a percentage (16.7%) or a decimal (0.1667)`;

/** A load-share question with two share fields, and an attempt at it. */
async function shareAttempt() {
  const created = await api.createDrill({ body: { title: 'Shares', kinds: ['load-share'], difficulty: 'standard', count: 5, revealPolicy: 'after-answer' } });
  expect(created.status).toBe(201);
  const joined = await api.join(created.body.code, { body: { name: 'Ada' } });
  expect(joined.status).toBe(201);
  const { attemptId, attemptToken } = joined.body as { attemptId: string; attemptToken: string };
  const questions = await storedQuestions(handle.db, attemptId);
  const found = questions.find(({ q }) => q.response.fields.filter((f) => f.type === 'share').length >= 2);
  if (!found) throw new Error('no question with two share fields');
  const [a, b] = found.q.response.fields.filter((f) => f.type === 'share');
  return { attemptId, token: attemptToken as string, id: found.id, q: found.q, a: a!.name, b: b!.name };
}

async function storedAnswers(attemptId: string) {
  return handle.db.select({ questionId: tables.answers.questionId, answer: tables.answers.answer }).from(tables.answers).where(eq(tables.answers.attemptId, attemptId));
}

describe(`a malformed answer through the API (${TEST_BACKEND})`, () => {
  it('answers 422 with an issue on answer.<field> for each unreadable field, and stores nothing', async () => {
    const s = await shareAttempt();
    const r = await api.answer(s.attemptId, { token: s.token, body: { questionId: s.id, answer: { ...correctAnswer(s.q), [s.a]: 'abc', [s.b]: '150%' } } });
    expect(r.status).toBe(422);
    expect(r.body).toEqual({
      error: 'The answer is not well-formed',
      issues: [
        { path: `answer.${s.a}`, message: NOT_A_SHARE('abc') },
        { path: `answer.${s.b}`, message: '"150%" is more than the whole: a share is between 0 and 1 (0% to 100%)' },
      ],
    });
    expect(await storedAnswers(s.attemptId)).toEqual([]);
  });

  it('reports an empty required field on its own path', async () => {
    const s = await shareAttempt();
    const r = await api.answer(s.attemptId, { token: s.token, body: { questionId: s.id, answer: { ...correctAnswer(s.q), [s.a]: '' } } });
    expect(r.status).toBe(422);
    expect(r.body.issues).toEqual([{ path: `answer.${s.a}`, message: 'has no answer' }]);
  });

  it('leaves a stored answer as it was when a malformed one would replace it', async () => {
    const created = await api.createDrill({ body: { title: 'Shares', kinds: ['load-share'], difficulty: 'standard', count: 5 } });
    const joined = await api.join(created.body.code, { body: { name: 'Grace' } });
    const { attemptId, attemptToken: token } = joined.body as { attemptId: string; attemptToken: string };
    const [first] = await storedQuestions(handle.db, attemptId);
    const share = first!.q.response.fields.find((f) => f.type === 'share');
    if (!share) throw new Error('no share field');
    const good = correctAnswer(first!.q);
    expect((await api.answer(attemptId, { token, body: { questionId: first!.id, answer: good } })).status).toBe(201);
    const before = await storedAnswers(attemptId);

    const r = await api.answer(attemptId, { token, body: { questionId: first!.id, answer: { ...good, [share.name]: 'abc' } } });
    expect(r.status).toBe(422);
    expect(r.body.issues).toEqual([{ path: `answer.${share.name}`, message: NOT_A_SHARE('abc') }]);
    expect(await storedAnswers(attemptId)).toEqual(before);
    const view = await api.attempt(attemptId, { token });
    expect(view.body.answers).toEqual([expect.objectContaining({ questionId: first!.id, answer: good })]);
  });
});

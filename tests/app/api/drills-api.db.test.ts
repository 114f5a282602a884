/** @jest-environment node */
import { count, eq } from 'drizzle-orm';
import { tables } from '@/lib/db';
import { TEST_BACKEND, suiteDatabase } from '../../support/drill-database';
import { correctAnswer, misconceivedAnswer, PLAIN_KINDS } from '../../lib/drills/answers-for';
import { storedQuestions } from '../../lib/drills/stored-questions';
import { api } from './api-client';

const handle = suiteDatabase({ asAppDatabase: true });

const VALID = { title: 'Week 3', kinds: [...PLAIN_KINDS], difficulty: 'standard', count: 3 };

async function drill(over: Record<string, unknown> = {}) {
  const r = await api.createDrill({ body: { ...VALID, ...over } });
  expect(r.status).toBe(201);
  return r.body as { code: string; studentUrl: string; manageUrl: string; manageToken: string };
}

async function student(code: string, name = 'Ada') {
  const r = await api.join(code, { body: { name } });
  expect(r.status).toBe(201);
  const { attemptId, attemptToken } = r.body as { attemptId: string; attemptToken: string };
  return { attemptId, token: attemptToken, questions: await storedQuestions(handle.db, attemptId), raw: r };
}


describe(`JSON API (${TEST_BACKEND})`, () => {
  describe('POST /api/drills', () => {
    it('answers 201 with the code, the student link and the secret manage link', async () => {
      const d = await drill();
      expect(d.code).toMatch(/^[A-Z2-9]{6}$/);
      expect(d.studentUrl).toBe(`http://127.0.0.1:3000/drills/${d.code}`);
      expect(d.manageUrl).toBe(`http://127.0.0.1:3000/drills/${d.code}/manage#key=${d.manageToken}`);
      expect(Buffer.from(d.manageToken, 'base64url').length).toBeGreaterThanOrEqual(16);
    });

    it.each([
      ['not JSON', { raw: '{title:' }, 400, ''],
      ['a JSON array', { raw: '[1,2]' }, 400, ''],
      ['no title', { body: { ...VALID, title: '   ' } }, 422, 'title'],
      ['an unknown kind', { body: { ...VALID, kinds: ['source-ip', 'bogus'] } }, 422, 'kinds[1]'],
      ['no kinds', { body: { ...VALID, kinds: [] } }, 422, 'kinds'],
      ['zero questions', { body: { ...VALID, count: 0 } }, 422, 'count'],
      ['a count as a string', { body: { ...VALID, count: '3' } }, 422, 'count'],
      ['an unknown reveal policy', { body: { ...VALID, revealPolicy: 'sometimes' } }, 422, 'revealPolicy'],
      ['a close before the open', { body: { ...VALID, opensAt: '2026-11-25T10:00:00Z', closesAt: '2026-11-25T09:00:00Z' } }, 422, 'closesAt'],
      ['a date without a zone', { body: { ...VALID, opensAt: '2026-11-25 10:00' } }, 422, 'opensAt'],
      ['the year 0000', { body: { ...VALID, opensAt: '0000-01-01T00:00:00Z' } }, 422, 'opensAt'],
      ['a date that a zone shift takes past 9999', { body: { ...VALID, closesAt: '9999-12-31T23:00:00-05:00' } }, 422, 'closesAt'],
      ['the year 1000', { body: { ...VALID, closesAt: '1000-06-01T00:00:00Z' } }, 422, 'closesAt'],
      ['an unknown field', { body: { ...VALID, admin: true } }, 422, ''],
      ['a body over 16 KiB', { body: { ...VALID, title: 'x'.repeat(20_000) } }, 413, ''],
    ])('refuses %s, naming the field', async (_n, o, status, path) => {
      const r = await api.createDrill(o);
      expect(r.status).toBe(status);
      expect(typeof r.body.error).toBe('string');
      expect(r.body.issues.length).toBeGreaterThan(0);
      expect(r.body.issues.map((i: { path: string }) => i.path)).toContain(path);
    });

    it('reports every failing field at once', async () => {
      const r = await api.createDrill({ body: { title: '', kinds: [], difficulty: 'hard', count: 99 } });
      expect(r.status).toBe(422);
      expect(r.body.issues.map((i: { path: string }) => i.path).sort()).toEqual(['count', 'difficulty', 'kinds', 'title']);
    });
  });

  describe('GET /api/drills/{code}', () => {
    it('shows public fields only', async () => {
      const d = await drill();
      const r = await api.getDrill(d.code);
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ code: d.code, title: 'Week 3', questionCount: 3, phase: 'open' });
      expect(r.text).not.toMatch(/seed|manageToken|Hash/i);
    });

    it.each(['ZZZZZZ', 'not-a-code'])('answers 404 for %p', async (code) => {
      const r = await api.getDrill(code);
      expect(r.status).toBe(404);
      expect(r.body.issues[0].path).toBe('code');
    });
  });

  describe('attempts and answers', () => {
    it('starts an attempt: 201 with questions and no answer key', async () => {
      const d = await drill();
      const s = await student(d.code);
      expect(s.questions).toHaveLength(3);
      for (const { q } of s.questions) {
        expect(s.raw.text).not.toContain(q.key.explanation);
        for (const step of q.key.steps) expect(s.raw.text).not.toContain(step);
      }
      expect(s.raw.text).not.toContain('"key"');
    });

    it.each([
      ['no name', {}, 422, 'name'],
      ['an empty name', { name: '  ' }, 422, 'name'],
      ['a name with a control character', { name: 'a\u0007b' }, 422, 'name'],
      ['a name with a right-to-left override', { name: 'Ada\u202egnp.exe' }, 422, 'name'],
      ['a name with a bidi isolate', { name: '\u2067Ada' }, 422, 'name'],
      ['a name of zero-width characters only', { name: '\u200b\u200c\u200d\ufeff' }, 422, 'name'],
      ['a name of a Hangul filler only', { name: '\u3164' }, 422, 'name'],
    ])('refuses %s', async (_n, body, status, path) => {
      const d = await drill();
      const r = await api.join(d.code, { body });
      expect(r.status).toBe(status);
      expect(r.body.issues[0].path).toBe(path);
    });

    it('stores the name NFKC-normalised with its spaces collapsed', async () => {
      const d = await drill();
      const r = await api.join(d.code, { body: { name: '  Ｇｒａｃｅ   Hopper ' } });
      expect(r.status).toBe(201);
      expect(r.body.attempt.name).toBe('Grace Hopper');
    });

    it('refuses an answer with a field the question does not ask for (422, naming it) and stores nothing', async () => {
      const d = await drill();
      const s = await student(d.code);
      const r = await api.answer(s.attemptId, { token: s.token, body: { questionId: 'q1', answer: { ...correctAnswer(s.questions[0]!.q), note: 'x', extra: 'y' } } });
      expect(r.status).toBe(422);
      expect(r.body.issues.map((i: { path: string }) => i.path).sort()).toEqual(['answer.extra', 'answer.note']);
      const [n] = await handle.db.select({ n: count() }).from(tables.answers).where(eq(tables.answers.attemptId, s.attemptId));
      expect(n?.n).toBe(0);
    });

    it('lets a second student with the same name join, and shows the instructor both, flagged (issue 20)', async () => {
      const d = await drill({ attemptsAllowed: 1 });
      const first = await student(d.code, 'Dana');
      const second = await student(d.code, 'dana');
      expect(second.attemptId).not.toBe(first.attemptId);
      expect(second.raw.body.attempt.attemptNumber).toBe(1);
      expect((await api.attempt(first.attemptId, { token: second.token })).status).toBe(403);
      const book = await api.results(d.code, { token: d.manageToken });
      expect(book.body.students.map((s: { attemptId: string; name: string; sameName: unknown }) => [s.attemptId, s.name, s.sameName])).toEqual([
        [first.attemptId, 'Dana', { index: 1, of: 2 }],
        [second.attemptId, 'dana', { index: 2, of: 2 }],
      ]);
      const csv = await api.csv(d.code, { token: d.manageToken });
      expect(csv.text).toContain(`,dana,2 of 2,1,${second.attemptId},`);
    });

    it('POST /api/attempts/{id}/retake: the same student\'s next attempt, 409 once the attempts allowed are used', async () => {
      const d = await drill({ attemptsAllowed: 2 });
      const s = await student(d.code, 'Ada');
      expect((await api.retake(s.attemptId, {})).status).toBe(401);
      const other = await student(d.code, 'Bob');
      expect((await api.retake(s.attemptId, { token: other.token })).status).toBe(403);
      const r = await api.retake(s.attemptId, { token: s.token });
      expect(r.status).toBe(201);
      expect(r.body.attempt).toMatchObject({ name: 'Ada', attemptNumber: 2 });
      expect(r.body.attemptId).not.toBe(s.attemptId);
      expect(JSON.stringify(r.body)).not.toMatch(/"key"|seed/i);
      const again = await api.retake(r.body.attemptId, { token: r.body.attemptToken });
      expect(again.status).toBe(409);
      expect(again.body.issues).toEqual([{ path: 'attemptId', message: '2 attempt(s) allowed, 2 used' }]);
    });

    it.each([
      ['no token', undefined, 401],
      ['a wrong token', 'x'.repeat(43), 403],
    ])('an answer with %s is refused', async (_n, token, status) => {
      const d = await drill();
      const s = await student(d.code);
      const r = await api.answer(s.attemptId, { token, body: { questionId: 'q1', answer: correctAnswer(s.questions[0]!.q) } });
      expect(r.status).toBe(status);
      expect(r.body.issues[0].path).toBe('authorization');
    });

    it('answers 404 for an unknown attempt id', async () => {
      const d = await drill();
      const s = await student(d.code);
      expect((await api.answer('00000000-0000-4000-8000-000000000000', { token: s.token, body: { questionId: 'q1', answer: {} } })).status).toBe(404);
      expect((await api.answer('nope', { token: s.token, body: { questionId: 'q1', answer: {} } })).status).toBe(404);
    });

    it('stores an answer (201), acknowledges the same answer (200) and keeps one row', async () => {
      const d = await drill({ revealPolicy: 'after-submit' });
      const s = await student(d.code);
      const body = { questionId: 'q1', answer: correctAnswer(s.questions[0]!.q) };
      const first = await api.answer(s.attemptId, { token: s.token, body });
      const second = await api.answer(s.attemptId, { token: s.token, body });
      expect([first.status, second.status]).toEqual([201, 200]);
      expect(first.body).toEqual({ questionId: 'q1', answer: body.answer, stored: true, revealed: false });
      const [n] = await handle.db.select({ n: count() }).from(tables.answers);
      expect(n?.n).toBeGreaterThanOrEqual(1);
      const view = await api.attempt(s.attemptId, { token: s.token });
      expect(view.body.answers).toEqual([{ questionId: 'q1', answer: body.answer }]);
    });

    it.each([
      ['an answer field the question does not have', { questionId: 'q1', answer: { bogus: 'x' } }, 422, 'answer.bogus'],
      ['an unknown question', { questionId: 'q42', answer: {} }, 422, 'questionId'],
      ['a non-string value', { questionId: 'q1', answer: { a: 1 } }, 422, 'answer.a'],
      ['a missing answer', { questionId: 'q1' }, 422, 'answer'],
    ])('refuses %s', async (_n, body, status, path) => {
      const d = await drill();
      const s = await student(d.code);
      const r = await api.answer(s.attemptId, { token: s.token, body });
      expect(r.status).toBe(status);
      expect(r.body.issues.map((i: { path: string }) => i.path)).toContain(path);
    });

    it('submit reveals the score under after-submit, and a changed answer is then 409', async () => {
      const d = await drill({ revealPolicy: 'after-submit' });
      const s = await student(d.code);
      const { id, q } = s.questions.find(({ q }) => misconceivedAnswer(q))!;
      await api.answer(s.attemptId, { token: s.token, body: { questionId: id, answer: correctAnswer(q) } });
      const sub = await api.submit(s.attemptId, { token: s.token });
      expect(sub.status).toBe(200);
      expect(sub.body.score).toBeCloseTo(1 / 3);
      expect(sub.body.answers[0].result.score).toBe(1);
      const changed = await api.answer(s.attemptId, { token: s.token, body: { questionId: id, answer: misconceivedAnswer(q)!.raw } });
      expect(changed.status).toBe(409);
    });

    it('never reveals the key under "never", not even after submit and close', async () => {
      const d = await drill({ revealPolicy: 'never' });
      const s = await student(d.code);
      const { q } = s.questions[0]!;
      const a = await api.answer(s.attemptId, { token: s.token, body: { questionId: 'q1', answer: correctAnswer(q) } });
      const sub = await api.submit(s.attemptId, { token: s.token });
      await api.patchDrill(d.code, { token: d.manageToken, body: { closed: true } });
      const after = await api.attempt(s.attemptId, { token: s.token });
      for (const r of [a, sub, after]) {
        expect(r.text).not.toContain(q.key.explanation);
        expect(r.text).not.toContain('"result"');
        expect(r.text).not.toContain('"score"');
      }
    });

    it('answers 429 with Retry-After after 60 new attempts a minute at one drill from one address, whatever it puts first in X-Forwarded-For', async () => {
      const d = await drill({ attemptsAllowed: 20 });
      // Only Date is frozen (5 s into a minute), so the fixed one-minute window cannot end mid-test.
      jest.useFakeTimers({ now: new Date('2026-12-01T10:00:05Z'), doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'hrtime', 'performance'] });
      try {
        const statuses: number[] = [];
        let last: Awaited<ReturnType<typeof api.join>> | null = null;
        for (let i = 0; i < 61; i++) {
          last = await api.join(d.code, { body: { name: `S${i}` }, ip: `198.51.${i}.${i}, 203.0.113.9` });
          statuses.push(last.status);
        }
        expect(statuses.slice(0, 60).every((s) => s === 201)).toBe(true);
        expect(statuses[60]).toBe(429);
        expect(last!.headers.get('retry-after')).toBe('55');
        expect(typeof last!.body.error).toBe('string');
        const other = await api.join(d.code, { body: { name: 'Other' }, ip: '198.51.0.0, 203.0.113.10' });
        expect(other.status).toBe(201);
      } finally {
        jest.useRealTimers();
      }
    }, 120_000);
  });

  describe('manage endpoints', () => {
    it.each([
      ['results', (code: string, token?: string) => api.results(code, { token })],
      ['results.csv', (code: string, token?: string) => api.csv(code, { token })],
      ['close', (code: string, token?: string) => api.patchDrill(code, { token, body: { closed: true } })],
      ['delete', (code: string, token?: string) => api.deleteDrill(code, { token })],
    ])('%s: 401 without a token, 403 with an attempt token or another drill\'s token', async (_n, call) => {
      const d = await drill();
      const other = await drill();
      const s = await student(d.code);
      expect((await call(d.code)).status).toBe(401);
      expect((await call(d.code, s.token)).status).toBe(403);
      expect((await call(d.code, other.manageToken)).status).toBe(403);
    });

    it('returns the gradebook and a CSV with one row per student and question', async () => {
      const d = await drill({ count: 2 });
      const a = await student(d.code, 'Ada');
      await student(d.code, 'Bob');
      await api.answer(a.attemptId, { token: a.token, body: { questionId: 'q2', answer: correctAnswer(a.questions[1]!.q) } });
      const book = await api.results(d.code, { token: d.manageToken });
      expect(book.status).toBe(200);
      expect(book.body.students.map((s: { name: string; answered: number }) => [s.name, s.answered])).toEqual([
        ['Ada', 1],
        ['Bob', 0],
      ]);
      expect(book.text).not.toContain(d.manageToken);
      const csv = await api.csv(d.code, { token: d.manageToken });
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="drill-${d.code}.csv"`);
      expect(csv.text.trimEnd().split('\r\n')).toHaveLength(1 + 2 * 2);
    });

    it('reopenAttempts: only with closed:false (422); it lets an attempt that saw its key change answers, and the gradebook shows it', async () => {
      const d = await drill({ revealPolicy: 'after-submit' });
      const s = await student(d.code);
      const body = { questionId: 'q1', answer: correctAnswer(s.questions[0]!.q) };
      expect((await api.patchDrill(d.code, { token: d.manageToken, body: { closed: true, reopenAttempts: true } })).body.issues[0].path).toBe('reopenAttempts');
      await api.patchDrill(d.code, { token: d.manageToken, body: { closed: true } });
      expect((await api.attempt(s.attemptId, { token: s.token })).body.revealed).toBe(true);
      await api.patchDrill(d.code, { token: d.manageToken, body: { closed: false } });
      expect((await api.answer(s.attemptId, { token: s.token, body })).status).toBe(409);
      await api.patchDrill(d.code, { token: d.manageToken, body: { closed: true } });
      expect((await api.patchDrill(d.code, { token: d.manageToken, body: { closed: false, reopenAttempts: true } })).status).toBe(200);
      expect((await api.answer(s.attemptId, { token: s.token, body })).status).toBe(201);
      const book = await api.results(d.code, { token: d.manageToken });
      expect(typeof book.body.students[0].keySeenAt).toBe('string');
      expect(typeof book.body.students[0].answersReopenedAt).toBe('string');
    });

    it('closing makes joins and answers 409; reopening allows them again; delete is 204 then 404', async () => {
      const d = await drill();
      const s = await student(d.code);
      const closed = await api.patchDrill(d.code, { token: d.manageToken, body: { closed: true } });
      expect(closed.body.phase).toBe('closed');
      expect((await api.join(d.code, { body: { name: 'Late' } })).status).toBe(409);
      expect((await api.answer(s.attemptId, { token: s.token, body: { questionId: 'q1', answer: correctAnswer(s.questions[0]!.q) } })).status).toBe(409);
      await api.patchDrill(d.code, { token: d.manageToken, body: { closed: false } });
      expect((await api.join(d.code, { body: { name: 'Late' } })).status).toBe(201);
      expect((await api.deleteDrill(d.code, { token: d.manageToken })).status).toBe(204);
      expect((await api.getDrill(d.code)).status).toBe(404);
    });
  });

  it('stores 200 concurrent answer requests through the API exactly once each', async () => {
    const d = await drill({ count: 20, variant: 'per-student' });
    const students = await Promise.all(Array.from({ length: 10 }, (_, i) => student(d.code, `C${i}`)));
    const calls = students.flatMap((s) => s.questions.map(({ id, q }) => () => api.answer(s.attemptId, { token: s.token, body: { questionId: id, answer: correctAnswer(q) } })));
    const results = await Promise.all(calls.map((c) => c()));
    expect(results.map((r) => r.status).filter((x) => x === 201)).toHaveLength(200);
    const book = await api.results(d.code, { token: d.manageToken });
    expect(book.body.students.reduce((n: number, s: { answered: number }) => n + s.answered, 0)).toBe(200);
  }, 60_000);
});

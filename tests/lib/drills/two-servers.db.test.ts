/** @jest-environment node */
/**
 * Issue 19, item 8: several app servers on one database. Each "server" here is its own database handle —
 * its own pool (PostgreSQL) or Drizzle instance (PGlite), and so its own attempt cache — over the same data.
 * Students answer through both, the instructor closes on one, the other refuses at once; the limits are
 * shared; nothing acknowledged is lost; both gradebooks agree.
 */
import { eq } from 'drizzle-orm';
import type { PGlite } from '@electric-sql/pglite';
import type { Pool } from 'pg';
import { openDatabase, tables, type Database, type DatabaseHandle } from '@/lib/db';
import {
  gradeAndStoreAnswerByToken,
  canonicalAnswer,
  createDrill,
  createDrillSchema,
  DrillError,
  findDrill,
  getPublicDrill,
  gradebookCsv,
  limitOf,
  loadGradebook,
  RATE_LIMITS,
  setDrillClosed,
  startAttempt,
} from '@/lib/drills';
import type { RawAnswer } from '@/lib/scenarios';
import { openTestDatabase, TEST_BACKEND } from '../db/test-database';
import { correctAnswer, differentAnswer, PLAIN_KINDS } from './answers-for';
import { storedQuestions } from './stored-questions';

let handle: DatabaseHandle;
let serverA: Database;
let serverB: Database;
let closeB: () => Promise<void> = async () => undefined;

beforeAll(async () => {
  handle = await openTestDatabase();
  serverA = handle.db;
  const client = (handle.db as unknown as { $client: Pool | PGlite }).$client;
  if (handle.kind === 'postgres') {
    const b = await openDatabase({ url: (client as Pool).options.connectionString!, poolSize: 10 });
    serverB = b.db;
    closeB = () => b.close();
  } else {
    // One in-memory PGlite cannot be opened twice; a second Drizzle instance over it is a second server's handle.
    serverB = (await openDatabase({ pglite: client as PGlite })).db;
  }
  expect(serverB).not.toBe(serverA);
}, 60_000);
afterAll(async () => {
  await closeB();
  await handle?.close();
});

const input = createDrillSchema.parse({ title: 'Two servers', kinds: [...PLAIN_KINDS], difficulty: 'standard', count: 4, variant: 'per-student', revealPolicy: 'after-submit' });

async function questionsOf(attemptId: string) {
  return new Map((await storedQuestions(serverA, attemptId)).map((r) => [r.id, r.q]));
}

interface Sent {
  attemptId: string;
  questionId: string;
  answer: RawAnswer;
  status: number | 'refused';
}

async function send(server: Database, s: { attemptId: string; attemptToken: string }, questionId: string, answer: RawAnswer): Promise<Sent> {
  try {
    const out = await gradeAndStoreAnswerByToken(server, s.attemptId, s.attemptToken, async () => ({ questionId, answer }));
    return { attemptId: s.attemptId, questionId, answer, status: out.status };
  } catch (e) {
    if (e instanceof DrillError && e.status === 409) return { attemptId: s.attemptId, questionId, answer, status: 'refused' };
    throw e;
  }
}

describe(`two app servers on one database (${TEST_BACKEND})`, () => {
  it('answers through both are kept; a close on one is refused on the other at once; both gradebooks agree', async () => {
    const { code } = await createDrill(serverA, input);
    // Twelve students, half joining through each server.
    const students = await Promise.all(
      Array.from({ length: 12 }, (_, i) => startAttempt(i % 2 ? serverB : serverA, code, `Student ${i}`, new Date(), { client: `203.0.113.${i}` })),
    );
    const questions = await Promise.all(students.map((s) => questionsOf(s.attemptId)));
    const answerFor = (i: number, qid: string) => correctAnswer(questions[i]!.get(qid)!);

    // q1 through the server the student joined on, q2 through the other one, all at once.
    const round1 = await Promise.all(
      students.flatMap((s, i) => [send(i % 2 ? serverB : serverA, s, 'q1', answerFor(i, 'q1')), send(i % 2 ? serverA : serverB, s, 'q2', answerFor(i, 'q2'))]),
    );
    expect(round1.every((r) => r.status === 201)).toBe(true);

    // q3 from everyone through B while the instructor closes the drill on A.
    const [round2] = await Promise.all([
      Promise.all(students.map((s, i) => send(serverB, s, 'q3', answerFor(i, 'q3')))),
      setDrillClosed(serverA, await findDrill(serverA, code), true),
    ]);
    // Once the close has returned, every answer through B is refused — first answers (one statement, the
    // attempt remembered by B) and changes alike.
    const after = await Promise.all(
      students.flatMap((s, i) => [send(serverB, s, 'q4', answerFor(i, 'q4')), send(serverB, s, 'q1', differentAnswer(questions[i]!.get('q1')!))]),
    );
    expect(after.map((r) => r.status)).toEqual(after.map(() => 'refused'));

    // Nothing acknowledged is lost, and nothing is stored that was not acknowledged.
    const acknowledged = [...round1, ...round2].filter((r) => r.status !== 'refused');
    const rows = await serverB
      .select()
      .from(tables.answers)
      .innerJoin(tables.attempts, eq(tables.attempts.id, tables.answers.attemptId))
      .where(eq(tables.attempts.drillId, (await findDrill(serverB, code)).id));
    const stored = new Map(rows.map((r) => [`${r.answers.attemptId}/${r.answers.questionId}`, r.answers.answer]));
    expect(stored.size).toBe(acknowledged.length);
    for (const a of acknowledged) expect(stored.get(`${a.attemptId}/${a.questionId}`)).toBe(canonicalAnswer(a.answer));

    // Both servers build the same gradebook and CSV.
    const now = new Date();
    const [bookA, bookB] = await Promise.all([loadGradebook(serverA, await findDrill(serverA, code), now), loadGradebook(serverB, await findDrill(serverB, code), now)]);
    expect(bookB).toEqual(bookA);
    expect(bookA.students.reduce((n, s) => n + s.answered, 0)).toBe(acknowledged.length);
    const [csvA, csvB] = await Promise.all([gradebookCsv(serverA, await findDrill(serverA, code), now), gradebookCsv(serverB, await findDrill(serverB, code), now)]);
    expect(csvB).toBe(csvA);
  }, 120_000);

  it('counts the limits once for both servers', async () => {
    const { code } = await createDrill(serverA, createDrillSchema.parse({ ...input, count: 1, kinds: ['source-ip'], attemptsAllowed: 20 }));
    const now = new Date('2026-12-01T09:00:10Z');
    const limit = limitOf(RATE_LIMITS.attemptsPerClient);
    for (let i = 0; i < limit; i++) await startAttempt(i % 2 ? serverB : serverA, code, `S${i}`, now, { client: '198.51.100.77' });
    for (const server of [serverA, serverB]) {
      await expect(startAttempt(server, code, 'One more', now, { client: '198.51.100.77' })).rejects.toMatchObject({ status: 429 });
    }
    // A join-code guesser alternating between the servers meets one budget.
    for (let i = 0; i < limitOf(RATE_LIMITS.unknownCodesPerClient); i++) {
      await expect(getPublicDrill(i % 2 ? serverB : serverA, 'ZZZZZ2', now, { client: '198.51.100.78' })).rejects.toMatchObject({ status: 404 });
    }
    for (const server of [serverA, serverB]) {
      await expect(getPublicDrill(server, code, now, { client: '198.51.100.78' })).rejects.toMatchObject({ status: 429 });
    }
  }, 120_000);
});

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { createThrowawayDatabase } from '../support/throwaway-database';
import { drillKeys } from './support/drill-keys';

// One worker, in file order: this file's tests share a server, ports or collected figures (the suite is otherwise fully parallel).
test.describe.configure({ mode: 'default' });

/**
 * Several app servers (issue 19 items 4 and 8). On one PostgreSQL, two production servers (`npm start`) serve one
 * class: students answer through both, the instructor closes the drill on one and the other refuses answers
 * at once, and both show the same gradebook. On one PGlite folder, the second server refuses to start and
 * says why. Needs the production build (`next build`).
 */
const ROOT = path.join(__dirname, '..', '..');
// drills-edge's port range (3130–3139); the default suite's server is on 3102.
const PORTS = [3131, 3132] as const;

interface Server {
  child: ChildProcess;
  base: string;
  log: () => string;
  exited: Promise<number | null>;
}

function startServer(port: number, env: Record<string, string>): Server {
  let log = '';
  const child = spawn(process.execPath, ['lib/serve/cli.js', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: ROOT,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', DRILLS_ATTEMPTS_PER_CLIENT: '1000', DRILLS_LOOKUPS_PER_CLIENT: '10000', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so stopping it reaches everything it started
  });
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, base: `http://127.0.0.1:${port}`, log: () => log, exited };
}

async function waitReady(server: Server, timeoutMs = 60_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    // 404 from the API means the app is up and the database answered.
    const status = await fetch(`${server.base}/api/drills/ZZZZZZ`).then((r) => r.status, () => 0);
    if (status === 404) return;
    if (server.child.exitCode !== null) throw new Error(`the server exited:\n${server.log()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not become ready:\n${server.log()}`);
}

async function stop(server: Server) {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  try {
    process.kill(-server.child.pid!, 'SIGTERM');
  } catch {
    return;
  }
  const killed = setTimeout(() => process.kill(-server.child.pid!, 'SIGKILL'), 5_000);
  await server.exited;
  clearTimeout(killed);
}

async function call(base: string, method: string, url: string, body?: unknown, token?: string) {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const adminUrl = process.env.TEST_DATABASE_URL;

test.describe('two app servers on one PostgreSQL', () => {
  test.describe.configure({ timeout: 180_000 });
  // CI always has PostgreSQL (.ci/run sets TEST_DATABASE_URL); only a local run without one may skip, visibly.
  test.skip(!adminUrl && !process.env.CI, 'TEST_DATABASE_URL is not set: no PostgreSQL server to run two app servers on');

  test('answers through both, a close on one is enforced by the other at once, the gradebooks agree', async ({ browser }) => {
    expect(adminUrl, 'TEST_DATABASE_URL must be set in CI').toBeTruthy();
    const database = await createThrowawayDatabase(adminUrl!, 'stt_two_servers');
    const servers = PORTS.map((port) => startServer(port, { DATABASE_URL: database.url, PGLITE_DIR: '' }));
    try {
      await Promise.all(servers.map((s) => waitReady(s)));
      const [a, b] = servers as [Server, Server];

      const drill = await call(a.base, 'POST', '/api/drills', { title: 'Two servers', kinds: ['source-ip', 'load-share'], difficulty: 'standard', count: 4, revealPolicy: 'after-close' });
      expect(drill.status).toBe(201);
      const { code, manageToken } = drill.body as { code: string; manageToken: string };

      // Six students, joined alternately through A and B, each answering every question through both servers.
      const students: { attemptId: string; token: string; questions: { id: string }[] }[] = [];
      for (let i = 0; i < 6; i++) {
        const r = await call(servers[i % 2]!.base, 'POST', `/api/drills/${code}/attempts`, { name: `Student ${i}` });
        expect(r.status).toBe(201);
        students.push({ attemptId: r.body.attemptId, token: r.body.attemptToken, questions: r.body.questions });
      }
      // Students never receive a question's seed: the right answers come from the instructor's CSV, as in drills.e2e.
      const keys = await drillKeys(a.base, code, manageToken);
      const answerOf = (si: number, questionId: string) =>
        Object.fromEntries(keys.get(`Student ${si}#1`)!.get(questionId)!.key.fields.map((f) => [f.field, f.expected]));
      const acknowledged: { s: number; questionId: string; answer: Record<string, string> }[] = [];
      await Promise.all(
        students.map(async (s, si) => {
          // The first three questions only: the fourth is for after the close.
          for (const [qi, q] of s.questions.slice(0, 3).entries()) {
            const server = servers[(si + qi) % 2]!;
            const r = await call(server.base, 'POST', `/api/attempts/${s.attemptId}/answers`, { questionId: q.id, answer: answerOf(si, q.id) }, s.token);
            expect(r.status).toBe(201);
            acknowledged.push({ s: si, questionId: q.id, answer: answerOf(si, q.id) });
          }
        }),
      );
      // B has now served every attempt (its in-process cache knows them); A closes the drill.
      for (const s of students) expect((await call(b.base, 'GET', `/api/attempts/${s.attemptId}`, undefined, s.token)).status).toBe(200);
      const closed = await call(a.base, 'PATCH', `/api/drills/${code}`, { closed: true }, manageToken);
      expect(closed.status).toBe(200);
      expect(closed.body.phase).toBe('closed');

      // At once, through B: no new answer, no new attempt.
      for (const [si, s] of students.entries()) {
        const q = s.questions[3]!;
        const r = await call(b.base, 'POST', `/api/attempts/${s.attemptId}/answers`, { questionId: q.id, answer: answerOf(si, q.id) }, s.token);
        expect(r.status).toBe(409);
      }
      expect((await call(b.base, 'POST', `/api/drills/${code}/attempts`, { name: 'Late' })).status).toBe(409);
      expect((await call(b.base, 'GET', `/api/drills/${code}`)).body.phase).toBe('closed');

      // The gradebooks agree, and hold every acknowledged answer (and nothing refused).
      const books = await Promise.all(servers.map((s) => call(s.base, 'GET', `/api/drills/${code}/results`, undefined, manageToken)));
      for (const book of books) expect(book.status).toBe(200);
      const strip = (g: { generatedAt?: string }) => ({ ...g, generatedAt: undefined });
      expect(strip(books[1]!.body)).toEqual(strip(books[0]!.body));
      const gradebook = books[0]!.body as { students: unknown[] };
      expect(gradebook.students).toHaveLength(6);
      for (const s of students) {
        const view = await call(b.base, 'GET', `/api/attempts/${s.attemptId}`, undefined, s.token);
        const stored = new Map((view.body.answers as { questionId: string; answer: Record<string, string> }[]).map((x) => [x.questionId, x.answer]));
        expect(stored.size).toBe(3);
        for (const ack of acknowledged.filter((x) => x.s === students.indexOf(s))) expect(stored.get(ack.questionId)).toEqual(ack.answer);
      }

      // The instructor's manage page on B shows the drill closed by A, with the same students.
      const page = await browser.newPage();
      await page.goto(`${b.base}/drills/${code}/manage#key=${manageToken}`);
      await expect(page.getByText('Student 5').first()).toBeVisible();
      await expect(page.getByText(/closed/i).first()).toBeVisible();
      await page.close();
    } finally {
      await Promise.all(servers.map(stop));
      await database.drop();
    }
  });
});

test.describe('two app servers on one PGlite folder', () => {
  test.describe.configure({ timeout: 120_000 });

  test('the second refuses to start, naming the folder and the way to run several servers', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'stt-two-pglite-'));
    const first = startServer(PORTS[0], { PGLITE_DIR: dir, DATABASE_URL: '' });
    let second: Server | undefined;
    try {
      await waitReady(first);
      second = startServer(PORTS[1], { PGLITE_DIR: dir, DATABASE_URL: '' });
      const code = await Promise.race([second.exited, new Promise<'running'>((r) => setTimeout(() => r('running'), 30_000))]);
      expect(code, `the second server kept running:\n${second.log()}`).not.toBe('running');
      expect(code).not.toBe(0);
      expect(second.log()).toContain(dir);
      expect(second.log()).toMatch(/DATABASE_URL=postgres/);
      // The first one is unharmed and keeps serving.
      expect((await call(first.base, 'POST', '/api/drills', { title: 'Still here', kinds: ['source-ip'], difficulty: 'intro', count: 1 })).status).toBe(201);
    } finally {
      if (second) await stop(second);
      await stop(first);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

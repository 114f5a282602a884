import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { Client } from 'pg';
import { drillKeys } from './support/drill-keys';

// One worker, in file order: this file's tests share a server, ports or collected figures (the suite is otherwise fully parallel).
test.describe.configure({ mode: 'default' });

/**
 * Durability: `kill -9` of the server while answers are arriving, then a restart on the same data.
 * Every answer that got a 2xx before the kill must be there afterwards, exactly as sent.
 * Needs the production build (`next build`, the same `.next` — or NEXT_DIST_DIR — the e2e stage uses).
 * PGlite always; PostgreSQL when TEST_DATABASE_URL names a server (CI's throwaway cluster): a fresh
 * database is created on it for the run.
 */
const ROOT = path.join(__dirname, '..', '..');
const PORT = 3190 + Math.floor(Math.random() * 50);
const BASE = `http://127.0.0.1:${PORT}`;

/** Everything the servers printed, to check that no secret ever reaches a log. */
let serverLog = '';

function startServer(env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['lib/serve/cli.js', '-p', String(PORT), '-H', '127.0.0.1'], {
    cwd: ROOT,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', DRILLS_ATTEMPTS_PER_CLIENT: '1000', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so the kill reaches everything it started
  });
  child.stdout?.on('data', (d: Buffer) => (serverLog += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (serverLog += d.toString()));
  return child;
}

async function waitReady(timeoutMs = 60_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    // 404 from the API means the app is up and the database answered.
    const status = await fetch(`${BASE}/api/drills/ZZZZZZ`).then((r) => r.status, () => 0);
    if (status === 404) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the server did not become ready');
}

function kill9(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    process.kill(-child.pid!, 'SIGKILL');
  });
}

async function post(url: string, body: unknown, token?: string) {
  const res = await fetch(`${BASE}${url}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

interface Student {
  attemptId: string;
  token: string;
  name: string;
  questions: { id: string }[];
}

async function killDuringSubmissions(env: Record<string, string>) {
  let server = startServer(env);
  try {
    await waitReady();
    const drill = await post('/api/drills', { title: 'Durability', kinds: ['source-ip', 'health-check', 'load-share'], difficulty: 'standard', count: 20, variant: 'per-student', revealPolicy: 'never' });
    expect(drill.status).toBe(201);
    // The manage token in use (gradebook, CSV, the manage page) and misused (wrong drill) — none of it logged.
    const manageToken: string = drill.body.manageToken;
    for (const url of [`/api/drills/${drill.body.code}/results`, `/api/drills/${drill.body.code}/results.csv`, '/api/drills/ZZZZZZ/results']) {
      await fetch(`${BASE}${url}`, { headers: { authorization: `Bearer ${manageToken}` } });
    }
    await fetch(`${BASE}/drills/${drill.body.code}/manage`);
    const students: Student[] = [];
    for (let i = 0; i < 10; i++) {
      const r = await post(`/api/drills/${drill.body.code}/attempts`, { name: `Student ${i}` });
      expect(r.status).toBe(201);
      students.push({ attemptId: r.body.attemptId, token: r.body.attemptToken, name: `Student ${i}`, questions: r.body.questions });
    }
    // Right answers as the instructor can rebuild them (CSV seeds); students receive no seed.
    const keys = await drillKeys(BASE, drill.body.code, manageToken);
    const jobs = students.flatMap((s) =>
      s.questions.map((q) => ({ s, questionId: q.id, answer: Object.fromEntries(keys.get(`${s.name}#1`)!.get(q.id)!.key.fields.map((f) => [f.field, f.expected])) })),
    );

    // 16 senders work through the 200 answers; the server is killed once 60 have been acknowledged.
    const acknowledged: typeof jobs = [];
    let next = 0;
    let killed: Promise<void> | null = null;
    const sender = async () => {
      while (next < jobs.length) {
        const job = jobs[next++]!;
        const r = await post(`/api/attempts/${job.s.attemptId}/answers`, { questionId: job.questionId, answer: job.answer }, job.s.token).catch(() => null);
        if (r && r.status >= 200 && r.status < 300) acknowledged.push(job);
        if (acknowledged.length >= 60 && !killed) killed = kill9(server);
        if (killed && !r) return; // connection refused: the server is gone
      }
    };
    await Promise.all(Array.from({ length: 16 }, sender));
    await killed;
    expect(killed).not.toBeNull();
    expect(acknowledged.length).toBeGreaterThanOrEqual(60);
    expect(acknowledged.length).toBeLessThan(jobs.length); // the kill really happened mid-run

    server = startServer(env);
    await waitReady();
    for (const s of students) {
      const res = await fetch(`${BASE}/api/attempts/${s.attemptId}`, { headers: { authorization: `Bearer ${s.token}` } });
      expect(res.status).toBe(200);
      const view = (await res.json()) as { answers: { questionId: string; answer: Record<string, string> }[] };
      const stored = new Map(view.answers.map((a) => [a.questionId, a.answer]));
      for (const job of acknowledged.filter((j) => j.s === s)) expect(stored.get(job.questionId)).toEqual(job.answer);
    }
    await kill9(server);
    for (const secret of [manageToken, ...students.map((s) => s.token)]) expect(serverLog).not.toContain(secret);
    return acknowledged.length;
  } finally {
    await kill9(server);
  }
}

test.describe('drills durability (kill -9 during submissions)', () => {
  test.describe.configure({ timeout: 180_000 });

  test('PGlite: every acknowledged answer survives kill -9 and restart', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'stt-durability-'));
    try {
      const n = await killDuringSubmissions({ PGLITE_DIR: dir, DATABASE_URL: '' });
      test.info().annotations.push({ type: 'acknowledged before kill', description: String(n) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  const adminUrl = process.env.TEST_DATABASE_URL;
  // Only where a PostgreSQL server is given (CI sets TEST_DATABASE_URL); nothing to test against otherwise.
  if (adminUrl) {
    test('PostgreSQL: every acknowledged answer survives kill -9 and restart', async () => {
      const name = `stt_durability_${Date.now()}`;
      const admin = new Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      try {
        const n = await killDuringSubmissions({ DATABASE_URL: url.toString() });
        test.info().annotations.push({ type: 'acknowledged before kill', description: String(n) });
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      }
    });
  }
});

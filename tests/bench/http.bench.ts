/**
 * Drills figures (npm run bench:http). Prints numbers; asserts nothing about time.
 *  1. Against the BUILT app (`next build` first; NEXT_DIST_DIR respected), on PGlite and on PostgreSQL, 10 s
 *     each: autocannon, 50 connections, closed loop (saturated: the most req/s) for a static page and answer
 *     submission; then answer submission open loop (open-loop.ts): answers arriving at 25, 50 and 75 % of the
 *     saturated rate over at most 50 connections — the latency (p50, p99) a class sees.
 *     PostgreSQL: BENCH_DATABASE_URL / TEST_DATABASE_URL (a fresh database is created on it), else a
 *     throwaway cluster is started from Debian's binaries on 127.0.0.1:54331 and removed afterwards.
 *  2. In process: the gradebook of 500 students × 20 questions (query + build + server render) and the
 *     CSV of those 10,000 rows.
 * Targets (issue 6): submission ≥ 30 % of the static page's req/s (saturated runs) and p99 < 100 ms on
 * PostgreSQL at 50 connections (open loop: a closed loop's latency is its own queue, ≈ 50 ÷ req/s —
 * even the static page's p99 is over 100 ms saturated);
 * gradebook < 500 ms; CSV < 1 s.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, chownSync } from 'node:fs';
import Module from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { createThrowawayDatabase } from '../support/throwaway-database';
import { openLoop } from './open-loop';

// lib/drills is server-only; this script is the server. Satisfy the marker before loading it.
const requireHere = Module.createRequire(__filename);
requireHere.cache[requireHere.resolve('server-only')] = { exports: {} } as NodeJS.Module;

/** The part of autocannon's API used here (the package ships no types). */
interface AutocannonResult {
  requests: { average: number };
  latency: { p50: number; p99: number };
  '2xx': number;
  non2xx: number;
  errors: number;
  timeouts: number;
}
interface AutocannonRequest { method?: string; path?: string; headers?: Record<string, string>; body?: string }
type Autocannon = (o: {
  url: string;
  connections: number;
  duration?: number;
  amount?: number;
  requests?: { method?: string; setupRequest?: (req: AutocannonRequest) => AutocannonRequest }[];
}) => Promise<AutocannonResult>;
const autocannon = requireHere('autocannon') as Autocannon;

const ROOT = path.join(__dirname, '..', '..');
const DIST = process.env.NEXT_DIST_DIR || '.next';
const PORT = Number(process.env.BENCH_PORT) || 3291;
const BASE = `http://127.0.0.1:${PORT}`;
const DURATION = Number(process.env.BENCH_SECONDS) || 10;
const CONNECTIONS = 50;
/** Arrival rates for the open-loop answer runs, as fractions of the saturated answer throughput. */
const PACED_FRACTIONS = [0.25, 0.5, 0.75];
/** Attempts (× 20 questions) prepared per backend: enough fresh answers for every run to insert, and a class
 * that fits the per-process attempt cache (500, lib/drills/attempt-cache.ts). */
const ATTEMPTS = 480;
/** BENCH_BACKENDS=postgres (or pglite) runs only those; BENCH_SKIP_IN_PROCESS=1 skips part 2. */
const BACKENDS = (process.env.BENCH_BACKENDS || 'pglite,postgres').split(',').map((s) => s.trim());

type Row = Record<string, string | number>;
const rows: Row[] = [];

/** BENCH_SERVER_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") are given to the server's node only. */
const SERVER_NODE_ARGS = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);

function startServer(env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, [...SERVER_NODE_ARGS, 'lib/serve/cli.js', '-p', String(PORT), '-H', '127.0.0.1'], {
    cwd: ROOT,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', DRILLS_ATTEMPTS_PER_CLIENT: '100000', DRILLS_ATTEMPTS_PER_DRILL: '100000', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  return child;
}

async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  process.kill(-child.pid!, 'SIGTERM');
  await exited;
}

async function waitReady() {
  for (let i = 0; i < 240; i++) {
    const s = await fetch(`${BASE}/api/drills/ZZZZZZ`).then((r) => r.status, () => 0);
    if (s === 404) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server did not start');
}

async function api(method: string, url: string, body?: unknown, token?: string) {
  const res = await fetch(`${BASE}${url}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${url} → ${res.status} ${await res.text()}`);
  return res.json() as Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

interface Field { name: string; type: string; options?: { value: string }[]; min?: number }

/** A well-formed answer from the public response spec (the bench measures storage, not correctness). */
function wellFormed(fields: Field[]): Record<string, string> {
  return Object.fromEntries(
    fields.map((f) => [f.name, f.type === 'choice' ? (f.options?.[0]?.value ?? '') : f.type === 'share' ? '1/2' : f.type === 'integer' ? String(f.min ?? 0) : '10.0.0.1']),
  );
}

function record(label: string, backend: string, r: AutocannonResult) {
  rows.push({
    target: label,
    backend,
    'req/s (avg)': Math.round(r.requests.average),
    'p50 ms': r.latency.p50,
    'p99 ms': r.latency.p99,
    '2xx': r['2xx'],
    'non-2xx': r.non2xx,
    errors: r.errors + r.timeouts,
  });
}

async function httpFigures(backend: string, env: Record<string, string>) {
  const server = startServer(env);
  try {
    await waitReady();
    const drill = await api('POST', '/api/drills', {
      title: 'Bench', kinds: ['source-ip', 'health-check', 'load-share', 'client-outcome'], difficulty: 'standard', count: 20, variant: 'per-student', revealPolicy: 'never',
    });
    // Enough distinct (attempt, question) pairs that every request in the run is a fresh insert.
    const bodies: { path: string; headers: Record<string, string>; body: string }[] = [];
    for (let i = 0; i < ATTEMPTS; i++) {
      const a = await api('POST', `/api/drills/${drill.code}/attempts`, { name: `Student ${i}` });
      for (const q of a.questions as { id: string; response: { fields: Field[] } }[]) {
        bodies.push({
          path: `/api/attempts/${a.attemptId}/answers`,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${a.attemptToken}` },
          body: JSON.stringify({ questionId: q.id, answer: wellFormed(q.response.fields) }),
        });
      }
    }
    // Warm both routes (first request compiles nothing in production, but fills caches).
    await autocannon({ url: `${BASE}/`, connections: 4, amount: 200 });
    const staticRun = await autocannon({ url: `${BASE}/`, connections: CONNECTIONS, duration: DURATION });
    record('GET / (static page)', backend, staticRun);
    let n = 0;
    // Closed loop: 50 connections each send the next answer as soon as the last one is answered, so the run
    // measures the most the server can take (req/s); its latency is then queueing (Little's law: ≈ 50 ÷ req/s).
    const answerRun = await autocannon({
      url: BASE,
      connections: CONNECTIONS,
      duration: DURATION,
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => {
            const b = bodies[n++ % bodies.length]!;
            return { ...req, path: b.path, headers: b.headers, body: b.body };
          },
        },
      ],
    });
    record('POST answer (insert), saturated', backend, answerRun);
    const ratio = answerRun.requests.average / staticRun.requests.average;
    rows.push({ target: 'answer / static req/s', backend, 'req/s (avg)': `${Math.round(ratio * 100)} %` });
    // Open loop: answers arrive at a fixed average rate (Poisson, like a class of independent students) over
    // at most 50 connections; latency counts from each arrival, so any queueing is in the figure.
    for (const fraction of PACED_FRACTIONS) {
      const rate = Math.max(1, Math.round(answerRun.requests.average * fraction));
      const paced = await openLoop({
        baseUrl: BASE,
        rate,
        durationSeconds: DURATION,
        connections: CONNECTIONS,
        next: () => {
          const b = bodies[n++ % bodies.length]!;
          return { method: 'POST', path: b.path, headers: b.headers, body: b.body };
        },
      });
      rows.push({
        target: `POST answer (insert), ${rate} req/s arriving (${Math.round(fraction * 100)} % of saturated)`,
        backend,
        'req/s (avg)': paced.achieved,
        'p50 ms': paced.p50,
        'p99 ms': paced.p99,
        '2xx': paced.statuses['2xx'] ?? 0,
        'non-2xx': paced.count - (paced.statuses['2xx'] ?? 0) - (paced.statuses.error ?? 0),
        errors: paced.statuses.error ?? 0,
      });
    }
    if (n > bodies.length) rows.push({ target: 'note', backend, 'req/s (avg)': `${n - bodies.length} requests repeated an answer (idempotent 200)` });
  } finally {
    await stopServer(server);
  }
}

/** A PostgreSQL server for the run: given, or a throwaway cluster (needs Debian's postgresql). */
async function postgres(): Promise<{ url: string; stop: () => Promise<void> } | null> {
  const given = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (given) {
    const db = await createThrowawayDatabase(given, 'stt_bench');
    return { url: db.url, stop: db.drop };
  }
  const bins = existsSync('/usr/lib/postgresql') ? execFileSync('sh', ['-c', 'ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1']).toString().trim() : '';
  if (!bins) return null;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'stt-bench-pg-'));
  const asPg = (cmd: string, args: string[]) =>
    process.getuid?.() === 0 ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(bins, cmd), ...args], { stdio: 'ignore' }) : execFileSync(path.join(bins, cmd), args, { stdio: 'ignore' });
  if (process.getuid?.() === 0) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()));
  asPg('initdb', ['-D', `${dir}/data`, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale']);
  asPg('pg_ctl', ['-D', `${dir}/data`, '-l', `${dir}/log`, '-w', '-o', `-c listen_addresses=127.0.0.1 -p 54331 -c unix_socket_directories=${dir} -c max_connections=200`, 'start']);
  const db = await createThrowawayDatabase('postgres://postgres@127.0.0.1:54331/postgres', 'stt_bench');
  return {
    url: db.url,
    stop: async () => {
      await db.drop();
      asPg('pg_ctl', ['-D', `${dir}/data`, '-m', 'fast', '-w', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function inProcessFigures(pgUrl: string | null) {
  // Measure the React that ships: without this, react-dom/server loads its development build (several times slower).
  (process.env as Record<string, string>).NODE_ENV = 'production';
  const { openDatabase, tables } = await import('@/lib/db');
  const drills = await import('@/lib/drills');
  const { drawQuestions } = await import('@/lib/drills/questions');
  const { renderToString } = await import('react-dom/server');
  const { createElement, Fragment } = await import('react');
  const { GradebookTable, QuestionStatsTable } = await import('@/app/drills/[code]/manage/gradebook-table');
  const { PGlite } = await import('@electric-sql/pglite');

  for (const backend of pgUrl ? ['pglite', 'postgres'] : ['pglite']) {
    const handle = backend === 'postgres' ? await openDatabase({ url: pgUrl! }) : await openDatabase({ pglite: new PGlite() });
    const db = handle.db;
    const created = await drills.createDrill(db, drills.createDrillSchema.parse({ title: 'Big class', kinds: ['source-ip', 'load-share'], difficulty: 'standard', count: 20 }));
    const drill = await drills.findDrill(db, created.code);
    const questions = drawQuestions({ seed: drill.seed, kinds: ['source-ip', 'load-share'], difficulty: 'standard', count: 20 });
    const misconceptions = [['cluster-keeps-client-ip', 'Cluster keeps the client IP'], ['even-per-pod-under-local', 'Load is even per Pod under Local'], [null, null]] as const;
    for (let batch = 0; batch < 10; batch++) {
      const attemptRows = Array.from({ length: 50 }, (_, j) => {
        const i = batch * 50 + j;
        const id = crypto.randomUUID();
        return { id, drillId: drill.id, name: `Student ${i}`, nameKey: `student ${i}`, studentId: id, attemptNumber: 1, tokenHash: 'x', seed: drill.seed, startedAt: new Date(Date.now() - 600_000), submittedAt: i % 3 ? new Date() : null };
      });
      await db.insert(tables.attempts).values(attemptRows);
      await db.insert(tables.attemptQuestions).values(
        attemptRows.flatMap((a) => questions.map((q, position) => ({ attemptId: a.id, questionId: q.id, position, kind: q.spec.kind, difficulty: q.spec.difficulty, seed: q.spec.seed, question: q }))),
      );
      await db.insert(tables.answers).values(
        attemptRows.flatMap((a, j) =>
          questions.map((q, k) => {
            const [mid, mlabel] = misconceptions[(j + k) % 3]!;
            const score = mid ? 0 : 1;
            const result = { status: 'graded' as const, score, parts: [], misconception: null, feedback: '', expected: '', steps: [] };
            return { attemptId: a.id, questionId: q.id, position: k, answer: JSON.stringify({ sourceIp: `10.0.${j}.${k}` }), score, misconceptionId: mid, misconceptionLabel: mlabel, result };
          }),
        ),
      );
    }
    const bookTimes: number[] = [];
    const renderTimes: number[] = [];
    const csvTimes: number[] = [];
    let html = 0;
    let csvRows = 0;
    for (let run = 0; run < 5; run++) {
      const t0 = performance.now();
      const book = await drills.loadGradebook(db, drill);
      const t1 = performance.now();
      html = renderToString(createElement(Fragment, null, createElement(GradebookTable, { gradebook: book }), createElement(QuestionStatsTable, { gradebook: book }))).length;
      const t2 = performance.now();
      const csv = await drills.gradebookCsv(db, drill);
      const t3 = performance.now();
      csvRows = csv.split('\r\n').length - 2;
      bookTimes.push(t1 - t0);
      renderTimes.push(t2 - t1);
      csvTimes.push(t3 - t2);
    }
    rows.push({ target: 'gradebook 500×20: query + build', backend, 'p50 ms': Math.round(median(bookTimes)) });
    rows.push({ target: 'gradebook 500×20: render to HTML', backend, 'p50 ms': Math.round(median(renderTimes)), note: `${Math.round(html / 1024)} KiB` });
    rows.push({ target: 'gradebook 500×20: total', backend, 'p50 ms': Math.round(median(bookTimes.map((b, i) => b + renderTimes[i]!))) });
    rows.push({ target: `CSV ${csvRows} rows: query + format`, backend, 'p50 ms': Math.round(median(csvTimes)) });
    await handle.close();
  }
}

async function main() {
  if (!existsSync(path.join(ROOT, DIST, 'BUILD_ID'))) {
    console.error(`No production build in ${DIST}/ — run \`next build\` first (NEXT_DIST_DIR=${DIST}).`);
    process.exit(1);
  }
  const pg = await postgres();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'stt-bench-pglite-'));
  try {
    console.log(`[bench] ${os.cpus().length} CPUs, load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}; ${CONNECTIONS} connections, ${DURATION} s per run`);
    if (BACKENDS.includes('pglite')) await httpFigures('pglite', { PGLITE_DIR: dataDir, DATABASE_URL: '' });
    if (!BACKENDS.includes('postgres')) {
      /* not asked for */
    } else if (pg) await httpFigures('postgres', { DATABASE_URL: pg.url });
    else console.log('[bench] no PostgreSQL available: skipping the PostgreSQL HTTP figures');
    if (!process.env.BENCH_SKIP_IN_PROCESS) await inProcessFigures(pg?.url ?? null);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    await pg?.stop();
  }
  console.table(rows);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

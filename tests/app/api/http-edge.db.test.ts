/** @jest-environment node */
import net from 'node:net';
import { count, sql } from 'drizzle-orm';
import { openDatabase, setDatabaseHandle, tables } from '@/lib/db';
import { resetServerEnv } from '@/lib/env';
import * as drillsRoute from '@/app/api/drills/route';
import * as drillRoute from '@/app/api/drills/[code]/route';
import * as attemptsRoute from '@/app/api/drills/[code]/attempts/route';
import * as resultsRoute from '@/app/api/drills/[code]/results/route';
import * as csvRoute from '@/app/api/drills/[code]/results.csv/route';
import * as attemptRoute from '@/app/api/attempts/[attemptId]/route';
import * as answersRoute from '@/app/api/attempts/[attemptId]/answers/route';
import * as submitRoute from '@/app/api/attempts/[attemptId]/submit/route';
import * as retakeRoute from '@/app/api/attempts/[attemptId]/retake/route';
import { createThrowawayDatabase } from '../../support/throwaway-database';
import { TEST_BACKEND, suiteDatabase } from '../../support/drill-database';
import { PLAIN_KINDS } from '../../lib/drills/answers-for';

/**
 * The HTTP edge of the JSON API (issue 19 items 6 and 7): methods (405 + Allow), media type (415), cross-site
 * requests (403), links built from PUBLIC_URL or the request URL (never X-Forwarded-*), a database that is
 * down or frozen (503 + Retry-After within a bound) and 500 logs without request data.
 */
const ORIGIN = 'http://127.0.0.1:3000';
type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type RouteModule = Partial<Record<'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS', Handler>>;

const ROUTES: { path: string; module: RouteModule; params: Record<string, string>; implemented: string[] }[] = [
  { path: '/api/drills', module: drillsRoute as unknown as RouteModule, params: {}, implemented: ['POST'] },
  { path: '/api/drills/ABCDEF', module: drillRoute as unknown as RouteModule, params: { code: 'ABCDEF' }, implemented: ['GET', 'PATCH', 'DELETE'] },
  { path: '/api/drills/ABCDEF/attempts', module: attemptsRoute as unknown as RouteModule, params: { code: 'ABCDEF' }, implemented: ['POST'] },
  { path: '/api/drills/ABCDEF/results', module: resultsRoute as unknown as RouteModule, params: { code: 'ABCDEF' }, implemented: ['GET'] },
  { path: '/api/drills/ABCDEF/results.csv', module: csvRoute as unknown as RouteModule, params: { code: 'ABCDEF' }, implemented: ['GET'] },
  { path: '/api/attempts/x', module: attemptRoute as unknown as RouteModule, params: { attemptId: 'x' }, implemented: ['GET'] },
  { path: '/api/attempts/x/answers', module: answersRoute as unknown as RouteModule, params: { attemptId: 'x' }, implemented: ['POST'] },
  { path: '/api/attempts/x/submit', module: submitRoute as unknown as RouteModule, params: { attemptId: 'x' }, implemented: ['POST'] },
  { path: '/api/attempts/x/retake', module: retakeRoute as unknown as RouteModule, params: { attemptId: 'x' }, implemented: ['POST'] },
];
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

let ipCounter = 0;
async function call(module: RouteModule, method: string, path: string, params: Record<string, string>, init: { headers?: Record<string, string>; body?: string } = {}) {
  const handler = module[method as keyof RouteModule];
  if (!handler) throw new Error(`${path} exports no ${method}`);
  const headers = { 'x-forwarded-for': `10.99.${(++ipCounter >> 8) & 255}.${ipCounter & 255}`, ...init.headers };
  const res = await handler(new Request(`${ORIGIN}${path}`, { method, headers, body: init.body }), { params: Promise.resolve(params) });
  const text = await res.text();
  let body: any = null; // eslint-disable-line @typescript-eslint/no-explicit-any -- API JSON under test
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  return { status: res.status, headers: res.headers, text, body };
}

const VALID = { title: 'Edge', kinds: [...PLAIN_KINDS], difficulty: 'standard', count: 2 };
const JSON_TYPE = { 'content-type': 'application/json' };
const createDrill = (headers: Record<string, string> = JSON_TYPE, body: unknown = VALID) =>
  call(drillsRoute as unknown as RouteModule, 'POST', '/api/drills', {}, { headers, body: JSON.stringify(body) });

function withEnv(vars: Record<string, string | undefined>) {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  for (const [k, v] of Object.entries(vars)) if (v === undefined) delete process.env[k];
  resetServerEnv();
  return () => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    resetServerEnv();
  };
}

describe(`API edge (${TEST_BACKEND})`, () => {
  const shared = suiteDatabase({ asAppDatabase: true });

  const drillCount = async () => (await shared.db.select({ n: count() }).from(tables.drills))[0]!.n;
  const attemptCount = async () => (await shared.db.select({ n: count() }).from(tables.attempts))[0]!.n;

  describe('405 with JSON and Allow on every route', () => {
    for (const route of ROUTES) {
      for (const method of METHODS.filter((m) => !route.implemented.includes(m))) {
        it(`${method} ${route.path}`, async () => {
          const r = await call(route.module, method, route.path, route.params, { headers: JSON_TYPE, body: method === 'GET' ? undefined : '{}' });
          expect(r.status).toBe(405);
          expect(r.headers.get('content-type')).toMatch(/^application\/json/);
          expect(r.body.error).toContain(method);
          const allow = r.headers.get('allow')!.split(', ');
          expect(allow).toEqual(expect.arrayContaining([...route.implemented, 'OPTIONS']));
          expect(allow).not.toContain(method);
        });
      }
      it(`OPTIONS ${route.path} lists only what the route implements`, async () => {
        const r = await call(route.module, 'OPTIONS', route.path, route.params);
        expect(r.status).toBe(204);
        expect(r.headers.get('allow')!.split(', ').sort()).toEqual(
          [...route.implemented, ...(route.implemented.includes('GET') ? ['HEAD'] : []), 'OPTIONS'].sort(),
        );
      });
    }
  });

  describe('415: state-changing routes take JSON only', () => {
    it.each([
      ['text/plain', 'text/plain;charset=UTF-8'],
      ['a form', 'application/x-www-form-urlencoded'],
      ['multipart', 'multipart/form-data; boundary=x'],
    ])('refuses a drill sent as %s, and creates nothing', async (_n, type) => {
      const before = await drillCount();
      const r = await createDrill({ 'content-type': type });
      expect(r.status).toBe(415);
      expect(r.body.issues[0].path).toBe('content-type');
      expect(await drillCount()).toBe(before);
    });

    it('refuses a body with no Content-Type', async () => {
      expect((await createDrill({})).status).toBe(415);
    });

    it('accepts application/json with a charset', async () => {
      expect((await createDrill({ 'content-type': 'application/json; charset=utf-8' })).status).toBe(201);
    });

    it('refuses a text/plain join (the cross-site form of the report) and creates no attempt', async () => {
      const d = await createDrill();
      const before = await attemptCount();
      const r = await call(attemptsRoute as unknown as RouteModule, 'POST', `/api/drills/${d.body.code}/attempts`, { code: d.body.code }, {
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify({ name: 'Mallory' }),
      });
      expect(r.status).toBe(415);
      expect(await attemptCount()).toBe(before);
    });
  });

  describe('403: cross-site requests', () => {
    it.each([
      ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }],
      ['Sec-Fetch-Site: same-site', { 'sec-fetch-site': 'same-site' }],
      ['a foreign Origin (no Sec-Fetch-Site)', { origin: 'https://evil.example' }],
      ['Origin: null (sandboxed page)', { origin: 'null' }],
    ])('refuses %s, and creates nothing', async (_n, headers) => {
      const before = await drillCount();
      const r = await createDrill({ ...JSON_TYPE, host: '127.0.0.1:3000', ...headers });
      expect(r.status).toBe(403);
      expect(r.body.issues[0].path).toBe('origin');
      expect(await drillCount()).toBe(before);
    });

    it('refuses a cross-site join before anything else', async () => {
      const d = await createDrill();
      const r = await call(attemptsRoute as unknown as RouteModule, 'POST', `/api/drills/${d.body.code}/attempts`, { code: d.body.code }, {
        headers: { 'content-type': 'text/plain', 'sec-fetch-site': 'cross-site' },
        body: JSON.stringify({ name: 'Mallory' }),
      });
      expect(r.status).toBe(403);
    });

    it.each([
      ['Sec-Fetch-Site: same-origin', { 'sec-fetch-site': 'same-origin', origin: ORIGIN }],
      ['Sec-Fetch-Site: none', { 'sec-fetch-site': 'none' }],
      ['an Origin whose host is the Host header', { origin: 'http://drills.local:8080', host: 'drills.local:8080' }],
      ['no browser headers at all (curl)', {}],
    ])('accepts %s', async (_n, headers) => {
      expect((await createDrill({ ...JSON_TYPE, ...headers })).status).toBe(201);
    });

    it('accepts the configured PUBLIC_URL as Origin', async () => {
      const restore = withEnv({ PUBLIC_URL: 'https://drills.example.org' });
      try {
        expect((await createDrill({ ...JSON_TYPE, origin: 'https://drills.example.org', host: 'internal:3000' })).status).toBe(201);
      } finally {
        restore();
      }
    });

    it('leaves reads alone (GET from anywhere is harmless)', async () => {
      const d = await createDrill();
      const r = await call(drillRoute as unknown as RouteModule, 'GET', `/api/drills/${d.body.code}`, { code: d.body.code }, { headers: { 'sec-fetch-site': 'cross-site' } });
      expect(r.status).toBe(200);
    });
  });

  describe('links in answers', () => {
    it('ignore X-Forwarded-Host and X-Forwarded-Proto', async () => {
      const r = await createDrill({ ...JSON_TYPE, 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'javascript' });
      expect(r.status).toBe(201);
      expect(r.body.studentUrl).toBe(`${ORIGIN}/drills/${r.body.code}`);
      expect(r.body.manageUrl.startsWith(`${ORIGIN}/drills/${r.body.code}/manage#key=`)).toBe(true);
    });

    it('use the host the browser addressed, and only a well-formed one', async () => {
      const lan = await createDrill({ ...JSON_TYPE, host: '192.168.1.5:3000' });
      expect(lan.body.studentUrl).toBe(`http://192.168.1.5:3000/drills/${lan.body.code}`);
      for (const host of ['evil.example/x', 'a b', 'evil.example:80@x', 'javascript:alert(1)']) {
        const r = await createDrill({ ...JSON_TYPE, host });
        expect(r.body.studentUrl).toBe(`${ORIGIN}/drills/${r.body.code}`);
      }
    });

    it('come from PUBLIC_URL when it is set', async () => {
      const restore = withEnv({ PUBLIC_URL: 'https://drills.example.org/' });
      try {
        const r = await createDrill();
        expect(r.body.studentUrl).toBe(`https://drills.example.org/drills/${r.body.code}`);
        expect(r.body.manageUrl).toBe(`https://drills.example.org/drills/${r.body.code}/manage#key=${r.body.manageToken}`);
      } finally {
        restore();
      }
    });
  });

  describe('500', () => {
    it('logs an error id and the error class, never the request data in the failed query', async () => {
      // Every new drill now fails in the database, after the seed and token hash became query parameters.
      await shared.db.execute(sql.raw('ALTER TABLE drills ADD CONSTRAINT edge_test_refuse CHECK (false) NOT VALID'));
      const log = jest.spyOn(console, 'error').mockImplementation(() => {});
      try {
        const r = await createDrill(JSON_TYPE, { ...VALID, title: 'Title-7f3a-request-data' });
        expect(r.status).toBe(500);
        const id = /error ([0-9a-f]{12})/.exec(r.body.error)?.[1];
        expect(id).toBeDefined();
        const logged = log.mock.calls.map((c) => c.map(String).join(' ')).join('\n');
        expect(logged).toContain(id);
        expect(logged).toContain('23514'); // check_violation: the class of failure is kept
        expect(logged).not.toMatch(/Title-7f3a|params|insert into|\$\d/i);
      } finally {
        log.mockRestore();
        await shared.db.execute(sql.raw('ALTER TABLE drills DROP CONSTRAINT edge_test_refuse'));
      }
    });
  });
});

/** A TCP server that accepts connections and never says a word: a database that is frozen (SIGSTOP, a dead link). */
async function silentServer() {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => {
    sockets.add(s);
    s.on('error', () => {});
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () => new Promise<void>((r) => {
      for (const s of sockets) s.destroy();
      server.close(() => r());
    }),
  };
}

async function freePortThatRefuses() {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe('503 when the database is down or frozen (PostgreSQL settings)', () => {
  afterEach(() => setDatabaseHandle(null));

  async function timedGet() {
    const started = Date.now();
    const r = await call(drillRoute as unknown as RouteModule, 'GET', '/api/drills/ABCDEF', { code: 'ABCDEF' });
    return { ...r, ms: Date.now() - started };
  }

  it('answers 503 with Retry-After at once when nothing listens', async () => {
    const port = await freePortThatRefuses();
    const restore = withEnv({ DATABASE_URL: `postgres://u@127.0.0.1:${port}/db`, DATABASE_CONNECT_TIMEOUT_MS: '1000' });
    setDatabaseHandle(null);
    const log = jest.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const r = await timedGet();
      expect(r.status).toBe(503);
      expect(r.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(r.body.error).toMatch(/database is unavailable/);
      expect(r.ms).toBeLessThan(3_000);
    } finally {
      log.mockRestore();
      restore();
    }
  });

  it('answers 503 within the connect timeout when the server accepts and never answers', async () => {
    const frozen = await silentServer();
    const restore = withEnv({ DATABASE_URL: `postgres://u@127.0.0.1:${frozen.port}/db`, DATABASE_CONNECT_TIMEOUT_MS: '700' });
    setDatabaseHandle(null);
    const log = jest.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const r = await timedGet();
      expect(r.status).toBe(503);
      expect(r.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(r.ms).toBeGreaterThanOrEqual(600);
      expect(r.ms).toBeLessThan(3_000);
    } finally {
      log.mockRestore();
      restore();
      await frozen.close();
    }
  });

  // A server that froze after the app connected: only a real PostgreSQL can be opened and then frozen.
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    it('answers 503 within the statement bound when PostgreSQL freezes mid-service', async () => {
      const database = await createThrowawayDatabase(adminUrl, 'stt_edge');
      const target = new URL(database.url);
      // A proxy in front of PostgreSQL that can stop passing bytes: the app's connections stay open, silent.
      let frozen = false;
      const links = new Set<net.Socket>();
      const proxy = net.createServer((client) => {
        const upstream = net.connect(Number(target.port || 5432), target.hostname);
        links.add(client).add(upstream);
        for (const s of [client, upstream]) s.on('error', () => {});
        client.on('data', (d) => !frozen && upstream.write(d));
        upstream.on('data', (d) => !frozen && client.write(d));
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
      });
      await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
      const viaProxy = new URL(database.url);
      viaProxy.host = `127.0.0.1:${(proxy.address() as net.AddressInfo).port}`;
      const handle = await openDatabase({ url: viaProxy.toString(), poolSize: 2, connectTimeoutMs: 700, statementTimeoutMs: 800 });
      setDatabaseHandle(handle);
      const log = jest.spyOn(console, 'error').mockImplementation(() => {});
      try {
        expect((await timedGet()).status).toBe(404); // up: an unknown code
        frozen = true;
        const r = await timedGet();
        expect(r.status).toBe(503);
        expect(r.headers.get('retry-after')).toMatch(/^\d+$/);
        expect(r.ms).toBeLessThan(800 + 2_000 + 1_000);
      } finally {
        log.mockRestore();
        for (const s of links) s.destroy();
        await handle.close().catch(() => {});
        await new Promise<void>((r) => proxy.close(() => r()));
        await database.drop();
      }
    }, 30_000);
  }
});

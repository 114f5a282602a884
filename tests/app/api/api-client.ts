/**
 * Calls the route handlers in process, exactly as Next would: a Request plus `{params: Promise<…>}`.
 * Keeps the API tests about status codes and bodies, not about starting a server.
 */
import * as drillsRoute from '@/app/api/drills/route';
import * as drillRoute from '@/app/api/drills/[code]/route';
import * as attemptsRoute from '@/app/api/drills/[code]/attempts/route';
import * as resultsRoute from '@/app/api/drills/[code]/results/route';
import * as csvRoute from '@/app/api/drills/[code]/results.csv/route';
import * as attemptRoute from '@/app/api/attempts/[attemptId]/route';
import * as answersRoute from '@/app/api/attempts/[attemptId]/answers/route';
import * as submitRoute from '@/app/api/attempts/[attemptId]/submit/route';
import * as retakeRoute from '@/app/api/attempts/[attemptId]/retake/route';

const ORIGIN = 'http://127.0.0.1:3000';
let requestCount = 0;

export interface Call {
  status: number;
  headers: Headers;
  text: string;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- API JSON under test
}

function request(method: string, path: string, o: { body?: unknown; raw?: string; token?: string; ip?: string } = {}) {
  const headers: Record<string, string> = {};
  if (o.body !== undefined || o.raw !== undefined) headers['content-type'] = 'application/json';
  if (o.token) headers.authorization = `Bearer ${o.token}`;
  // Each request from its own address unless a test names one, so only the rate-limit test meets the limit.
  headers['x-forwarded-for'] = o.ip ?? `10.${(++requestCount >> 16) & 255}.${(requestCount >> 8) & 255}.${requestCount & 255}`;
  return new Request(`${ORIGIN}${path}`, { method, headers, body: o.raw ?? (o.body === undefined ? undefined : JSON.stringify(o.body)) });
}

async function done(res: Response): Promise<Call> {
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  return { status: res.status, headers: res.headers, text, body };
}

const p = <T>(v: T) => ({ params: Promise.resolve(v) });
type Opts = { body?: unknown; raw?: string; token?: string; ip?: string };

export const api = {
  createDrill: async (o: Opts) => done(await drillsRoute.POST(request('POST', '/api/drills', o))),
  getDrill: async (code: string) => done(await drillRoute.GET(request('GET', `/api/drills/${code}`), p({ code }))),
  patchDrill: async (code: string, o: Opts) => done(await drillRoute.PATCH(request('PATCH', `/api/drills/${code}`, o), p({ code }))),
  deleteDrill: async (code: string, o: Opts) => done(await drillRoute.DELETE(request('DELETE', `/api/drills/${code}`, o), p({ code }))),
  join: async (code: string, o: Opts) => done(await attemptsRoute.POST(request('POST', `/api/drills/${code}/attempts`, o), p({ code }))),
  results: async (code: string, o: Opts) => done(await resultsRoute.GET(request('GET', `/api/drills/${code}/results`, o), p({ code }))),
  csv: async (code: string, o: Opts) => done(await csvRoute.GET(request('GET', `/api/drills/${code}/results.csv`, o), p({ code }))),
  attempt: async (attemptId: string, o: Opts) => done(await attemptRoute.GET(request('GET', `/api/attempts/${attemptId}`, o), p({ attemptId }))),
  answer: async (attemptId: string, o: Opts) => done(await answersRoute.POST(request('POST', `/api/attempts/${attemptId}/answers`, o), p({ attemptId }))),
  submit: async (attemptId: string, o: Opts) => done(await submitRoute.POST(request('POST', `/api/attempts/${attemptId}/submit`, o), p({ attemptId }))),
  retake: async (attemptId: string, o: Opts) => done(await retakeRoute.POST(request('POST', `/api/attempts/${attemptId}/retake`, o), p({ attemptId }))),
};

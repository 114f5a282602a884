import 'server-only';
import { randomBytes } from 'node:crypto';
import { NextResponse } from 'next/server';
import type { z } from 'zod';
import { describeErrorForLog, isDatabaseUnavailable } from '@/lib/db/unavailable';
import { clientKey, DrillError, LIMITS, trustProxyFromEnv } from '@/lib/drills';
import { serverEnv } from '@/lib/env';
import { zodIssues, type Issue } from '@/lib/validation/issues';
import { HttpError } from './http-error';
import { assertJsonBody, guardStateChange } from './request-guards';

/**
 * The JSON API's edge: body size and syntax, zod validation, bearer tokens and the error shape
 * `{error, issues:[{path,message}]}`. Route handlers call these once and hand typed values to lib/drills.
 */
export function json(body: unknown, status = 200, headers?: HeadersInit) {
  return NextResponse.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } });
}

export function errorBody(error: string, issues: Issue[] = []) {
  return { error, issues };
}

/** Seconds a client is told to wait when the database is unavailable. */
export const UNAVAILABLE_RETRY_AFTER_S = 5;

/** Turns anything thrown into the API's error response. Unknown errors are 500 and logged without request data. */
export function toErrorResponse(e: unknown) {
  if (e instanceof DrillError) {
    const headers: Record<string, string> = {};
    if (e.status === 401) headers['WWW-Authenticate'] = 'Bearer';
    if (e.status === 429) headers['Retry-After'] = String(e.retryAfterSeconds ?? 60);
    return json(errorBody(e.message, e.issues), e.status, headers);
  }
  if (e instanceof HttpError) return json(errorBody(e.message, e.issues), e.status, e.headers);
  const errorId = randomBytes(6).toString('hex');
  if (isDatabaseUnavailable(e)) {
    console.error(`[api] database unavailable (error ${errorId}): ${describeErrorForLog(e)}`);
    return json(
      errorBody(`The database is unavailable; try again in ${UNAVAILABLE_RETRY_AFTER_S} seconds (error ${errorId})`, [{ path: '', message: 'Service unavailable' }]),
      503,
      { 'Retry-After': String(UNAVAILABLE_RETRY_AFTER_S) },
    );
  }
  console.error(`[api] unexpected error ${errorId}: ${describeErrorForLog(e)}`);
  return json(errorBody(`Internal error (error ${errorId})`), 500);
}

/**
 * Wraps a handler so every refusal leaves as a JSON error. State-changing requests pass the cross-site
 * checks (403, 415) before the handler runs.
 */
export function handle<A extends [Request, ...unknown[]]>(fn: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      guardStateChange(args[0]);
      return await fn(...args);
    } catch (e) {
      return toErrorResponse(e);
    }
  };
}

/** Reads at most LIMITS.bodyBytes; 413 beyond that (checked on the declared length and on the bytes read). */
async function readLimitedText(req: Request, limit: number): Promise<string> {
  const declared = Number(req.headers.get('content-length') ?? '0');
  const tooLarge = () => new DrillError(413, `The request body is larger than ${limit} bytes`, [{ path: '', message: 'Body too large' }]);
  if (declared > limit) throw tooLarge();
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** 415: not declared JSON; 400: not a JSON object; 413: too large; 422: a JSON object that fails the schema (every failing field). */
export async function readBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.output<S>> {
  assertJsonBody(req, true);
  const text = await readLimitedText(req, LIMITS.bodyBytes);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new DrillError(400, 'The request body is not valid JSON', [{ path: '', message: e instanceof Error ? e.message : 'Invalid JSON' }]);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new DrillError(400, 'The request body must be a JSON object', [{ path: '', message: 'Expected an object' }]);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new DrillError(422, 'The request body is invalid', zodIssues(parsed.error));
  return parsed.data;
}

/** The bearer token, or 401. */
export function bearerToken(req: Request): string {
  const header = req.headers.get('authorization') ?? '';
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!m?.[1]) throw new DrillError(401, 'A bearer token is required', [{ path: 'authorization', message: 'Missing "Authorization: Bearer <token>"' }]);
  return m[1];
}

/** A Host header value: a DNS name, IPv4 or [IPv6] address, optional port. Anything else is ignored. */
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The origin of the links we hand out: PUBLIC_URL when configured; else the request's own: the scheme Next
 * gives its URL (http or https) and the host the browser addressed (Host), which reaches the server from
 * other machines where Next's URL says `localhost`. Never X-Forwarded-Host/-Proto, which any client can set
 * (`javascript://evil.example` came back once).
 */
export function publicOrigin(req: Request): string {
  const configured = serverEnv().PUBLIC_URL;
  if (configured) return configured;
  const url = new URL(req.url);
  const scheme = url.protocol === 'https:' ? 'https' : 'http';
  const host = req.headers.get('host');
  return `${scheme}://${host && HOST.test(host) ? host.toLowerCase() : url.host}`;
}

/**
 * The client's key for the abuse limits (lib/drills/client-address.ts): X-Forwarded-For read as `TRUST_PROXY`
 * allows — by default only its last entry, which Next fills from the socket when the request brings none.
 */
export function clientAddress(req: Request | Headers): string {
  const headers = req instanceof Headers ? req : req.headers;
  return clientKey(headers.get('x-forwarded-for'), trustProxyFromEnv());
}
